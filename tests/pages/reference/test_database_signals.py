"""Checks of docs/reference/database-signals.md: connection_created, sent for real.

For each case of docs/reference/signals.json on this page, a trigger below
does what the case describes while a receiver records every call; the shared
check in capture.py compares sender and keyword arguments with the catalogue.
"""

import pytest
from django.db import connections
from django.db.utils import ConnectionHandler

from tests.pages.reference.capture import (
    Triggers,
    check,
    each_case,
    untriggered,
)

pytestmark = pytest.mark.django_db(transaction=True)
TRIGGERS = Triggers()


@TRIGGERS.on("connection_created:connect")
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


@each_case("database-signals.md")
def test_capture(signal, case, tmp_path):
    check(signal, case, TRIGGERS, tmp_path)


def test_every_case_on_the_page_has_a_trigger():
    assert untriggered("database-signals.md", TRIGGERS) == []
