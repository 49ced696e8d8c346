"""The example tests of examples/library/tests.py, run by pytest.

pytest collects the test functions imported here.
"""

from library.tests import (  # noqa: F401
    test_default_tags_exist_after_migrate_and_after_flush,
    test_each_request_opens_a_connection_unless_connections_persist,
    test_flush_sends_post_migrate_with_fewer_arguments,
    test_migrate_sends_both_signals_to_every_app_with_a_models_module,
    test_plan_tells_which_migrations_ran,
    test_runserver_sends_autoreload_started_after_ready,
    test_the_test_client_records_templates_through_template_rendered,
)
