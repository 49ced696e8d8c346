import contextlib

import pytest
from django.db import transaction

from accounts.models import User
from notifications.models import Delivery, Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db

# The test of notify() that the Guide shows, and its fixture, are in
# examples/notifications/tests.py.


def test_creating_a_notification_directly_sends_nothing(sent_notification_created):
    Notification.objects.create(recipient=User.objects.create_user("ada"), message="x")
    assert sent_notification_created == []


def test_notify_queues_an_email_copy():
    ada = User.objects.create_user("ada", email="ada@example.com")
    notification = notify(ada, "Welcome")
    assert [str(d) for d in Delivery.objects.all()] == ["Welcome by email"]
    assert notification.deliveries.get().sent_at is None


@pytest.mark.django_db(transaction=True)
def test_a_rollback_undoes_the_notification_and_its_delivery():
    ada = User.objects.create_user("ada", email="ada@example.com")
    with contextlib.suppress(RuntimeError), transaction.atomic():
        notify(ada, "Welcome")
        raise RuntimeError("the caller fails after notify()")
    assert not Notification.objects.exists()
    assert not Delivery.objects.exists()
