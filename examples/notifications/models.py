from django.conf import settings
from django.db import models
from django.utils import timezone

from .signals import notification_read


class Notification(models.Model):
    """A message for one user, shown in their inbox until they read it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    message = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.message

    # --8<-- [start:mark_read]
    def mark_read(self):
        """Mark the notification as read; announce it the first time only."""
        now = timezone.now()
        # Only the call that changes the row sends, even with concurrent calls.
        unread = Notification.objects.filter(pk=self.pk, read_at=None)
        if unread.update(read_at=now):
            self.read_at = now
            notification_read.send(sender=Notification, notification=self)

    # --8<-- [end:mark_read]


# --8<-- [start:delivery]
class Delivery(models.Model):
    """A copy of a notification to send on another channel, queued for a worker."""

    class Channel(models.TextChoices):
        EMAIL = "email"
        SMS = "sms"

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.notification} by {self.channel}"


# --8<-- [end:delivery]


# --8<-- [start:alert]
class Alert(Notification):
    """A notification shown as a banner: same table, different behaviour."""

    class Meta:
        proxy = True


# --8<-- [end:alert]
