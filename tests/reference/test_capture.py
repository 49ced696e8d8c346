"""Trigger every case of the catalogue for real and compare what Django sends.

For each (signal, case) of docs/reference/signals.json that exists on the
running Django, a trigger below does what the case describes (saves,
deletes, requests through the real WSGI/ASGI handlers and the test clients,
logins, migrate, flush, tasks, the autoreloader...) while a receiver records
every call. Each call must have the sender the case describes and exactly the
keyword arguments the catalogue lists, of the listed types.
"""

import asyncio
import os
import threading
import time
import unittest
from pathlib import Path

import pytest
from django.apps import AppConfig, apps
from django.apps.registry import Apps
from django.conf import Settings, UserSettingsHolder, settings
from django.contrib.auth import (
    aauthenticate,
    alogin,
    alogout,
    authenticate,
    logout,
)
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.core.management import call_command
from django.db import connections, models
from django.db.utils import ConnectionHandler
from django.template import Context, Engine, RequestContext, Template
from django.test import AsyncClient, Client, RequestFactory, TransactionTestCase
from django.test.client import AsyncClientHandler, ClientHandler
from django.test.utils import modify_settings, override_settings
from django.utils import autoreload
from django.utils.functional import SimpleLazyObject

from accounts.models import User
from library.models import Author, Bestseller, Book, Loan, Tag
from tests.reference import catalogue
from tests.reference.servers import WSGIBrowser, asgi_request

pytestmark = pytest.mark.django_db(transaction=True)


class Capture:
    """Records every call of one signal while the `with` block runs."""

    def __init__(self, signal):
        self.signal = signal
        self.calls = []

    def record(self, sender, signal, **kwargs):
        assert signal is self.signal
        self.calls.append((sender, kwargs))

    def __enter__(self):
        self.signal.connect(self.record, weak=False)
        return self

    def __exit__(self, *exc):
        self.signal.disconnect(self.record)

    @property
    def senders(self):
        return [sender for sender, _ in self.calls]


TRIGGERS = {}


def trigger(*ids):
    def register(function):
        for case_id in ids:
            TRIGGERS[case_id] = function
        return function

    return register


def dune():
    author = Author.objects.create(name="Frank Herbert")
    return Book.objects.create(title="Dune", author=author)


# Model signals ---------------------------------------------------------------


@trigger("pre_init:instantiate", "post_init:instantiate")
def instantiate(capture):
    with capture:
        Author(name="Ann Leckie")
        Author.objects.create(name="Iain Banks")
        Bestseller(title="Dune")
    return [Author, Author, Bestseller]


@trigger("pre_init:load", "post_init:load")
def load(capture):
    dune()
    Book.objects.create(title="Children of Dune", author=Author.objects.get())
    with capture:
        list(Book.objects.all())
        Author.objects.get()
        Bestseller.objects.first().refresh_from_db()
    if capture.signal is models.signals.pre_init:
        assert capture.calls[0][1]["kwargs"] == {}
        assert type(capture.calls[0][1]["args"]) is tuple
    return [Book, Book, Author, Bestseller, Bestseller]


@trigger("pre_save:save", "post_save:save")
def save(capture):
    author = Author.objects.create(name="Frank Herbert")
    with capture:
        book = Book.objects.create(title="Dune", author=author)
        book.save(update_fields=["title"])
        Bestseller.objects.get().save()
        asyncio.run(book.asave())
        Tag.objects.get_or_create(name="sf")
        Tag.objects.update_or_create(name="sf", defaults={"name": "sf"})
    assert all(kwargs["raw"] is False for _, kwargs in capture.calls)
    assert capture.calls[1][1]["update_fields"] == frozenset({"title"})
    return [Book, Book, Bestseller, Book, Tag, Tag]


@trigger(
    "pre_save:loaddata",
    "post_save:loaddata",
    "m2m_changed:loaddata",
)
def loaddata(capture):
    with capture:
        call_command("loaddata", "library", verbosity=0)
    Book.objects.get().tags.set([Tag.objects.create(name="sf")])
    with capture:  # the fixture's book is now related to another tag
        call_command("loaddata", "library", verbosity=0)
    if capture.signal is models.signals.m2m_changed:
        assert [kwargs["action"] for _, kwargs in capture.calls] == [
            "pre_add",
            "post_add",
            "pre_remove",  # loaddata sets the relation as set() does
            "post_remove",
            "pre_add",
            "post_add",
        ]
        assert all(kwargs.get("raw", True) for _, kwargs in capture.calls)
        return [Book.tags.through] * 6
    assert all(kwargs["raw"] is True for _, kwargs in capture.calls)
    if capture.signal is models.signals.post_save:
        created = [kwargs["created"] for _, kwargs in capture.calls]
        assert created == [True] * 3 + [False] * 3
    return [Author, Tag, Book] * 2


@trigger("pre_delete:model-delete", "post_delete:model-delete")
def model_delete(capture):
    book = dune()
    Loan.objects.create(book=book, reader="Ann")
    book.tags.add(Tag.objects.create(name="sf"))
    author = book.author
    other = Author.objects.create(name="Ann Leckie")
    with capture:
        author.delete()
        asyncio.run(other.adelete())
    assert [kwargs["origin"] for _, kwargs in capture.calls] == [author] * 3 + [other]
    return [Loan, Book, Author, Author]


@trigger("pre_delete:queryset-delete", "post_delete:queryset-delete")
def queryset_delete(capture):
    dune()
    queryset = Author.objects.all()
    with capture:
        queryset.delete()
    assert all(kwargs["origin"] is queryset for _, kwargs in capture.calls)
    Author.objects.create(name="Ann Leckie")
    with capture:
        asyncio.run(Author.objects.all().adelete())
    return [Book, Author, Author]


@trigger("m2m_changed:forward")
def m2m_forward(capture):
    book = dune()
    sf, classic = Tag.objects.create(name="sf"), Tag.objects.create(name="classic")
    with capture:
        book.tags.add(sf, classic)
        book.tags.remove(sf)
        book.tags.set([sf])
        book.tags.clear()
        asyncio.run(book.tags.aadd(sf))
        asyncio.run(book.tags.aremove(sf))
        asyncio.run(book.tags.aset([classic]))
    assert [kwargs["action"] for _, kwargs in capture.calls] == [
        "pre_add",
        "post_add",
        "pre_remove",
        "post_remove",
        "pre_remove",
        "post_remove",
        "pre_add",
        "post_add",
        "pre_clear",
        "post_clear",
        "pre_add",
        "post_add",
        "pre_remove",
        "post_remove",
        "pre_add",
        "post_add",
    ]
    assert all(kwargs["reverse"] is False for _, kwargs in capture.calls)
    assert capture.calls[9][1]["pk_set"] is None
    return [Book.tags.through] * 16


@trigger("m2m_changed:reverse")
def m2m_reverse(capture):
    book = dune()
    tag = Tag.objects.create(name="sf")
    with capture:
        tag.books.add(book)
        tag.books.remove(book)
        asyncio.run(tag.books.aclear())
    assert all(kwargs["reverse"] is True for _, kwargs in capture.calls)
    assert all(kwargs["model"] is Book for _, kwargs in capture.calls)
    return [Book.tags.through] * 6


@trigger("class_prepared:define")
def define_model(capture):
    with capture:

        class Shelf(models.Model):
            neighbours = models.ManyToManyField("self")

            class Meta:
                app_label = "library"
                apps = Apps()  # keep the project's registry unchanged

    return [Shelf.neighbours.through, Shelf]


@trigger("class_prepared:historical")
def historical_models(capture):
    with capture:
        call_command("migrate", verbosity=0)
    assert all(sender._meta.apps is not apps for sender in capture.senders)
    labels = {sender._meta.label for sender in capture.senders}
    assert {"library.Book", "library.Book_tags"} <= labels
    return capture.senders  # each one checked above: not the project's model


# Migration signals -----------------------------------------------------------


def models_apps():
    return [config for config in apps.get_app_configs() if config.models_module]


@trigger("pre_migrate:migrate", "post_migrate:migrate")
def migrate(capture):
    with capture:
        call_command("migrate", verbosity=0)
    assert all(kwargs["plan"] == [] for _, kwargs in capture.calls)
    return models_apps()


class AllApps(TransactionTestCase):
    __test__ = False  # run by flush() below, not collected by pytest

    def test_nothing(self):
        pass


@trigger("post_migrate:flush")
def flush(capture):
    with capture:
        call_command("flush", interactive=False, verbosity=0)
    result = unittest.TestResult()
    with capture:
        AllApps("test_nothing")(result)  # flushes after the test
    assert result.wasSuccessful()
    return models_apps() * 2


class OnlyLibrary(TransactionTestCase):
    __test__ = False  # run by the triggers below, not collected by pytest
    available_apps = ["library"]

    def test_nothing(self):
        pass


@trigger("post_migrate:available-apps")
def available_apps_migrate(capture):
    result = unittest.TestResult()
    with capture:
        OnlyLibrary("test_nothing")(result)  # as a test runner calls it
    assert result.wasSuccessful()
    return [apps.get_app_config("library")]  # before the test; none after it


# Request signals -------------------------------------------------------------


@trigger("request_started:wsgi", "request_finished:wsgi")
def wsgi(capture):
    browser = WSGIBrowser()
    with capture:
        assert browser.request("GET", "/library/books/") == (
            200,
            b"<ul>\n  <li>No books yet.</li>\n</ul>\n",
        )
    return [WSGIHandler]


@trigger("request_started:asgi", "request_finished:asgi")
def asgi(capture):
    with capture:
        assert asyncio.run(asgi_request("/library/hours/")) == 200
    return [ASGIHandler]


@trigger("request_finished:asgi-disconnect")
def asgi_disconnect(capture):
    with capture:
        assert asyncio.run(asgi_request("/library/books/", disconnect=True)) is None
    return [ASGIHandler]


@trigger("request_started:test-client")
def with_client(capture):
    with capture:
        Client().get("/library/books/")
    return [ClientHandler]


@trigger("request_started:async-test-client")
def async_test_client(capture):
    with capture:
        asyncio.run(AsyncClient().get("/library/hours/"))
    return [AsyncClientHandler]


@trigger("request_finished:test-client")
def with_both_clients(capture):
    with capture:
        Client().get("/library/books/")
        asyncio.run(AsyncClient().get("/library/hours/"))
    return [None, None]


@trigger("got_request_exception:unhandled")
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
        middleware = [*settings.MIDDLEWARE, "tests.reference.fakes.RaisingMiddleware"]
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


@trigger("got_request_exception:error-handler")
def error_handler(capture):
    client = Client(raise_request_exception=False)
    with override_settings(ROOT_URLCONF="tests.reference.fakes"), capture:
        assert client.get("/nowhere/").status_code == 500
    return [None]


@trigger("setting_changed:override-enter")
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


@trigger("setting_changed:override-exit")
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


@trigger("setting_changed:override-exit-nested")
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


@trigger("setting_changed:available-apps")
def available_apps(capture):
    result = unittest.TestResult()
    with capture:
        OnlyLibrary("test_nothing")(result)  # as a test runner calls it
    assert result.wasSuccessful()
    assert [kw["setting"] for _, kw in capture.calls] == ["INSTALLED_APPS"] * 2
    return [Settings, Settings]


# Test, database and auth signals --------------------------------------------


@trigger("template_rendered:render")
def render(capture):
    with capture:
        Template("{{ greeting }}").render(Context({"greeting": "hi"}))
        Client().get("/library/books/")
        Template('{% include "library/book_list.html" %}').render(Context())
        Template('{% extends "library/book_list.html" %}').render(Context())
    assert isinstance(capture.calls[1][1]["context"], RequestContext)  # render()
    names = [template.origin.template_name for template in capture.senders]
    assert (
        names == [None, "library/book_list.html"] + [None, "library/book_list.html"] * 2
    )
    return capture.senders


@trigger("template_rendered:partial")
def render_partial(capture):
    source = "{% partialdef row %}{{ title }}{% endpartialdef %}{% partial row %}"
    template = Template(source)
    partial = template.extra_data["partials"]["row"]
    locmem = ("django.template.loaders.locmem.Loader", {"page.html": source})
    by_name = Engine(loaders=[locmem]).get_template("page.html#row")
    with capture:
        assert template.render(Context({"title": "Dune"})) == "Dune"
        assert by_name.render(Context({"title": "Dune"})) == "Dune"
    assert capture.senders == [template, partial, by_name]
    del capture.calls[0]  # the template itself: the "render" case
    return [partial, by_name]


@trigger("connection_created:connect")
def connect(capture, tmp_path):
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "db"}
    handler = ConnectionHandler({"default": database})
    wrapper = handler["default"]
    with capture:
        wrapper.ensure_connection()
        wrapper.close()
        wrapper.ensure_connection()
    wrapper.close()
    assert [kwargs["connection"] for _, kwargs in capture.calls] == [wrapper] * 2
    assert type(wrapper) is type(connections["default"])
    return [type(wrapper)] * 2


def make_user():
    return User.objects.create_user("ann", password="correct horse")


@trigger("user_logged_in:login")
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


@trigger("user_logged_in:alogin")
def alogin_(capture):
    user = make_user()
    with capture:
        asyncio.run(alogin(session_request(), user))
    return [User]


@trigger("user_logged_out:logout")
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


@trigger("user_logged_out:anonymous")
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


@trigger("user_logged_out:alogout")
def alogout_(capture):
    user = make_user()
    request = session_request()

    async def auser():
        return user

    request.auser = auser
    with capture:
        asyncio.run(alogout(request))
    return [User]


@trigger("user_login_failed:authenticate")
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


@trigger("user_login_failed:permission-denied")
def denied_login(capture):
    make_user()
    backends = [
        "library.backends.ClosedLibraryBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    with override_settings(AUTHENTICATION_BACKENDS=backends), capture:
        assert authenticate(username="ann", password="correct horse") is None
    return ["django.contrib.auth"]


@trigger("user_login_failed:aauthenticate")
def afailed_login(capture):
    make_user()
    with capture:
        asyncio.run(aauthenticate(username="ann", password="wrong", api_key="k"))
    assert capture.calls[0][1]["credentials"]["api_key"] == "*" * 20
    return ["django.contrib.auth"]


# Task signals (Django 6.0+) --------------------------------------------------


@trigger(
    "task_enqueued:immediate",
    "task_started:immediate",
    "task_finished:success",
)
def immediate_task(capture):
    from django.tasks.backends.immediate import ImmediateBackend

    from tests.reference.sample_tasks import add

    with capture:
        result = add.enqueue(2, 3)
        later = asyncio.run(add.aenqueue(2, 3))
    assert result.return_value == later.return_value == 5
    return [ImmediateBackend] * 2


@trigger("task_finished:failure")
def failing_task(capture):
    from django.tasks import TaskResultStatus
    from django.tasks.backends.immediate import ImmediateBackend

    from tests.reference.sample_tasks import divide

    with capture:
        result = divide.enqueue(1, 0)
    assert result.status == TaskResultStatus.FAILED
    return [ImmediateBackend]


@trigger("task_enqueued:dummy")
def dummy_task(capture):
    from django.tasks.backends.dummy import DummyBackend

    from tests.reference.sample_tasks import add

    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy), capture:
        add.enqueue(2, 3)
        asyncio.run(add.aenqueue(2, 3))
    return [DummyBackend] * 2


# Autoreload signals ----------------------------------------------------------


@trigger("autoreload_started:run")
def reloader_run(capture):
    reloader = autoreload.StatReloader()

    def stop_at_once(sender, **kwargs):
        sender.stop()

    autoreload.autoreload_started.connect(stop_at_once, weak=False)
    with capture:
        reloader.run(threading.current_thread())
    autoreload.autoreload_started.disconnect(stop_at_once)
    return [reloader]


@trigger("file_changed:change")
def reloader_change(capture, tmp_path):
    watched = tmp_path / "notes.txt"
    watched.write_text("v1")
    reloader = autoreload.StatReloader()
    reloader.SLEEP_TIME = 0
    reloader.extra_files.add(watched)

    def keep_serving(sender, file_path, **kwargs):
        return True  # a true result stops the reloader from restarting

    autoreload.file_changed.connect(keep_serving, weak=False)
    ticker = reloader.tick()
    next(ticker)  # first pass: remember every modification time
    later = time.time() + 10
    os.utime(watched, (later, later))
    with capture:
        next(ticker)
    autoreload.file_changed.disconnect(keep_serving)
    assert watched in [kwargs["file_path"] for _, kwargs in capture.calls]
    capture.calls[:] = [c for c in capture.calls if c[1]["file_path"] == watched]
    return [reloader]


# The tests -------------------------------------------------------------------

ALL_CASES = [
    f"{signal['name']}:{case['id']}"
    for signal in catalogue.load()["signals"]
    for case in signal["cases"]
]


def test_every_case_of_the_catalogue_has_a_trigger():
    assert sorted(TRIGGERS) == sorted(ALL_CASES)


@pytest.mark.parametrize(
    ("signal", "case"),
    catalogue.cases(),
    ids=[f"{s['name']}:{c['id']}" for s, c in catalogue.cases()],
)
def test_capture(signal, case, tmp_path):
    instance = catalogue.resolve(f"{signal['module']}.{signal['name']}")
    capture = Capture(instance)
    function = TRIGGERS[f"{signal['name']}:{case['id']}"]
    if "tmp_path" in function.__code__.co_varnames:
        expected = function(capture, tmp_path)
    else:
        expected = function(capture)
    assert capture.calls, f"{signal['name']} was not sent"
    wanted = catalogue.case_kwargs(signal, case)
    for sender, kwargs in capture.calls:
        assert catalogue.matches_sender(sender, case["sender_check"]), sender
        assert set(kwargs) == wanted
        for name, value in kwargs.items():
            spec = signal["kwargs"][name]
            assert catalogue.matches_type(value, spec["type"]), (name, value, spec)
            if spec.get("same_as_sender"):
                assert value is sender, (name, value, sender)
            if spec.get("sender_is_its_class"):  # Django sends value.__class__
                assert sender is value.__class__, (name, value, sender)
    assert capture.senders == expected


def test_a_wrong_catalogue_entry_fails():
    """The checks reject a sender, a kwarg set or a type that is not what Django sends."""
    assert not catalogue.matches_sender(
        ClientHandler, {"is": "django.core.handlers.wsgi.WSGIHandler"}
    )
    assert not catalogue.matches_sender("django.contrib.auth", {"equals": None})
    assert not catalogue.matches_sender(None, {"subclass_of": "django.db.models.Model"})
    assert not catalogue.matches_type([1], "tuple")
    assert not catalogue.matches_type(None, "dict")
    assert catalogue.matches_type(Book, "type[django.db.models.Model]")
    assert not catalogue.matches_type(Book(), "type[django.db.models.Model]")
    assert isinstance(Path("x"), catalogue.resolve("pathlib.Path"))
    assert isinstance(apps.get_app_config("library"), AppConfig)
