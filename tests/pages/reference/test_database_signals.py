"""Checks of docs/reference/database-signals.md: connection_created, sent for real.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

from django.db import connections
from django.db.utils import ConnectionHandler

from tests.pages.reference.capture import Triggers, page_tests

TRIGGERS = Triggers()


@TRIGGERS.on("connection_created:connect")
def connect(capture, tmp_path):
    # A second handler on the tests' database, so that it connects anew; on
    # SQLite, a file of its own (the in-memory test database is never closed).
    database = dict(connections["default"].settings_dict)
    if connections["default"].vendor == "sqlite":
        database["NAME"] = tmp_path / "db"
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


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "database-signals.md", TRIGGERS
)
