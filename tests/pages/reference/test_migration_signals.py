"""Checks of docs/reference/migration-signals.md: pre_migrate and post_migrate, sent for real.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

from django.apps import apps
from django.core.management import call_command

from tests.pages.reference.capture import (
    AllApps,
    OnlyLibrary,
    Triggers,
    page_tests,
    run_test_case,
)

TRIGGERS = Triggers()


def models_apps():
    return [config for config in apps.get_app_configs() if config.models_module]


@TRIGGERS.on("pre_migrate:migrate", "post_migrate:migrate")
def migrate(capture):
    with capture:
        call_command("migrate", verbosity=0)
    assert all(kwargs["plan"] == [] for _, kwargs in capture.calls)
    return models_apps()


@TRIGGERS.on("post_migrate:flush")
def flush(capture):
    with capture:
        call_command("flush", interactive=False, verbosity=0)
    with capture:
        run_test_case(AllApps)  # flushes after the test
    return models_apps() * 2


@TRIGGERS.on("post_migrate:available-apps")
def available_apps_migrate(capture):
    with capture:
        run_test_case(OnlyLibrary)  # as a test runner calls it
    return [apps.get_app_config("library")]  # before the test; none after it


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "migration-signals.md", TRIGGERS
)
