"""The one way the tests and tools start another process.

`run()` starts a command in a fresh process with this process's environment,
less what would make the child reuse this run's built site (HANDBOOK_*) or
coverage data (COV*), plus what the caller adds; a value of None removes a
variable. The other helpers are the common cases: a Python snippet with the
example project's settings, `examples/manage.py`, and pytest.
"""

import os
import subprocess
import sys

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
    """`python examples/manage.py ARGS` with its own SQLite file, as a reader types it."""
    command = [sys.executable, str(EXAMPLES / "manage.py"), *args]
    return run(command, DJANGO_DB=str(database), DJANGO_SETTINGS_MODULE=None, **env)


def run_pytest(*args, cwd, **env):
    """`python -m pytest ARGS` in a fresh process, in file order, without a cache."""
    options = ["-p", "no:randomly", "-p", "no:cacheprovider"]
    return run_command(sys.executable, "-m", "pytest", *options, *args, cwd=cwd, **env)
