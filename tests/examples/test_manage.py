"""The example project is a working Django project: check, migrate, serve."""

import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured
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


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgres://ann:s%3Acret@db.example.com:6543/handbook?sslmode=require",
            {
                "USER": "ann",
                "PASSWORD": "s:cret",
                "HOST": "db.example.com",
                "PORT": "6543",
                "NAME": "handbook",
                "OPTIONS": {"sslmode": "require"},
            },
        ),
        (
            "postgresql://postgres@/handbook?host=/tmp/Pg%20Dir&port=5433&pool=true",
            {
                "USER": "postgres",
                "PASSWORD": "",
                "HOST": "/tmp/Pg Dir",
                "PORT": "5433",
                "NAME": "handbook",
                "OPTIONS": {"pool": True},
            },
        ),
        (
            "postgres://%2Frun%2Fpostgresql/handbook",
            {"USER": "", "HOST": "/run/postgresql", "PORT": "", "OPTIONS": {}},
        ),
        ("postgres://[::1]:5432/db", {"HOST": "::1", "PORT": "5432", "NAME": "db"}),
    ],
)
def test_database_url_names_a_postgresql_database(url, expected):
    database = settings_module().databases({"DATABASE_URL": url})["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert {key: database[key] for key in expected} == expected


def test_without_database_url_the_database_is_sqlite(tmp_path):
    database = settings_module().databases({"DJANGO_DB": str(tmp_path / "db")})
    assert database["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert database["default"]["NAME"] == str(tmp_path / "db")


def test_database_url_must_be_postgresql():
    with pytest.raises(ImproperlyConfigured, match="must start with postgres://"):
        settings_module().databases({"DATABASE_URL": "mysql://localhost/handbook"})


def settings_module():
    return importlib.import_module("handbook.settings")
