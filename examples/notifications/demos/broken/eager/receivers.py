from django.db.models.signals import post_save
from django.dispatch import receiver

from notifications.models import Notification


@receiver(post_save, sender=Notification)
def on_notification_saved(sender, instance, created, **kwargs):
    return created
