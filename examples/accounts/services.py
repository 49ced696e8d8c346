"""The accounts app's business operations."""

# --8<-- [start:sign_up]
from django.contrib.auth import get_user_model
from django.db import transaction

from .signals import user_signed_up


def sign_up(username, email, password):
    """Create an account for a visitor and tell the rest of the project."""
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.create_user(username, email, password)
        # Inside the transaction: if a receiver raises, there is no account.
        user_signed_up.send(sender=User, user=user)
    return user


# --8<-- [end:sign_up]
