"""The example tests of examples/toolbox/tests.py, run by pytest and by manage.py test.

pytest collects the TestCase classes and test functions imported here.
"""

from tests.harness.isolation import EXAMPLES
from tests.harness.shell import run_manage_py, run_pytest
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
