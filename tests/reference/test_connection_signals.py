"""connection_created in production conditions, shown on docs/reference/database-signals.md.

The tests' own database is an in-memory SQLite database that Django never
closes, so this runs a separate process with a database file, as a
deployed project has.
"""

import os
import subprocess
import sys

from tests.reference.catalogue import ROOT

# --8<-- [start:per_request]
SCRIPT = """
import django
from django.core.management import call_command
from django.db.backends.signals import connection_created

django.setup()
call_command("migrate", verbosity=0)
opened = []
connection_created.connect(lambda sender, **kwargs: opened.append(sender), weak=False)

from library.servers import serve_wsgi

for _ in range(3):
    serve_wsgi("/library/books/")  # each request runs one query
print(len(opened))
"""


def test_each_request_opens_a_connection_with_the_default_conn_max_age(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "handbook.settings",
        "DJANGO_DB": str(tmp_path / "db.sqlite3"),  # CONN_MAX_AGE is 0
        "PYTHONPATH": str(ROOT / "examples"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "3\n"


# --8<-- [end:per_request]
