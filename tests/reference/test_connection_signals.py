"""connection_created in production conditions, shown on docs/reference/database-signals.md.

The tests' own database is an in-memory SQLite database that Django never
closes, so this runs a separate process with a database file, as a
deployed project has.
"""

import os
import subprocess
import sys

import pytest

from tests.reference.catalogue import ROOT

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
        "PYTHONPATH": str(ROOT / "examples"),
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
