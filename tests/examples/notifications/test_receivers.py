import pytest

from accounts.models import User
from notifications.models import Delivery, Notification
from notifications.receivers import queue_email_copy
from notifications.signals import notification_created

pytestmark = pytest.mark.django_db


def test_queue_email_copy_is_connected_at_startup():
    ada = User.objects.create_user("ada")
    notification = Notification.objects.create(recipient=ada, message="Welcome")
    responses = notification_created.send(
        sender=Notification, notification=notification
    )
    assert [receiver for receiver, _ in responses] == [queue_email_copy]


# The test of the receiver that the Guide shows is in examples/notifications/tests.py.


def test_queue_email_copy_skips_users_without_an_address():
    ada = User.objects.create_user("ada")
    notification = Notification.objects.create(recipient=ada, message="Welcome")
    queue_email_copy(sender=Notification, notification=notification)
    assert not Delivery.objects.exists()
