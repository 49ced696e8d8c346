"""runserver really sends autoreload_started, to receivers connected in ready().

Runs `manage.py runserver` (with its autoreloader) in a subprocess; the
reloadprobe app's receiver writes what it received and stops the reloader,
which ends the server.
"""

import os
import subprocess
import sys

from tests.reference import scan
from tests.reference.catalogue import ROOT


# --8<-- [start:runserver]
def test_runserver_sends_autoreload_started_after_ready(tmp_path):
    report = tmp_path / "report.txt"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reference.reload_settings",
        "DJANGO_DB": str(tmp_path / "db.sqlite3"),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "examples"), str(ROOT)]),
        "RELOAD_PROBE_REPORT": str(report),
    }
    env.pop("RUN_MAIN", None)
    result = subprocess.run(
        [sys.executable, "examples/manage.py", "runserver", "127.0.0.1:0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert report.read_text() == "StatReloader apps.ready=True"


# --8<-- [end:runserver]


def test_only_runserver_starts_the_reloader_and_not_with_noreload():
    """The pages say: only runserver sends these signals, and not with --noreload."""
    django_root = scan.django_root()
    callers = sorted(
        str(path.relative_to(django_root))
        for path in django_root.rglob("*.py")
        if "run_with_reloader(" in path.read_text(encoding="utf-8")
        and path.name != "autoreload.py"
    )
    assert callers == [os.path.join("core", "management", "commands", "runserver.py")]
    source = (django_root / callers[0]).read_text(encoding="utf-8")
    assert "if use_reloader:\n            autoreload.run_with_reloader(" in source
    assert (
        '"--noreload",\n            action="store_false",\n            dest="use_reloader"'
        in source
    )
