import pytest
from django.core import mail, serializers

from toolbox.models import SignalSubscriber
from toolbox.receivers import welcome_new_subscriber


@pytest.mark.django_db(transaction=True)
def test_new_subscriber_is_welcomed_once():
    subscriber = SignalSubscriber.objects.create(email="ada@example.com")
    subscriber.save()
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


@pytest.mark.django_db(transaction=True)
def test_loading_a_fixture_sends_nothing():
    data = serializers.serialize(
        "json", [SignalSubscriber(pk=3, email="f@example.com")]
    )
    for obj in serializers.deserialize("json", data):
        obj.save()
    assert SignalSubscriber.objects.get(pk=3).email == "f@example.com"
    assert mail.outbox == []


@pytest.mark.django_db
def test_welcome_waits_for_the_commit(django_capture_on_commit_callbacks):
    subscriber = SignalSubscriber(email="ada@example.com")
    with django_capture_on_commit_callbacks() as callbacks:
        welcome_new_subscriber(
            sender=SignalSubscriber,
            instance=subscriber,
            created=True,
            raw=False,
            using="default",
        )
    assert len(callbacks) == 1
    assert mail.outbox == []
