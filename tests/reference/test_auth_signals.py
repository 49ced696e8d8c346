"""Claims of docs/reference/auth-signals.md that its snippets do not show."""

from unittest import mock

from django.apps import apps
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in


def connected_to_user_logged_in():
    return [entry[0][0] for entry in user_logged_in.receivers]


def test_update_last_login_is_connected_only_for_a_model_with_last_login():
    """auth-signals.md: "When the user model has a `last_login` field"."""
    assert "update_last_login" in connected_to_user_logged_in()

    class NoLastLogin:
        last_login = None  # e.g. a custom user model that removed the field

    auth = apps.get_app_config("auth")
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    with mock.patch("django.contrib.auth.apps.get_user_model", lambda: NoLastLogin):
        auth.ready()
    assert "update_last_login" not in connected_to_user_logged_in()
    auth.ready()  # with the project's user model, which has the field
    assert "update_last_login" in connected_to_user_logged_in()
