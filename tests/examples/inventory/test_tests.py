"""The example tests of examples/inventory/tests.py, run by pytest and by manage.py test.

pytest collects the TestCase class, the test functions and the fixture
imported here.
"""

from inventory.tests import (  # noqa: F401
    OutOfStockTests,
    superuser_client,
    test_a_delete_receiver_turns_off_the_fast_delete,
    test_migrate_and_flush_create_the_missing_default_units,
    test_migrate_passes_historical_models,
    test_migrate_signals_are_sent_once_per_app_with_models,
    test_no_out_of_stock_email_without_the_commit,
    test_out_of_stock_email,
    test_out_of_stock_email_after_a_real_commit,
    test_post_save_sees_no_tags_on_commit_does,
    test_pre_migrate_sees_the_state_before_post_migrate_after,
    test_receiver_for_subclasses_sees_the_models_of_later_apps,
    test_the_base_manager_sees_the_rows_a_default_manager_hides,
    test_the_test_runner_flush_sends_post_migrate_without_apps,
    test_two_relays_at_once_send_a_message_twice,
)
from scripts.shell import run_manage_py


def test_manage_py_test_runs_the_testcase(tmp_path):
    """python examples/manage.py test inventory: Django's runner finds the TestCase."""
    result = run_manage_py("test", "inventory", database=tmp_path / "db.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "Ran 2 tests" in result.stderr
    assert "\nOK\n" in result.stderr
