"""Run the example project's manage.py in a fresh process, as a reader would."""

import os
import subprocess
import sys

from .isolation import EXAMPLES


def run_manage_py(*args, database, **env):
    """`python examples/manage.py ARGS` with its own SQLite file; returns the finished process."""
    environ = {**os.environ, "DJANGO_DB": str(database), **env}
    environ.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, str(EXAMPLES / "manage.py"), *args]
    return subprocess.run(
        command, env=environ, capture_output=True, text=True, check=False
    )


def run_command(*command, cwd, **env):
    """Run a command in a fresh process; returns (exit code, stdout + stderr).

    The environment of this test run is passed on, except what makes a child
    reuse its built site (HANDBOOK_*) or its coverage data (COV*).
    """
    inherited = {
        k: v for k, v in os.environ.items() if not k.startswith(("HANDBOOK_", "COV"))
    }
    environ = {**inherited, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run(
        command, cwd=cwd, env=environ, capture_output=True, text=True, check=False
    )
    return result.returncode, result.stdout + result.stderr


def run_pytest(*args, cwd, **env):
    """`python -m pytest ARGS` in a fresh process, in file order, without a cache."""
    options = ["-p", "no:randomly", "-p", "no:cacheprovider"]
    return run_command(sys.executable, "-m", "pytest", *options, *args, cwd=cwd, **env)
