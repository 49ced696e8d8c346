import os
from pathlib import Path

from django.apps import AppConfig, apps
from django.utils.autoreload import autoreload_started


# --8<-- [start:probe]
def record_and_stop(sender, **kwargs):
    report = Path(os.environ["RELOAD_PROBE_REPORT"])
    report.write_text(f"{type(sender).__name__} apps.ready={apps.ready}")
    sender.stop()  # end runserver once the signal has been seen


class ReloadProbeConfig(AppConfig):
    name = "library.reloadprobe"

    def ready(self):
        autoreload_started.connect(record_and_stop)


# --8<-- [end:probe]
