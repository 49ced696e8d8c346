"""Service functions of the toolbox app."""

from functools import partial

from django.db import transaction

from .models import ServiceSubscriber
from .welcome import send_welcome_email


# --8<-- [start:subscribe]
def subscribe(email):
    """Create a subscriber and welcome them once the row is committed."""
    with transaction.atomic():
        subscriber = ServiceSubscriber.objects.create(email=email)
        transaction.on_commit(partial(send_welcome_email, subscriber))
    return subscriber


def subscribe_many(emails):
    """The same for a batch: one INSERT, one email per new subscriber."""
    with transaction.atomic():
        subscribers = ServiceSubscriber.objects.bulk_create(
            ServiceSubscriber(email=email) for email in emails
        )
        for subscriber in subscribers:
            transaction.on_commit(partial(send_welcome_email, subscriber))
    return subscribers


# --8<-- [end:subscribe]
