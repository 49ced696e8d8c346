"""Claims of docs/reference/request-signals.md that its snippets do not show."""

import asyncio

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.test import RequestFactory, override_settings

from library.servers import serve_wsgi
from library.views import book_list
from tests.reference import fakes
from tests.reference.servers import asgi_request

pytestmark = pytest.mark.django_db


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
