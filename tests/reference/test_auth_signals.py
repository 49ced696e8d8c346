"""Auth signals around real requests, shown on docs/reference/auth-signals.md.

Tests rather than snippets: the test client's requests reconnect Django's
close_old_connections receiver, which the snippet harness reports.
"""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.test import Client

pytestmark = pytest.mark.django_db


# --8<-- [start:session]
def test_only_the_login_itself_sends_user_logged_in():
    logins = []

    def record(sender, user, request, **kwargs):
        logins.append((user.username, "_auth_user_id" in request.session))

    user_logged_in.connect(record)
    get_user_model().objects.create_user("ann", password="correct horse")
    assert authenticate(username="ann", password="correct horse") is not None
    assert logins == []  # checking credentials is not logging in
    client = Client()
    response = client.post(
        "/library/login/", {"username": "ann", "password": "correct horse"}
    )
    assert response.status_code == 302
    assert client.get("/library/books/").context["user"].username == "ann"
    assert logins == [("ann", True)]  # the second request used the session


# --8<-- [end:session]


# --8<-- [start:logout_view]
def test_logout_view_sends_nonetype_for_an_anonymous_visitor():
    received = []

    def record(sender, user, **kwargs):
        received.append((sender, user))

    user_logged_out.connect(record)
    assert Client().post("/library/logout/").status_code == 302
    assert received == [(type(None), None)]


# --8<-- [end:logout_view]
