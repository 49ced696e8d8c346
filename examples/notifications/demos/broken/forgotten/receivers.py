from django.dispatch import receiver

from notifications.signals import notification_created


@receiver(notification_created)
def count(sender, **kwargs):
    return "count"
