"""The example project is a working Django project: check, migrate, serve."""

import importlib
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

import manage
from tests.harness.isolation import EXAMPLES


@pytest.mark.django_db  # the check of JSONField support asks the database
def test_manage_py_check(capsys):
    manage.main(["manage.py", "check"])
    assert "no issues" in capsys.readouterr().out


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("module", ["handbook.wsgi", "handbook.asgi"])
def test_entry_points_build_an_application(module):
    assert callable(importlib.import_module(module).application)


def test_manage_py_migrate_runs_from_a_shell(tmp_path):
    """What a reader types: python examples/manage.py migrate, on a fresh database."""
    env = {**os.environ, "DJANGO_DB": str(tmp_path / "db.sqlite3")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "manage.py"), "migrate"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Applying shop.0001_initial... OK" in result.stdout
