"""Checks of docs/reference/auth-signals.md: the authentication signals, sent for real,
and the claims its snippets do not show.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

import asyncio
from unittest import mock

from django.apps import apps
from django.contrib.auth import (
    aauthenticate,
    alogin,
    alogout,
    authenticate,
    logout,
)
from django.contrib.auth.models import AnonymousUser, update_last_login
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore
from django.core.handlers.wsgi import WSGIRequest
from django.test import Client, RequestFactory
from django.test.utils import override_settings
from django.utils.functional import SimpleLazyObject

from accounts.models import User
from tests.pages.reference.capture import Triggers, page_tests

TRIGGERS = Triggers()


def make_user():
    return User.objects.create_user("ann", password="correct horse")


@TRIGGERS.on("user_logged_in:login")
def login_view(capture):
    make_user()
    client = Client()
    with capture:
        response = client.post(
            "/library/login/", {"username": "ann", "password": "correct horse"}
        )
        assert response.status_code == 302
        assert client.login(username="ann", password="correct horse")
        client.force_login(User.objects.get())
    return [User] * 3


def session_request():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


@TRIGGERS.on("user_logged_in:alogin")
def alogin_(capture):
    user = make_user()
    with capture:
        asyncio.run(alogin(session_request(), user))
    return [User]


@TRIGGERS.on("user_logged_out:logout")
def logout_view(capture):
    make_user()
    client = Client()
    client.login(username="ann", password="correct horse")
    with capture:
        assert client.post("/library/logout/").status_code == 302
        client.login(username="ann", password="correct horse")
        client.logout()
    user = capture.calls[0][1]["user"]
    assert user == User.objects.get()
    assert type(user) is SimpleLazyObject  # request.user, from the middleware
    assert capture.calls[1][1]["user"] == user
    return [User] * 2


@TRIGGERS.on("user_logged_out:anonymous")
def logout_anonymous(capture):
    request = session_request()
    request.user = AnonymousUser()
    async_request = session_request()

    async def auser():
        return AnonymousUser()

    async_request.auser = auser
    with capture:
        logout(request)
        asyncio.run(alogout(async_request))
    assert [kwargs["user"] for _, kwargs in capture.calls] == [None, None]
    return [type(None)] * 2


@TRIGGERS.on("user_logged_out:alogout")
def alogout_(capture):
    user = make_user()
    request = session_request()

    async def auser():
        return user

    request.auser = auser
    with capture:
        asyncio.run(alogout(request))
    return [User]


@TRIGGERS.on("user_login_failed:authenticate")
def failed_login(capture):
    make_user()
    request = RequestFactory().post("/library/login/")
    with capture:
        authenticate(request, username="ann", password="wrong")
        assert not Client().login(username="ann", password="wrong")
        Client().post("/library/login/", {"username": "ann", "password": "wrong"})
    credentials = capture.calls[0][1]["credentials"]
    assert credentials == {"username": "ann", "password": "*" * 20}
    assert capture.calls[0][1]["request"] is request
    assert capture.calls[1][1]["request"] is None
    assert isinstance(capture.calls[2][1]["request"], WSGIRequest)  # LoginView
    return ["django.contrib.auth"] * 3


@TRIGGERS.on("user_login_failed:permission-denied")
def denied_login(capture):
    make_user()
    backends = [
        "library.backends.ClosedLibraryBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    with override_settings(AUTHENTICATION_BACKENDS=backends), capture:
        assert authenticate(username="ann", password="correct horse") is None
    return ["django.contrib.auth"]


@TRIGGERS.on("user_login_failed:aauthenticate")
def afailed_login(capture):
    make_user()
    with capture:
        asyncio.run(aauthenticate(username="ann", password="wrong", api_key="k"))
    assert capture.calls[0][1]["credentials"]["api_key"] == "*" * 20
    return ["django.contrib.auth"]


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "auth-signals.md", TRIGGERS
)


# Claims beyond the catalogue -----------------------------------------------


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
