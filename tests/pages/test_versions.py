"""Checks of docs/versions.md: the Django releases and databases it names are the ones tested."""

import re

import pytest
from django.db import connection

from scripts import project
from scripts.project import DOCS, ROOT

PAGE = (DOCS / "versions.md").read_text("utf-8")


def test_the_django_table_lists_the_supported_releases():
    table = PAGE.split("versions:start")[1].split("versions:end")[0]
    rows = re.findall(r"^\| (\d\.\d)[^|]*\| ([\d.]+) \|", table, flags=re.M)
    assert dict(rows) == project.DJANGO


def test_the_psycopg_release_is_the_pinned_one():
    requirements = (ROOT / "requirements.txt").read_text("utf-8")
    (pin,) = re.findall(r"^psycopg==(\S+)$", requirements, re.M)
    assert f"psycopg {pin}" in PAGE


@pytest.mark.django_db
def test_the_database_of_this_run_is_a_version_the_page_names():
    if connection.vendor == "postgresql":
        major = connection.pg_version // 10000
        assert f"| PostgreSQL | {major} (" in PAGE
    else:
        assert connection.vendor == "sqlite"
        assert "| SQLite | the one Python ships with" in PAGE


def test_the_tools_libraries_are_the_pinned_releases():
    requirements = (ROOT / "requirements.txt").read_text("utf-8")
    pins = dict(re.findall(r"^([\w-]+)==(\S+)$", requirements, re.M))
    table = PAGE.split("## Libraries on the tools pages")[1]
    named = re.findall(r"^\| [^|]+ \| ([\w-]+) ([\d.]+) \|", table, re.M)
    assert named, "no library rows in the versions page"
    for package, release in named:
        assert pins.get(package) == release, (
            f"docs/versions.md names {package} {release}; requirements.txt pins "
            f"{pins.get(package)}"
        )
