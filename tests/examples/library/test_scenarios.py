"""The scenarios of docs/reference/traces.md run on their own, as a reader would run them.

Each test passes a `during` context that looks at the database (or at the
signals a receiver recorded) when the operation starts and when it ends.
tests/pages/reference/test_traces.py checks the signals they send.
"""

import pytest
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.core.signals import got_request_exception, request_started
from django.db import connection
from django.db.models.signals import m2m_changed

from library import scenarios
from library.models import Author, Book, Loan, Tag

pytestmark = pytest.mark.django_db(transaction=True)


class Looking:
    """A `during` context: calls `look()` when it is entered and when it is left."""

    def __init__(self, look):
        self.look = look
        self.seen = []

    def __enter__(self):
        self.seen.append(self.look())

    def __exit__(self, *exc):
        self.seen.append(self.look())


def titles():
    return list(Book.objects.values_list("title", flat=True))


def recording(*signals, **options):
    """Connect a receiver to each signal; return the list of the signals' names it sends."""
    names = {
        request_started: "request_started",
        got_request_exception: "got_request_exception",
        user_logged_in: "user_logged_in",
        user_logged_out: "user_logged_out",
        user_login_failed: "user_login_failed",
        m2m_changed: "m2m_changed",
    }
    sent = []

    def record(signal, action=None, **kwargs):
        sent.append(action or names[signal])

    for signal in signals:
        signal.connect(record, weak=False, dispatch_uid="test_scenarios", **options)
    return sent


def test_the_scenarios_are_in_the_order_of_the_page():
    assert list(scenarios.SCENARIOS) == [
        "create",
        "update",
        "update_fields",
        "delete",
        "m2m_forward",
        "m2m_reverse",
        "m2m_set",
        "wsgi",
        "asgi",
        "error",
        "login",
        "failed_login",
        "migrate",
    ]


def test_they_run_without_a_during_context():
    scenarios.create()
    assert titles() == ["Dune"]


def test_create():
    during = Looking(titles)
    scenarios.create(during)
    assert during.seen == [[], ["Dune"]]
    assert Author.objects.get().name == "Frank Herbert"


@pytest.mark.parametrize("name", ["update", "update_fields"])
def test_update(name):
    during = Looking(titles)
    scenarios.SCENARIOS[name](during)
    assert during.seen == [["Dune"], ["Dune (1965)"]]


def test_delete_cascades():
    def counts():
        rows = (Author, Book, Loan, Book.tags.through, Tag)
        return [model.objects.count() for model in rows]

    during = Looking(counts)
    scenarios.delete(during)
    assert during.seen == [[1, 2, 1, 1, 1], [0, 0, 0, 0, 1]]


@pytest.mark.parametrize("name", ["m2m_forward", "m2m_reverse"])
def test_m2m_add_remove_clear(name):
    actions = recording(m2m_changed, sender=Book.tags.through)
    during = Looking(lambda: len(actions))
    scenarios.SCENARIOS[name](during)
    assert during.seen == [0, 6]
    assert actions == [
        "pre_add",
        "post_add",
        "pre_remove",
        "post_remove",
        "pre_clear",
        "post_clear",
    ]


def test_m2m_set_replaces_the_tags():
    during = Looking(
        lambda: [tag.name for tag in Tag.objects.filter(books__isnull=False)]
    )
    scenarios.m2m_set(during)
    assert during.seen == [["sf"], ["classic"]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wsgi", ["request_started"]),
        ("asgi", ["request_started"]),
        ("error", ["request_started", "got_request_exception"]),
        (
            "login",
            ["request_started", "user_logged_in", "request_started", "user_logged_out"],
        ),
        ("failed_login", ["request_started", "user_login_failed"]),
    ],
)
def test_requests(name, expected):
    signals = recording(
        request_started,
        got_request_exception,
        user_logged_in,
        user_logged_out,
        user_login_failed,
    )
    during = Looking(lambda: len(signals))
    scenarios.SCENARIOS[name](during)
    assert during.seen == [0, len(expected)]
    assert signals == expected


def test_migrate_creates_the_library_tables_again():
    during = Looking(lambda: "library_book" in connection.introspection.table_names())
    scenarios.migrate(during)
    assert during.seen == [False, True]
