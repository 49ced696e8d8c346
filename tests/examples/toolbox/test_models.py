import pytest
from django.core import mail

from toolbox.models import BenchRow, SaveSubscriber, ServiceSubscriber, SignalSubscriber


def test_str():
    assert str(SignalSubscriber(email="a@example.com")) == "a@example.com"
    assert str(BenchRow(name="row 1")) == "row 1"


@pytest.mark.django_db(transaction=True)
def test_save_subscriber_is_welcomed_once_when_created():
    subscriber = SaveSubscriber.objects.create(email="ada@example.com")
    subscriber.save()
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


@pytest.mark.django_db(transaction=True)
def test_plain_service_subscriber_is_not_welcomed():
    ServiceSubscriber.objects.create(email="ada@example.com")
    assert mail.outbox == []
