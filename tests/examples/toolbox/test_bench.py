"""The benchmark is not a test: these only check that it runs and reports."""

import platform
import sys

import django
import pytest
from django.db import connection
from django.db.models.signals import post_delete, post_init, post_save, pre_init

from scripts.project import EXAMPLES
from scripts.shell import own_database, run
from toolbox import bench
from toolbox.models import BenchRow

TITLES = [
    "send() against calling the receivers directly",
    "Receivers connected for other senders",
    "save() of one row",
    "Loading 50 rows",
    "QuerySet.delete() of 20 rows",
    "Whole run:",
]


@pytest.mark.django_db(transaction=True)
def test_quick_run_prints_every_table_and_leaves_nothing_behind(capsys, monkeypatch):
    # The benchmark makes a test database of its own, named after the one in
    # use. Under pytest-xdist, TEST NAME is set to this worker's database:
    # clear it so the benchmark's is test_<this one>, not this one.
    monkeypatch.setitem(connection.settings_dict["TEST"], "NAME", None)
    serialized = hasattr(connection, "_test_serialized_contents")
    bench.main(["--quick"])
    # A serialized copy left on the connection would change what later
    # serialized_rollback tests on this worker do (orm/migrations.md).
    assert hasattr(connection, "_test_serialized_contents") == serialized
    out = capsys.readouterr().out
    assert f"Django {django.get_version()}, Python {platform.python_version()}" in out
    for title in TITLES:
        assert title in out
    assert "  100 receivers " in out
    assert BenchRow.objects.count() == 0
    for signal in (post_save, post_delete, pre_init, post_init):
        assert not signal.has_listeners(BenchRow)


def test_the_command_a_reader_types_runs(tmp_path):
    """cd examples && python -m toolbox.bench --quick, with no settings in the env."""
    with own_database(tmp_path / "db.sqlite3") as database:
        result = run(
            [sys.executable, "-m", "toolbox.bench", "--quick"],
            cwd=EXAMPLES,
            DJANGO_SETTINGS_MODULE=None,
            **database,
        )
    assert result.returncode == 0, result.stderr
    for title in TITLES:
        assert title in result.stdout
    assert not (tmp_path / "db.sqlite3").exists()  # only the test database


def test_cpu_name_reads_proc_cpuinfo(monkeypatch, tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nmodel name\t: Example CPU 3000\n")
    monkeypatch.setattr(bench, "CPUINFO", cpuinfo)
    assert bench.cpu_name() == "Example CPU 3000"


@pytest.mark.parametrize("text", [None, "processor\t: 0\n"])
def test_cpu_name_falls_back_to_platform(monkeypatch, tmp_path, text):
    cpuinfo = tmp_path / "cpuinfo"
    if text is not None:
        cpuinfo.write_text(text)
    monkeypatch.setattr(bench, "CPUINFO", cpuinfo)
    assert bench.cpu_name() == (platform.processor() or platform.machine())
