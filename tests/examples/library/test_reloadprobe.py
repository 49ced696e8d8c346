"""The reloadprobe app of examples/library/reloadprobe/ (runserver runs it in
test_runserver_sends_autoreload_started_after_ready; these run it in this process)."""

from django.test import override_settings
from django.utils.autoreload import autoreload_started

from handbook import settings as project
from library.reloadprobe import settings as probe_settings
from library.reloadprobe.apps import record_and_stop


class Reloader:
    def __init__(self):
        self.stopped = False

    def stop(self):
        self.stopped = True


def test_record_and_stop_writes_the_report_and_stops_the_reloader(
    tmp_path, monkeypatch
):
    report = tmp_path / "report.txt"
    monkeypatch.setenv("RELOAD_PROBE_REPORT", str(report))
    reloader = Reloader()
    record_and_stop(sender=reloader)
    assert report.read_text() == "Reloader apps.ready=True"
    assert reloader.stopped


def test_ready_connects_record_and_stop():
    assert not autoreload_started.disconnect(record_and_stop)
    with override_settings(INSTALLED_APPS=["library.reloadprobe"]):
        pass
    assert autoreload_started.disconnect(record_and_stop)


def test_its_settings_are_the_projects_plus_the_app():
    assert probe_settings.INSTALLED_APPS == [
        *project.INSTALLED_APPS,
        "library.reloadprobe",
    ]
    assert probe_settings.DATABASES == project.DATABASES
