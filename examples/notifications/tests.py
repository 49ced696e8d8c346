"""Tests of the notifications app, written as a reader would write them.

pytest runs them (see tests/examples/notifications/test_tests.py).
"""

import pytest

from accounts.models import User

from .models import Delivery, Notification
from .receivers import queue_email_copy
from .services import notify
from .signals import notification_created

# Sending: notify() sends notification_created (docs/guide/custom-signals.md)


# --8<-- [start:test_signal]
@pytest.fixture
def sent_notification_created():
    """Record each notification_created signal sent during the test."""
    calls = []

    def record(sender, **kwargs):
        calls.append({"sender": sender, **kwargs})

    notification_created.connect(record)
    yield calls
    notification_created.disconnect(record)


@pytest.mark.django_db
def test_notify_sends_notification_created(sent_notification_created):
    ada = User.objects.create_user("ada")

    notification = notify(ada, "Welcome")

    assert sent_notification_created == [
        {
            "signal": notification_created,
            "sender": Notification,
            "notification": notification,
        }
    ]


# --8<-- [end:test_signal]


# A receiver, called as a function (docs/guide/custom-signals.md)


# --8<-- [start:test_receiver]
@pytest.mark.django_db
def test_queue_email_copy_queues_one_email():
    ada = User.objects.create_user("ada", email="ada@example.com")
    notification = Notification.objects.create(recipient=ada, message="Welcome")

    queue_email_copy(sender=Notification, notification=notification)

    assert list(notification.deliveries.values_list("channel", flat=True)) == [
        Delivery.Channel.EMAIL
    ]


# --8<-- [end:test_receiver]
