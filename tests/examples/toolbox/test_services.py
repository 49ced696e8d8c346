import pytest
from django.core import mail
from django.db import transaction

from toolbox.models import ServiceSubscriber
from toolbox.services import subscribe, subscribe_many


@pytest.mark.django_db(transaction=True)
def test_subscribe_welcomes_after_the_commit():
    subscriber = subscribe("ada@example.com")
    assert subscriber.pk is not None
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


@pytest.mark.django_db(transaction=True)
def test_subscribe_many_inserts_in_one_query_and_welcomes_each(
    django_assert_num_queries,
):
    with django_assert_num_queries(3):  # BEGIN, INSERT, COMMIT
        subscribers = subscribe_many(["a@example.com", "b@example.com"])
    assert ServiceSubscriber.objects.count() == len(subscribers) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_when_the_transaction_rolls_back():
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            subscribe("ada@example.com")
            raise RuntimeError
    assert ServiceSubscriber.objects.count() == 0
    assert mail.outbox == []
