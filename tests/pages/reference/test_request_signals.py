"""Checks of docs/reference/request-signals.md: the request and settings signals, sent for real,
and the claims its snippets do not show.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

import asyncio

import pytest
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import Settings, UserSettingsHolder, settings
from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.core.signals import request_finished, request_started
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import AsyncClient, Client, RequestFactory
from django.test.client import AsyncClientHandler, ClientHandler
from django.test.utils import modify_settings, override_settings

from library.servers import WSGIBrowser, serve_wsgi
from library.views import book_list
from tests.pages.reference import fakes
from tests.pages.reference.capture import (
    AllApps,
    OnlyLibrary,
    Triggers,
    page_tests,
    run_test_case,
)

# The real ASGI handler, with a client that may leave early ------------------


def asgi_scope(path, method="GET"):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def asgi_request(path, *, disconnect=False, leave_before_body=False):
    """Serve one GET with ASGIHandler; optionally disconnect before the response
    (disconnect=True) or even before sending the request body.

    Return the status code, or None when the client disconnected.
    """
    messages = [{"type": "http.request", "body": b"", "more_body": False}]
    if disconnect:
        messages.append({"type": "http.disconnect"})
    if leave_before_body:
        messages = [{"type": "http.disconnect"}]
    sent = []
    forever = asyncio.Event()

    async def receive():
        if messages:
            return messages.pop(0)
        await forever.wait()  # a client that stays connected

    async def send(message):
        sent.append(message)

    # ASGIHandler runs the sync parts of the request in a thread that lives as
    # long as this context; close that thread's connections before it ends.
    async with ThreadSensitiveContext():
        await ASGIHandler()(asgi_scope(path), receive, send)
        await sync_to_async(close_connections)()
    starts = [m["status"] for m in sent if m["type"] == "http.response.start"]
    return starts[0] if starts else None


def close_connections():
    """Close this thread's connections, even to SQLite's in-memory test database.

    (The SQLite backend's close() keeps an in-memory database open, and an
    unclosed connection of a finished thread ends in a ResourceWarning.)
    """
    for wrapper in connections.all(initialized_only=True):
        BaseDatabaseWrapper.close(wrapper)


TRIGGERS = Triggers()


@TRIGGERS.on("request_started:wsgi", "request_finished:wsgi")
def wsgi(capture):
    browser = WSGIBrowser()
    with capture:
        assert browser.request("GET", "/library/books/") == (
            200,
            b"<ul>\n  <li>No books yet.</li>\n</ul>\n",
        )
    return [WSGIHandler]


@TRIGGERS.on("request_started:asgi", "request_finished:asgi")
def asgi(capture):
    with capture:
        assert asyncio.run(asgi_request("/library/hours/")) == 200
    return [ASGIHandler]


@TRIGGERS.on("request_finished:asgi-disconnect")
def asgi_disconnect(capture):
    with capture:
        assert asyncio.run(asgi_request("/library/books/", disconnect=True)) is None
    return [ASGIHandler]


@TRIGGERS.on("request_started:test-client")
def with_client(capture):
    with capture:
        Client().get("/library/books/")
    return [ClientHandler]


@TRIGGERS.on("request_started:async-test-client")
def async_test_client(capture):
    with capture:
        asyncio.run(AsyncClient().get("/library/hours/"))
    return [AsyncClientHandler]


@TRIGGERS.on("request_finished:test-client")
def with_both_clients(capture):
    with capture:
        Client().get("/library/books/")
        asyncio.run(AsyncClient().get("/library/hours/"))
    return [None, None]


@TRIGGERS.on("got_request_exception:unhandled")
def unhandled(capture):
    with capture:
        status, _ = WSGIBrowser().request("GET", "/library/fail/error/")
        assert status == 500
        client = Client(raise_request_exception=False)
        assert client.get("/library/fail/error/").status_code == 500
        for kind, code in [
            ("not-found", 404),
            ("permission-denied", 403),
            ("bad-request", 400),
            ("suspicious", 400),
        ]:
            assert client.get(f"/library/fail/{kind}/").status_code == code
        # A SuspiciousOperation raised by Django itself, and a broken upload:
        assert (
            client.get("/library/hours/", HTTP_HOST="evil.example").status_code == 400
        )
        broken = client.post(
            "/library/login/", b"x", content_type="multipart/form-data"
        )
        assert broken.status_code == 400
        middleware = [
            *settings.MIDDLEWARE,
            "tests.pages.reference.fakes.RaisingMiddleware",
        ]
        with override_settings(MIDDLEWARE=middleware):
            client = Client(raise_request_exception=False)  # loads MIDDLEWARE
            assert client.get("/library/books/").status_code == 500
        maintenance = [
            *settings.MIDDLEWARE,
            "library.middleware.MaintenancePageMiddleware",
        ]
        with override_settings(MIDDLEWARE=maintenance):
            client = Client(raise_request_exception=False)
            assert client.get("/library/fail/error/").status_code == 503
            assert client.get("/library/fail/not-found/").status_code == 404
        assert asyncio.run(asgi_request("/library/fail/error/")) == 500
    requests = [type(kwargs["request"]) for _, kwargs in capture.calls]
    assert requests == [WSGIRequest, WSGIRequest, WSGIRequest, ASGIRequest]
    return [None] * 4


@TRIGGERS.on("got_request_exception:error-handler")
def error_handler(capture):
    client = Client(raise_request_exception=False)
    with override_settings(ROOT_URLCONF="tests.pages.reference.fakes"), capture:
        assert client.get("/nowhere/").status_code == 500
    return [None]


@TRIGGERS.on("setting_changed:override-enter")
def override_enter(capture):
    with capture:
        with (
            override_settings(FOO_SETTING=1),
            modify_settings(ALLOWED_HOSTS={"append": "example.com"}),
        ):
            pass
        with AllApps("test_nothing").settings(FOO_SETTING=2):  # TestCase.settings()
            pass
    enters = [(sender, kw) for sender, kw in capture.calls if kw["enter"]]
    capture.calls[:] = enters
    return [UserSettingsHolder] * 3


@TRIGGERS.on("setting_changed:override-exit")
def override_exit(capture):
    with override_settings(FOO_SETTING=1):
        capture.__enter__()
    capture.__exit__()
    assert capture.calls[0][1] == {
        "setting": "FOO_SETTING",
        "value": None,
        "enter": False,
    }
    return [Settings]


@TRIGGERS.on("setting_changed:override-exit-nested")
def override_exit_nested(capture):
    with override_settings(FOO_SETTING=1):
        with override_settings(BAR_SETTING=2):
            capture.__enter__()
        capture.__exit__()
    assert capture.calls[0][1] == {
        "setting": "BAR_SETTING",
        "value": None,
        "enter": False,
    }
    return [UserSettingsHolder]  # the outer override, in force again


@TRIGGERS.on("setting_changed:available-apps")
def available_apps(capture):
    with capture:
        run_test_case(OnlyLibrary)  # as a test runner calls it
    assert [kw["setting"] for _, kw in capture.calls] == ["INSTALLED_APPS"] * 2
    return [Settings, Settings]


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "request-signals.md", TRIGGERS
)


# Claims beyond the catalogue -----------------------------------------------


@pytest.mark.django_db
def test_request_started_comes_before_any_middleware():
    """What request-signals.md says; the environ is all a receiver gets."""
    fakes.EVENTS.clear()

    def record(sender, **kwargs):
        fakes.EVENTS.append(f"request_started {sorted(kwargs)}")

    request_started.connect(record)
    middleware = [
        "tests.pages.reference.fakes.RecordingMiddleware",
        *settings.MIDDLEWARE,
    ]
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


@pytest.mark.django_db
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


SETTING_CHANGED_SENDERS = """
import sys

import django
from django.conf import settings

if sys.argv[1] == "configure":
    settings.configure()
django.setup()

from django.core.signals import setting_changed
from django.test.utils import override_settings


def record(sender, setting, enter, **kwargs):
    action = "enter" if enter else "exit"
    print(f"{action} {setting}: {sender.__module__}.{sender.__qualname__}")


setting_changed.connect(record)
with override_settings(OUTER=1):
    with override_settings(INNER=2):
        pass
"""


@pytest.mark.parametrize(
    ("how", "last_exit"),
    [
        ("module", "django.conf.Settings"),
        ("configure", "django.conf.UserSettingsHolder"),
    ],
)
def test_the_last_override_exit_sends_the_class_of_the_configured_settings(
    how, last_exit, tmp_path
):
    """request-signals.md, setting_changed: the sender when the last override ends.

    Settings with DJANGO_SETTINGS_MODULE, UserSettingsHolder with
    settings.configure(), which installs a UserSettingsHolder itself. Run in a
    new process, since this one's settings are configured already.
    """
    import sys

    from scripts.shell import run_command

    (tmp_path / "script.py").write_text(SETTING_CHANGED_SENDERS)
    (tmp_path / "demo_settings.py").write_text("USE_TZ = True\n")
    module = "demo_settings" if how == "module" else None
    code, output = run_command(
        sys.executable,
        "script.py",
        how,
        cwd=tmp_path,
        DJANGO_SETTINGS_MODULE=module,
    )
    assert code == 0, output
    holder = "django.conf.UserSettingsHolder"
    assert output.splitlines() == [
        f"enter OUTER: {holder}",
        f"enter INNER: {holder}",
        f"exit INNER: {holder}",
        f"exit OUTER: {last_exit}",
    ]
