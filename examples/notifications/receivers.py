"""Receivers of the notifications app, connected by NotificationsConfig.ready()."""

from django.dispatch import receiver

from .models import Delivery
from .signals import notification_created


# --8<-- [start:queue_email_copy]
@receiver(notification_created)
def queue_email_copy(sender, notification, **kwargs):
    """Queue an email copy of a new notification, if the user has an address."""
    if notification.recipient.email:
        Delivery.objects.create(
            notification=notification, channel=Delivery.Channel.EMAIL
        )


# --8<-- [end:queue_email_copy]
