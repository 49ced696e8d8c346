"""What migrate and flush send, shown on docs/reference/migration-signals.md.

These run `migrate`, whose historical models Django keeps cached after the
command; that is why they are tests included in the page rather than
snippets (the snippet harness fails a snippet that leaves objects with live
receivers behind).
"""

import pytest
from django.apps import apps as global_apps
from django.core.management import call_command
from django.db.models.signals import post_migrate, pre_migrate

pytestmark = pytest.mark.django_db(transaction=True)


# --8<-- [start:every_app]
def test_migrate_sends_both_signals_to_every_app_with_a_models_module():
    events = []

    def record(sender, app_config, signal, **kwargs):
        events.append((signal is pre_migrate, app_config.label))

    pre_migrate.connect(record)
    post_migrate.connect(record)
    call_command("migrate", verbosity=0)  # nothing to apply

    labels = [
        config.label for config in global_apps.get_app_configs() if config.models_module
    ]
    assert events == [(True, label) for label in labels] + [
        (False, label) for label in labels
    ]
    assert "messages" not in labels  # django.contrib.messages has no models module
    assert "library" in labels


# --8<-- [end:every_app]


# --8<-- [start:arguments]
def test_flush_sends_post_migrate_with_fewer_arguments():
    received = {}

    def record(sender, **kwargs):
        received[command] = sorted(kwargs)

    post_migrate.connect(record, sender=global_apps.get_app_config("library"))
    for command in ("migrate", "flush"):
        call_command(command, interactive=False, verbosity=0)

    assert received == {
        "migrate": [
            "app_config",
            "apps",
            "interactive",
            "plan",
            "signal",
            "stdout",
            "using",
            "verbosity",
        ],
        "flush": ["app_config", "interactive", "signal", "using", "verbosity"],
    }


# --8<-- [end:arguments]


# --8<-- [start:seed]
def create_default_tags(sender, using, apps=global_apps, **kwargs):
    Tag = apps.get_model("library", "Tag")
    for name in ("fiction", "non-fiction"):
        Tag.objects.using(using).get_or_create(name=name)


def test_default_tags_exist_after_migrate_and_after_flush():
    post_migrate.connect(
        create_default_tags, sender=global_apps.get_app_config("library")
    )
    Tag = global_apps.get_model("library", "Tag")

    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    assert sorted(Tag.objects.values_list("name", flat=True)) == [
        "fiction",
        "non-fiction",
    ]
    call_command("flush", interactive=False, verbosity=0)
    assert Tag.objects.count() == 2


# --8<-- [end:seed]


# --8<-- [start:plan]
def test_plan_tells_which_migrations_ran():
    applied = []

    def record(sender, plan, **kwargs):
        applied.extend(
            f"{migration.app_label}.{migration.name}"
            for migration, backwards in plan
            if not backwards
        )

    post_migrate.connect(record, sender=global_apps.get_app_config("library"))
    call_command("migrate", "library", "zero", verbosity=0)
    call_command("migrate", "library", verbosity=0)
    assert applied == ["library.0001_initial"]


# --8<-- [end:plan]
