"""The example tests of examples/toolbox/tests.py, run by pytest and by manage.py test.

pytest collects the TestCase classes and test functions imported here.
"""

from scripts.project import EXAMPLES
from scripts.shell import run_manage_py, run_pytest
from toolbox.tests import (  # noqa: F401
    PlaceOrderTests,
    TestRunnerTests,
    WelcomeEmailCommitTests,
    WelcomeEmailTests,
    test_place_order_sends_order_placed,
    test_welcome_email_sent_after_a_real_commit,
    test_welcome_email_sent_on_commit,
)


def test_manage_py_test_runs_them_with_debug_false_even_if_settings_say_true(
    tmp_path,
):
    """What the testing page shows: python examples/manage.py test toolbox."""
    result = run_manage_py(
        "test", "toolbox", database=tmp_path / "db.sqlite3", DJANGO_DEBUG="1"
    )
    assert result.returncode == 0, result.stderr
    assert "Ran 6 tests" in result.stderr
    assert "\nOK\n" in result.stderr


def test_pytest_runs_them_with_debug_false_even_if_settings_say_true():
    code, output = run_pytest(
        "tests/examples/toolbox/test_tests.py::TestRunnerTests",
        cwd=EXAMPLES.parent,
        DJANGO_DEBUG="1",
    )
    assert code == 0, output
    assert "1 passed" in output


DEBUG_IS_TRUE = "AssertionError: True is not False"


def test_manage_py_test_debug_mode_runs_them_with_debug_true(tmp_path):
    """`manage.py test --debug-mode` sets DEBUG to True: the DEBUG test fails."""
    result = run_manage_py(
        "test",
        "toolbox.tests.TestRunnerTests",
        "--debug-mode",
        database=tmp_path / "db.sqlite3",
    )
    assert result.returncode == 1, result.stderr
    assert DEBUG_IS_TRUE in result.stderr


def test_pytest_django_debug_mode_ini_option_true_runs_them_with_debug_true():
    code, output = run_pytest(
        "tests/examples/toolbox/test_tests.py::TestRunnerTests",
        "-o",
        "django_debug_mode=true",
        cwd=EXAMPLES.parent,
    )
    assert code == 1, output
    assert DEBUG_IS_TRUE in output


def test_pytest_django_debug_mode_keep_leaves_the_settings_value():
    code, output = run_pytest(
        "tests/examples/toolbox/test_tests.py::TestRunnerTests",
        "-o",
        "django_debug_mode=keep",
        cwd=EXAMPLES.parent,
        DJANGO_DEBUG="1",
    )
    assert code == 1, output
    assert DEBUG_IS_TRUE in output


def test_pytest_django_has_no_django_debug_mode_flag():
    """django_debug_mode is an ini option (-o), not a command-line flag."""
    code, output = run_pytest(
        "tests/examples/toolbox/test_tests.py::TestRunnerTests",
        "--django-debug-mode",
        "true",
        cwd=EXAMPLES.parent,
    )
    assert code == 4, output  # pytest's exit code for a usage error
    assert "unrecognized arguments: --django-debug-mode" in output
