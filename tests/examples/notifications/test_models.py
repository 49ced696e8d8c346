import pytest

from accounts.models import User
from notifications.models import Alert, Notification
from notifications.signals import notification_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_notification_read():
    calls = []

    def record(sender, notification, **kwargs):
        calls.append((sender, notification))

    notification_read.connect(record)
    yield calls
    notification_read.disconnect(record)


def test_str():
    assert str(Notification(message="Welcome")) == "Welcome"


def test_mark_read_sets_read_at_and_sends_once(sent_notification_read):
    ada = User.objects.create_user("ada")
    notification = Notification.objects.create(recipient=ada, message="Welcome")
    notification.mark_read()
    first_read_at = notification.read_at
    notification.mark_read()
    notification.refresh_from_db()
    assert notification.read_at == first_read_at is not None
    assert sent_notification_read == [(Notification, notification)]


def test_an_alert_is_sent_with_the_notification_class(sent_notification_read):
    alert = Alert.objects.create(recipient=User.objects.create_user("ada"), message="!")
    alert.mark_read()
    assert sent_notification_read == [(Notification, alert)]


def test_a_stale_copy_does_not_announce_the_read_again(sent_notification_read):
    ada = User.objects.create_user("ada")
    notification = Notification.objects.create(recipient=ada, message="Welcome")
    stale = Notification.objects.get(pk=notification.pk)  # loaded while unread
    notification.mark_read()
    stale.mark_read()
    assert [sent for _, sent in sent_notification_read] == [notification]
    assert sent_notification_read[0][1] is notification
    assert stale.read_at is None  # the row was already read: nothing changed
