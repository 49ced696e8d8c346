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
