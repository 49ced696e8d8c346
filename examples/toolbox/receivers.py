"""Receivers of the toolbox app, connected by ToolboxConfig.ready()."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import SignalSubscriber
from .welcome import send_welcome_email


# --8<-- [start:welcome_new_subscriber]
@receiver(post_save, sender=SignalSubscriber)
def welcome_new_subscriber(sender, instance, created, raw, using, **kwargs):
    if created and not raw:
        transaction.on_commit(partial(send_welcome_email, instance), using=using)


# --8<-- [end:welcome_new_subscriber]
