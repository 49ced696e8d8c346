"""Checks of docs/reference/autoreload-signals.md: the autoreload signals, sent for real.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

import os
import threading
import time

from django.utils import autoreload

from scripts import scan
from tests.pages.reference.capture import Triggers, page_tests

TRIGGERS = Triggers()


@TRIGGERS.on("autoreload_started:run")
def reloader_run(capture):
    reloader = autoreload.StatReloader()

    def stop_at_once(sender, **kwargs):
        sender.stop()

    autoreload.autoreload_started.connect(stop_at_once, weak=False)
    with capture:
        reloader.run(threading.current_thread())
    autoreload.autoreload_started.disconnect(stop_at_once)
    return [reloader]


@TRIGGERS.on("file_changed:change")
def reloader_change(capture, tmp_path):
    watched = tmp_path / "notes.txt"
    watched.write_text("v1")
    reloader = autoreload.StatReloader()
    reloader.SLEEP_TIME = 0
    reloader.extra_files.add(watched)

    def keep_serving(sender, file_path, **kwargs):
        return True  # a true result stops the reloader from restarting

    autoreload.file_changed.connect(keep_serving, weak=False)
    ticker = reloader.tick()
    next(ticker)  # first pass: remember every modification time
    later = time.time() + 10
    os.utime(watched, (later, later))
    with capture:
        next(ticker)
    autoreload.file_changed.disconnect(keep_serving)
    assert watched in [kwargs["file_path"] for _, kwargs in capture.calls]
    capture.calls[:] = [c for c in capture.calls if c[1]["file_path"] == watched]
    return [reloader]


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "autoreload-signals.md", TRIGGERS
)


# Only runserver starts the reloader -----------------------------------------


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
