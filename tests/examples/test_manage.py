"""The example project is a working Django project: check, migrate, serve."""

import importlib

import pytest
from django.core.management import call_command

import manage
from scripts.shell import run_manage_py


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
    result = run_manage_py("migrate", database=tmp_path / "db.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "Applying shop.0001_initial... OK" in result.stdout
