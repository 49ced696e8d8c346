"""The receiving side of the cross-app recipe.

It imports the accounts app's signal, never its models: the signal and its
documented arguments are the whole contract between the two apps.
"""

# --8<-- [start:receiver]
from django.dispatch import receiver

from accounts.signals import user_signed_up

from .models import Message


@receiver(user_signed_up)
def send_welcome_message(sender, user, **kwargs):
    Message.objects.create(recipient=user, text=f"Welcome, {user.get_username()}!")


# --8<-- [end:receiver]
