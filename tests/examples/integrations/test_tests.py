"""The example tests of examples/integrations/tests.py, run by pytest.

pytest collects the test functions and the fixtures imported here.
"""

from integrations.tests import (  # noqa: F401
    ada,
    cy,
    no_user_receivers,
    suspended,
    test_a_user_without_create_profile,
    test_ada_has_no_profile,
    test_callbacks_registered_by_callbacks_run_too,
    test_muted_too_late,
    test_nothing_to_capture_in_autocommit_mode,
    test_read_the_setting_when_the_receiver_runs,
    test_without_execute_only_the_first_level_is_captured,
    without_create_profile,
)
