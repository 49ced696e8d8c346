"""Login auditing: one LoginEvent row per login, logout and failed login.

Nothing here is connected when the app starts: the auth signals are sent for
every login of the project, so the project decides where to turn this on by
calling connect_login_auditing() (from an AppConfig.ready(), or in a test).
"""

# --8<-- [start:receivers]
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)

from .models import LoginEvent


def client_ip(request):
    """The address Django was reached from (None without a request)."""
    return None if request is None else request.META.get("REMOTE_ADDR")


def record_login(sender, request, user, **kwargs):
    LoginEvent.objects.create(
        kind=LoginEvent.Kind.LOGGED_IN,
        user=user,
        username=user.get_username(),
        ip_address=client_ip(request),
    )


def record_logout(sender, request, user, **kwargs):
    # user is None when the visitor was not logged in.
    LoginEvent.objects.create(
        kind=LoginEvent.Kind.LOGGED_OUT,
        user=user,
        username=user.get_username() if user else "",
        ip_address=client_ip(request),
    )


def record_failed_login(sender, credentials, request, **kwargs):
    # credentials are the arguments given to authenticate(), secrets masked.
    # Django's login form (AuthenticationForm) passes the username as username=.
    username = str(credentials.get("username", ""))
    max_length = LoginEvent._meta.get_field("username").max_length
    LoginEvent.objects.create(
        kind=LoginEvent.Kind.FAILED,
        username=username[:max_length],  # whatever was typed, cut to fit
        ip_address=client_ip(request),
    )


# --8<-- [end:receivers]


# --8<-- [start:connect]
def connect_login_auditing():
    user_logged_in.connect(record_login, dispatch_uid="accounts.record_login")
    user_logged_out.connect(record_logout, dispatch_uid="accounts.record_logout")
    user_login_failed.connect(
        record_failed_login, dispatch_uid="accounts.record_failed_login"
    )


def disconnect_login_auditing():
    user_logged_in.disconnect(dispatch_uid="accounts.record_login")
    user_logged_out.disconnect(dispatch_uid="accounts.record_logout")
    user_login_failed.disconnect(dispatch_uid="accounts.record_failed_login")


# --8<-- [end:connect]


# --8<-- [start:last_login]
def stop_updating_last_login():
    """Disconnect Django's receiver that sets user.last_login at each login.

    django.contrib.auth connects it in its AppConfig.ready() with
    dispatch_uid="update_last_login". Returns False if it was not connected.
    """
    return user_logged_in.disconnect(dispatch_uid="update_last_login")


# --8<-- [end:last_login]
