"""The demo apps of the Guide's activation page."""

import pytest
from django.apps import apps
from django.test import override_settings

from accounts.models import User
from notifications.demos.connecting import receivers
from notifications.demos.connecting.apps import ConnectingConfig
from notifications.demos.fresh import start_django
from notifications.models import Notification
from notifications.signals import notification_created


def test_connecting_receivers_return_what_they_did():
    assert receivers.count(sender=None) == "count"
    assert receivers.forward(sender=None, channel="sms") == "forward by sms"


@pytest.mark.django_db
def test_connecting_app_connects_each_receiver_once_however_often_it_loads():
    before = ConnectingConfig.ready_calls
    for _ in range(2):
        with override_settings(INSTALLED_APPS=["notifications.demos.connecting"]):
            pass
    assert ConnectingConfig.ready_calls == before + 2
    ada = User.objects.create_user("ada")
    notification = Notification.objects.create(recipient=ada, message="Welcome")
    responses = notification_created.send(
        sender=Notification, notification=notification
    )
    assert [value for _, value in responses][-2:] == ["count", "forward by email"]


@pytest.mark.parametrize(
    ("entry", "config_class"),
    [
        ("notifications.demos.legacy", "AppConfig"),
        ("notifications.demos.legacy.config.LegacyConfig", "LegacyConfig"),
    ],
)
def test_default_app_config_is_ignored(entry, config_class):
    with override_settings(INSTALLED_APPS=[entry]):
        assert type(apps.get_app_config("legacy")).__name__ == config_class


def test_start_django_reports_output_or_the_error():
    assert start_django([], "print('started')") == "started"
    assert start_django(["no_such_app"]) == (
        "ModuleNotFoundError: No module named 'no_such_app'"
    )
