from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The project's user model (AUTH_USER_MODEL = "accounts.User").

    Django recommends a custom user model from the first migration; it is
    also what makes `sender=django.contrib.auth.models.User` miss every
    auth signal in this project, which the handbook shows.
    """


# --8<-- [start:profile]
class ProfileManager(models.Manager):
    def create_missing(self):
        """Create a profile for every user who has none; return how many."""
        users = get_user_model()._default_manager.filter(profile__isnull=True)
        pks = users.values_list("pk", flat=True)
        return len(self.bulk_create(self.model(user_id=pk) for pk in pks))


class Profile(models.Model):
    # A relation to settings.AUTH_USER_MODEL, never to auth.User itself.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(max_length=100, blank=True)

    objects = ProfileManager()

    def __str__(self):
        return f"Profile of {self.user}"


# --8<-- [end:profile]


# --8<-- [start:login_event]
class LoginEvent(models.Model):
    class Kind(models.TextChoices):
        LOGGED_IN = "logged_in"
        LOGGED_OUT = "logged_out"
        FAILED = "failed"

    kind = models.CharField(max_length=10, choices=Kind)
    # Kept when the user is deleted; empty for failures and anonymous logouts.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="login_events",
    )
    username = models.CharField(max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.kind} {self.username or '-'} from {self.ip_address or '?'}"


# --8<-- [end:login_event]
