"""The request signals under the test clients, shown on docs/reference/request-signals.md.

They are tests rather than snippets because the test client disconnects and
reconnects Django's close_old_connections receiver on every request, which
the snippet harness reports as a receiver left behind.
"""

import asyncio

import pytest
from django.conf import settings
from django.core.signals import got_request_exception, request_finished, request_started
from django.test import AsyncClient, Client, RequestFactory, override_settings

from library.servers import serve_wsgi
from library.views import book_list
from tests.reference import fakes
from tests.reference.servers import asgi_request

pytestmark = pytest.mark.django_db


# --8<-- [start:clients]
def test_the_test_clients_have_their_own_handlers():
    received = []

    def record(sender, signal, **kwargs):
        name = "started" if signal is request_started else "finished"
        received.append((name, getattr(sender, "__name__", sender), sorted(kwargs)))

    request_started.connect(record)
    request_finished.connect(record)
    Client().get("/library/hours/")
    asyncio.run(AsyncClient().get("/library/hours/"))

    assert received == [
        ("started", "ClientHandler", ["environ"]),
        ("finished", None, []),
        ("started", "AsyncClientHandler", ["scope"]),
        ("finished", None, []),
    ]


# --8<-- [end:clients]


# --8<-- [start:reraise]
def test_the_test_client_reraises_the_view_exception():
    sent = []

    def record(sender, request, **kwargs):
        sent.append(request.path)

    got_request_exception.connect(record)
    with pytest.raises(RuntimeError, match="error raised on purpose"):
        Client().get("/library/fail/error/")
    assert sent == ["/library/fail/error/"]  # receivers ran before the re-raise

    response = Client(raise_request_exception=False).get("/library/fail/error/")
    assert response.status_code == 500


# --8<-- [end:reraise]


def test_request_started_comes_before_any_middleware():
    """What request-signals.md says; the environ is all a receiver gets."""
    fakes.EVENTS.clear()

    def record(sender, **kwargs):
        fakes.EVENTS.append(f"request_started {sorted(kwargs)}")

    request_started.connect(record)
    middleware = ["tests.reference.fakes.RecordingMiddleware", *settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=middleware):
        assert serve_wsgi("/library/hours/") == 200
    assert fakes.EVENTS == ["request_started ['environ', 'signal']", "middleware"]


@pytest.mark.django_db(transaction=True)
def test_no_request_started_when_the_asgi_client_leaves_before_the_body():
    """signals.json lists it under request_started's not_sent_by."""
    sent = []

    def record(sender, **kwargs):
        sent.append(sender)

    request_started.connect(record)
    request_finished.connect(record)
    assert asyncio.run(asgi_request("/library/hours/", leave_before_body=True)) is None
    assert sent == []


def test_request_factory_sends_no_request_signal():
    """request-signals.md: RequestFactory builds requests without any handler."""
    sent = []

    def record(sender, **kwargs):
        sent.append(sender)

    request_started.connect(record)
    request_finished.connect(record)
    response = book_list(RequestFactory().get("/library/books/"))
    assert response.status_code == 200
    assert sent == []
