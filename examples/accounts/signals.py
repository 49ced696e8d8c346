"""Custom signals sent by the accounts app."""

from django.dispatch import Signal

# --8<-- [start:user_signed_up]
user_signed_up = Signal()
"""Sent by `accounts.services.sign_up()` when a visitor creates an account.

Sender: the user model class.

Keyword arguments:
    user: the new user, already saved (inside the sign-up transaction).
"""
# --8<-- [end:user_signed_up]
