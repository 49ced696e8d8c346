"""The one way the tests and tools start another process.

`run()` starts a command in a fresh process with this process's environment,
less what would make the child reuse this run's built site (HANDBOOK_*) or
coverage data (COV*), plus what the caller adds; a value of None removes a
variable. The other helpers are the common cases: a Python snippet with the
example project's settings, `examples/manage.py`, and pytest.
"""

import contextlib
import os
import subprocess
import sys
import uuid
from urllib.parse import urlsplit

from scripts.project import EXAMPLES, ROOT

# How a child finds the example project and the repository's modules.
PYTHONPATH = os.pathsep.join([str(EXAMPLES), str(ROOT)])


def run(command, *, cwd=ROOT, check=False, **env):
    """Run a command; return the CompletedProcess (text output captured)."""
    inherited = {
        k: v for k, v in os.environ.items() if not k.startswith(("HANDBOOK_", "COV"))
    }
    environ = {**inherited, "NO_MKDOCS_2_WARNING": "1", **env}
    environ = {k: v for k, v in environ.items() if v is not None}
    return subprocess.run(
        command, cwd=cwd, env=environ, capture_output=True, text=True, check=check
    )


def run_command(*command, cwd, **env):
    """Run a command; return (exit code, stdout + stderr)."""
    result = run(command, cwd=cwd, **env)
    return result.returncode, result.stdout + result.stderr


def run_python(code, *, cwd=ROOT, check=True, **env):
    """`python -c CODE` with the example project's settings importable."""
    env = {
        "DJANGO_SETTINGS_MODULE": "handbook.settings",
        "PYTHONPATH": PYTHONPATH,
        **env,
    }
    return run([sys.executable, "-c", code], cwd=cwd, check=check, **env)


def run_manage_py(*args, database, **env):
    """`python examples/manage.py ARGS` with a database of its own, as a reader types it.

    `database` is the SQLite file it uses (on PostgreSQL, see own_database()).
    """
    command = [sys.executable, str(EXAMPLES / "manage.py"), *args]
    with own_database(database) as database_env:
        return run(command, DJANGO_SETTINGS_MODULE=None, **database_env, **env)


def run_pytest(*args, cwd, **env):
    """`python -m pytest ARGS` in a fresh process, in file order, without a cache."""
    options = ["-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist"]
    command = [sys.executable, "-m", "pytest", *options, *args]
    with own_database() as database:
        return run_command(*command, cwd=cwd, **database, **env)


@contextlib.contextmanager
def own_database(sqlite_file=None):
    """Environment variables that give a child process a database of its own.

    On SQLite: the file `sqlite_file` (None: the settings' default; a test
    run uses an in-memory database anyway). On PostgreSQL (DATABASE_URL is
    set): a new, empty database on the same server, dropped afterwards with
    the test database the child may have made from it. A child cannot share
    this run's: the test database it would make, test_<NAME>, is this run's.
    """
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield {"DJANGO_DB": str(sqlite_file)} if sqlite_file else {}
        return
    name = f"handbook_{uuid.uuid4().hex[:12]}"
    _on_server(f'CREATE DATABASE "{name}"')
    try:
        yield {"DATABASE_URL": urlsplit(url)._replace(path=f"/{name}").geturl()}
    finally:
        for database in (f"test_{name}", name):
            _on_server(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _on_server(sql):
    """Run a statement such as CREATE DATABASE on the PostgreSQL server of the tests."""
    import psycopg  # noqa: PLC0415 (only with PostgreSQL)
    from django.db import connections  # noqa: PLC0415

    # The connection Django would open, to the maintenance database instead.
    params = {**connections["default"].get_connection_params(), "dbname": "postgres"}
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(sql)
