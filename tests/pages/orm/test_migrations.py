"""Checks of docs/orm/migrations.md that its snippets do not show."""

import sys

import pytest

from scripts.shell import run_command

# A project of its own (settings.configure(), an in-memory database), so that
# Django's test runner creates the test database as it does for any project:
# serialized when a test case asks for serialized_rollback.
TRANSACTION_TEST_CASES = """
import sys

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()

from django.db.models.signals import post_migrate
from django.test import TransactionTestCase
from django.test.utils import get_runner

events = []
recording = False


def record(sender, **kwargs):
    if recording:
        events.append(f"post_migrate to {sender.label}")


post_migrate.connect(record)


class Base:
    @classmethod
    def setUpClass(cls):
        global recording
        recording = True  # from here on: not the migrate that creates the test DB
        super().setUpClass()

    def setUp(self):
        events.append(f"{self._testMethodName} runs")

    def test_1(self):
        pass

    def test_2(self):
        pass


class Plain(Base, TransactionTestCase):
    pass


class SerializedRollback(Base, TransactionTestCase):
    serialized_rollback = True


class AvailableApps(Base, TransactionTestCase):
    available_apps = ["django.contrib.contenttypes"]


if sys.argv[2:] == ["unserialized"]:  # a custom runner that does not serialize
    import io
    import unittest

    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    suite = unittest.TestLoader().loadTestsFromName(f"__main__.{sys.argv[1]}")
    result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
    failures = len(result.failures) + len(result.errors)
else:
    failures = get_runner(settings)(verbosity=0).run_tests([f"__main__.{sys.argv[1]}"])
for line in [*events, f"failures: {failures}"]:
    print("EVENT", line)
"""

BOTH_APPS = ["post_migrate to contenttypes", "post_migrate to auth"]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # The flush after each test sends post_migrate to every app.
        ("Plain", ["test_1 runs", *BOTH_APPS, "test_2 runs", *BOTH_APPS]),
        # Nothing before or after the tests.
        ("SerializedRollback", ["test_1 runs", "test_2 runs"]),
        # Before each test, to the available apps only; nothing after.
        (
            "AvailableApps",
            [
                "post_migrate to contenttypes",
                "test_1 runs",
                "post_migrate to contenttypes",
                "test_2 runs",
            ],
        ),
    ],
)
def test_which_post_migrate_a_transaction_test_case_sends(case, expected, tmp_path):
    script = tmp_path / "cases.py"
    script.write_text(TRANSACTION_TEST_CASES)
    code, output = run_command(sys.executable, str(script), case, cwd=tmp_path)
    assert code == 0, output
    events = [line[6:] for line in output.splitlines() if line.startswith("EVENT ")]
    assert events == [*expected, "failures: 0"], output


def test_serialized_rollback_without_serialized_database_sends_post_migrate(tmp_path):
    """The flush sends post_migrate when the test database was not serialized."""
    script = tmp_path / "cases.py"
    script.write_text(TRANSACTION_TEST_CASES)
    code, output = run_command(
        sys.executable, str(script), "SerializedRollback", "unserialized", cwd=tmp_path
    )
    assert code == 0, output
    events = [line[6:] for line in output.splitlines() if line.startswith("EVENT ")]
    expected = ["test_1 runs", *BOTH_APPS, "test_2 runs", *BOTH_APPS]
    assert events == [*expected, "failures: 0"], output
