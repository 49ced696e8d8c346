"""Service functions: the notifications app's operations."""

from django.db import transaction

from .models import Notification
from .signals import notification_created


# --8<-- [start:notify]
def notify(recipient, message):
    """Store a notification for `recipient` and announce it."""
    with transaction.atomic():
        notification = Notification.objects.create(
            recipient=recipient,
            message=message,
        )
        notification_created.send(
            sender=Notification,
            notification=notification,
        )
    return notification


# --8<-- [end:notify]
