import asyncio
import json

import pytest
from django.contrib.sessions.backends.db import SessionStore

from accounts.models import User
from library.servers import WSGIBrowser, serve_asgi, serve_wsgi

pytestmark = pytest.mark.django_db(transaction=True)


def test_serve_wsgi_returns_the_status_code():
    assert serve_wsgi("/library/hours/") == 200
    assert serve_wsgi("/library/fail/not-found/") == 404


def test_serve_asgi_returns_the_status_code():
    assert asyncio.run(serve_asgi("/library/hours/")) == 200


def test_the_wsgi_browser_keeps_its_cookies_from_one_request_to_the_next():
    User.objects.create_user("ann", password="correct horse")
    browser = WSGIBrowser()
    status, body = browser.request("GET", "/library/hours/")
    assert (status, json.loads(body)) == (200, {"opens": "09:00", "closes": "18:00"})
    credentials = {"username": "ann", "password": "correct horse"}
    assert browser.post_form("/library/login/", credentials)[0] == 302
    session = browser.cookies["sessionid"].value
    assert SessionStore(session).get("_auth_user_id") == str(User.objects.get().pk)
    assert browser.post_form("/library/logout/", {})[0] == 302
    assert browser.cookies["sessionid"].value == ""  # the session was deleted
