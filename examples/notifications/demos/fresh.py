"""Start Django in a new Python process, to see what happens at start-up."""

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2]

SCRIPT = """
import django
from django.conf import settings
from handbook import settings as project

options = {{name: getattr(project, name) for name in dir(project) if name.isupper()}}
settings.configure(**{{**options, "INSTALLED_APPS": {installed_apps!r}}})
django.setup()
{code}
"""


# --8<-- [start:start_django]
def start_django(installed_apps, code=""):
    """Run django.setup() in a fresh interpreter, then `code`.

    The project's settings are used, with `installed_apps` as INSTALLED_APPS.
    Return what the process printed or, if it failed, the last line of its
    traceback.
    """
    script = SCRIPT.format(installed_apps=installed_apps, code=code)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        last_line = result.stderr.strip().splitlines()[-1]
        return last_line.replace(str(EXAMPLES), "examples")
    return result.stdout.strip()


# --8<-- [end:start_django]
