"""scripts/shell.py: the one way the tests and tools start a process."""

import sys

from scripts.shell import run, run_python


def test_a_child_does_not_inherit_the_built_site_or_coverage(monkeypatch):
    monkeypatch.setenv("HANDBOOK_SITE_DIR", "/somewhere")
    monkeypatch.setenv("COV_CORE_SOURCE", "examples")
    code = "import os; print(sorted(k for k in os.environ if k.startswith(('HANDBOOK_', 'COV'))))"
    assert run([sys.executable, "-c", code]).stdout == "[]\n"


def test_none_removes_a_variable_and_a_value_sets_one(monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "handbook.settings")
    code = "import os; print(os.environ.get('DJANGO_SETTINGS_MODULE'), os.environ['X'])"
    result = run([sys.executable, "-c", code], DJANGO_SETTINGS_MODULE=None, X="1")
    assert result.stdout == "None 1\n"


def test_python_code_runs_with_the_example_project_importable():
    result = run_python("import django; django.setup(); import shop; print('ok')")
    assert result.stdout == "ok\n"
