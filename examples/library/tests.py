"""Tests of the library app, written as a reader would write them.

They show what Django's built-in signals do where a snippet cannot: they
run `migrate` (whose historical models Django keeps cached after the
command), use the test client, or start a separate process. pytest runs
them (see tests/examples/library/test_tests.py).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.core.management import call_command
from django.db.models.signals import post_migrate, pre_migrate
from django.test import Client
from django.test.utils import setup_test_environment, teardown_test_environment

EXAMPLES = Path(__file__).resolve().parents[1]


# migrate and flush (docs/reference/migration-signals.md)


# --8<-- [start:every_app]
@pytest.mark.django_db(transaction=True)
def test_migrate_sends_both_signals_to_every_app_with_a_models_module():
    events = []

    def record(sender, app_config, signal, **kwargs):
        events.append((signal is pre_migrate, app_config.label))

    pre_migrate.connect(record)
    post_migrate.connect(record)
    call_command("migrate", verbosity=0)  # nothing to apply

    labels = [
        config.label for config in global_apps.get_app_configs() if config.models_module
    ]
    assert events == [(True, label) for label in labels] + [
        (False, label) for label in labels
    ]
    assert "messages" not in labels  # django.contrib.messages has no models module
    assert "library" in labels


# --8<-- [end:every_app]


# --8<-- [start:arguments]
@pytest.mark.django_db(transaction=True)
def test_flush_sends_post_migrate_with_fewer_arguments():
    received = {}

    def record(sender, **kwargs):
        received[command] = sorted(kwargs)

    post_migrate.connect(record, sender=global_apps.get_app_config("library"))
    for command in ("migrate", "flush"):
        call_command(command, interactive=False, verbosity=0)

    assert received == {
        "migrate": [
            "app_config",
            "apps",
            "interactive",
            "plan",
            "signal",
            "stdout",
            "using",
            "verbosity",
        ],
        "flush": ["app_config", "interactive", "signal", "using", "verbosity"],
    }


# --8<-- [end:arguments]


# --8<-- [start:seed]
def create_default_tags(sender, using, apps=global_apps, **kwargs):
    Tag = apps.get_model("library", "Tag")
    for name in ("fiction", "non-fiction"):
        Tag.objects.using(using).get_or_create(name=name)


@pytest.mark.django_db(transaction=True)
def test_default_tags_exist_after_migrate_and_after_flush():
    post_migrate.connect(
        create_default_tags, sender=global_apps.get_app_config("library")
    )
    Tag = global_apps.get_model("library", "Tag")

    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    assert sorted(Tag.objects.values_list("name", flat=True)) == [
        "fiction",
        "non-fiction",
    ]
    call_command("flush", interactive=False, verbosity=0)
    assert Tag.objects.count() == 2


# --8<-- [end:seed]


# --8<-- [start:plan]
@pytest.mark.django_db(transaction=True)
def test_plan_tells_which_migrations_ran():
    applied = []

    def record(sender, plan, **kwargs):
        applied.extend(
            f"{migration.app_label}.{migration.name}"
            for migration, backwards in plan
            if not backwards
        )

    post_migrate.connect(record, sender=global_apps.get_app_config("library"))
    call_command("migrate", "library", "zero", verbosity=0)
    call_command("migrate", "library", verbosity=0)
    assert applied == ["library.0001_initial"]


# --8<-- [end:plan]


# connection_created in production conditions (docs/reference/database-signals.md).
# The tests' own database is an in-memory SQLite database that Django never
# closes, so this runs a separate process with a database file, as a
# deployed project has.


# --8<-- [start:per_request]
SCRIPT = """
import sys

import django
from django.conf import settings
from django.core.management import call_command
from django.db.backends.signals import connection_created

settings.DATABASES["default"]["CONN_MAX_AGE"] = int(sys.argv[1])
django.setup()
call_command("migrate", verbosity=0)
opened = []
connection_created.connect(lambda sender, **kwargs: opened.append(sender), weak=False)

from library.servers import serve_wsgi

for _ in range(3):
    serve_wsgi("/library/books/")  # each request runs one query
print(len(opened))
"""


@pytest.mark.parametrize(("conn_max_age", "opened"), [(0, 3), (60, 0)])
def test_each_request_opens_a_connection_unless_connections_persist(
    tmp_path, conn_max_age, opened
):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "handbook.settings",
        "DJANGO_DB": str(tmp_path / "db.sqlite3"),
        "PYTHONPATH": str(EXAMPLES),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(conn_max_age)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{opened}\n"


# --8<-- [end:per_request]


# runserver sends autoreload_started (docs/reference/autoreload-signals.md).
# It runs `manage.py runserver` (with its autoreloader) in a separate process;
# the receiver of the reloadprobe app writes what it received and stops the
# reloader, which ends the server.


# --8<-- [start:runserver]
def test_runserver_sends_autoreload_started_after_ready(tmp_path):
    report = tmp_path / "report.txt"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.reloadprobe.settings",
        "DJANGO_DB": str(tmp_path / "db.sqlite3"),
        "RELOAD_PROBE_REPORT": str(report),
    }
    env.pop("RUN_MAIN", None)
    result = subprocess.run(
        [sys.executable, EXAMPLES / "manage.py", "runserver", "127.0.0.1:0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert report.read_text() == "StatReloader apps.ready=True"


# --8<-- [end:runserver]


# template_rendered and the test client (docs/reference/test-signals.md)


# --8<-- [start:client]
@pytest.mark.django_db
def test_the_test_client_records_templates_through_template_rendered():
    response = Client().get("/library/books/")
    assert [template.name for template in response.templates] == [
        "library/book_list.html"
    ]
    assert list(response.context["books"]) == []

    teardown_test_environment()  # what a test runner undoes at the end
    try:
        response = Client().get("/library/books/")
    finally:
        setup_test_environment()
    assert response.status_code == 200
    assert response.templates == []  # no signal, nothing recorded
    assert response.context is None


# --8<-- [end:client]
