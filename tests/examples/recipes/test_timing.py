import asyncio
import logging
import sys
import threading
import types
from wsgiref.util import setup_testing_defaults

import django
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished
from django.test import AsyncClient, Client, modify_settings

from recipes.timing import (
    connect_request_timing,
    disconnect_request_timing,
    stop_timer,
)

LOGGERS = ("recipes.timing", "recipes.middleware")
MIDDLEWARE = {"prepend": "recipes.middleware.timing_middleware"}

# request_finished also runs Django's close_old_connections receiver.
pytestmark = pytest.mark.django_db


@pytest.fixture
def timings(caplog):
    for name in LOGGERS:
        caplog.set_level(logging.INFO, logger=name)
    return lambda: [
        r.getMessage().split(" took ")[0] for r in caplog.records if r.name in LOGGERS
    ]


def test_nothing_is_timed_until_connected(timings):
    Client().get("/recipes/hello/")
    assert timings() == []


def test_a_request_is_timed_through_the_test_client(timings, caplog):
    connect_request_timing()
    connect_request_timing()  # dispatch_uid: still connected once
    Client().get("/recipes/hello/")
    assert timings() == ["/recipes/hello/"]
    assert caplog.records[0].ms >= 0


def test_disconnecting_stops_the_timing(timings):
    connect_request_timing()
    disconnect_request_timing()
    Client().get("/recipes/hello/")
    assert timings() == []


def test_a_wsgi_server_closing_the_response_sends_request_finished(timings):
    connect_request_timing()
    environ = {"PATH_INFO": "/recipes/countdown/"}
    setup_testing_defaults(environ)
    statuses = []
    body = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    assert statuses == ["200 OK"]
    chunks = list(body)
    assert chunks == [b"3\n", b"2\n", b"1\n"]
    assert timings() == []  # every chunk sent, response not closed yet
    body.close()  # what the WSGI server does last
    assert timings() == ["/recipes/countdown/"]


def test_a_streaming_response_is_timed_after_its_last_chunk(timings):
    connect_request_timing()
    response = Client().get("/recipes/countdown/")
    assert timings() == []
    assert b"".join(response.streaming_content) == b"3\n2\n1\n"
    assert timings() == ["/recipes/countdown/"]


def test_request_finished_without_a_start_logs_nothing(timings):
    stop_timer(sender=None)
    request_finished.send(sender=None)
    assert timings() == []


@pytest.mark.skipif(django.VERSION < (6, 1), reason="the start is lost on 5.2/6.0")
def test_asgi_requests_are_timed_on_django_6_1(timings):
    connect_request_timing()
    asyncio.run(AsyncClient().get("/recipes/hello/"))
    assert timings() == ["/recipes/hello/"]


@pytest.mark.skipif(django.VERSION >= (6, 1), reason="fixed in Django 6.1")
def test_asgi_requests_are_not_timed_before_django_6_1(timings):
    connect_request_timing()
    asyncio.run(AsyncClient().get("/recipes/hello/"))
    assert timings() == []


def test_the_middleware_times_the_view_and_knows_the_status(timings, caplog):
    with modify_settings(MIDDLEWARE=MIDDLEWARE):
        Client().get("/recipes/hello/")
        Client().get("/recipes/missing/")
    assert timings() == ["GET /recipes/hello/", "GET /recipes/missing/"]
    statuses = [r.getMessage()[-12:] for r in caplog.records if r.name in LOGGERS]
    assert statuses == ["(status 200)", "(status 404)"]


def test_the_middleware_logs_before_a_streaming_body_is_produced(timings):
    with modify_settings(MIDDLEWARE=MIDDLEWARE):
        response = Client().get("/recipes/countdown/")
    assert timings() == ["GET /recipes/countdown/"]
    assert b"".join(response.streaming_content) == b"3\n2\n1\n"


@pytest.mark.skipif(django.VERSION < (6, 1), reason="the start is lost on 5.2/6.0")
def test_concurrent_asgi_requests_each_keep_their_own_start(timings):
    connect_request_timing()

    async def both():
        client = AsyncClient()
        await asyncio.gather(
            client.get("/recipes/hello/"), client.get("/recipes/nowhere/")
        )

    asyncio.run(both())
    assert sorted(timings()) == ["/recipes/hello/", "/recipes/nowhere/"]


def test_the_middleware_times_asgi_requests_on_every_version(timings):
    with modify_settings(MIDDLEWARE=MIDDLEWARE):
        asyncio.run(AsyncClient().get("/recipes/hello/"))
    assert timings() == ["GET /recipes/hello/"]


def test_asgi_sends_request_started_with_asend(monkeypatch):
    from django.core.signals import request_started

    from recipes.serving import asgi_get

    used = []
    real_asend = request_started.asend

    async def spy(sender, **named):
        used.append(sender.__name__)
        return await real_asend(sender, **named)

    monkeypatch.setattr(request_started, "asend", spy)
    assert asyncio.run(asgi_get("/recipes/hello/")) == b"Hello"
    assert used == ["ASGIHandler"]


def test_asend_and_context_variables_set_by_sync_receivers():
    from contextvars import ContextVar

    from django.dispatch import Signal

    var = ContextVar("var", default="unset")
    signal = Signal()

    def set_var(sender, **kwargs):
        var.set("set by the receiver")

    signal.connect(set_var)

    async def send():
        await signal.asend(sender=None)
        return var.get()

    expected = "set by the receiver" if django.VERSION >= (6, 1) else "unset"
    assert asyncio.run(send()) == expected


def test_the_small_servers_return_the_body():
    from recipes.serving import asgi_get, wsgi_get

    assert wsgi_get("/recipes/countdown/") == b"3\n2\n1\n"
    assert asyncio.run(asgi_get("/recipes/hello/")) == b"Hello"


def test_under_asgi_the_middleware_runs_in_the_event_loop_thread(timings, caplog):
    with modify_settings(MIDDLEWARE=MIDDLEWARE):
        asyncio.run(AsyncClient().get("/recipes/hello/"))
    [record] = [r for r in caplog.records if r.name == "recipes.middleware"]
    assert record.thread == threading.get_ident()  # asyncio.run()'s thread


def test_under_asgi_a_sync_only_middleware_runs_in_another_thread(monkeypatch, caplog):
    def sync_only(get_response):
        def middleware(request):
            response = get_response(request)
            logging.getLogger("sync_only").info("done")
            return response

        return middleware

    module = types.ModuleType("sync_only_middleware")
    module.sync_only = sync_only
    monkeypatch.setitem(sys.modules, module.__name__, module)
    caplog.set_level(logging.INFO, logger="sync_only")
    with modify_settings(MIDDLEWARE={"prepend": "sync_only_middleware.sync_only"}):
        asyncio.run(AsyncClient().get("/recipes/hello/"))
    [record] = [r for r in caplog.records if r.name == "sync_only"]
    assert record.thread != threading.get_ident()


def test_the_test_client_uses_handlers_of_its_own():
    from django.core.signals import request_started
    from django.test.client import AsyncClientHandler, ClientHandler

    senders = []

    def record(sender, signal, **kwargs):
        senders.append((signal is request_started, sender))

    request_started.connect(record)
    request_finished.connect(record)
    Client().get("/recipes/hello/")
    asyncio.run(AsyncClient().get("/recipes/hello/"))
    assert senders == [
        (True, ClientHandler),
        (False, None),
        (True, AsyncClientHandler),
        (False, None),
    ]
