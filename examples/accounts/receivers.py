"""Receivers of the accounts app, connected by AccountsConfig.ready()."""

# --8<-- [start:create_profile]
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Profile


# settings.AUTH_USER_MODEL is "accounts.User": a lazy "app_label.Model" sender.
@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, raw, **kwargs):
    # raw is True while loaddata saves a fixture: the fixture has its own
    # profiles (or none), so leave the database alone.
    if created and not raw:
        Profile.objects.create(user=instance)


# --8<-- [end:create_profile]
