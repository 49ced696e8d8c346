import asyncio
import inspect
import threading

import pytest
from django.core.signals import request_started
from django.db.models.signals import post_save
from django.dispatch import Signal
from django.test import Client

from shop.models import ActivityLog, Order
from toolbox.testing import muted, recording


class Sender:
    pass


class OtherSender:
    pass


def connect_recorders(signal, log, names_and_senders):
    """Connect one receiver per (name, sender); return them (keep them alive)."""
    receivers = []
    for name, sender in names_and_senders:

        def receiver(sender, name=name, **kwargs):
            log.append(name)

        signal.connect(receiver, sender=sender)
        receivers.append(receiver)
    return receivers


def test_recording_records_sender_and_arguments_then_disconnects():
    signal = Signal()
    with recording(signal) as calls:
        signal.send(sender=Sender, colour="red")
        signal.send(sender=OtherSender)
    assert calls == [{"sender": Sender, "colour": "red"}, {"sender": OtherSender}]
    assert not signal.has_listeners()


def test_recording_for_one_sender_ignores_the_others():
    signal = Signal()
    with recording(signal, sender=Sender) as calls:
        signal.send(sender=OtherSender)
        signal.send(sender=Sender)
    assert calls == [{"sender": Sender}]


def test_recording_disconnects_even_if_the_block_raises():
    signal = Signal()
    with pytest.raises(ValueError), recording(signal):
        raise ValueError
    assert not signal.has_listeners()


def test_muted_without_sender_mutes_every_receiver_then_restores_them():
    signal, log = Signal(), []
    kept = connect_recorders(signal, log, [("a", None), ("b", Sender)])
    with muted(signal):
        signal.send(sender=Sender)
    assert log == []
    signal.send(sender=Sender)
    assert log == ["a", "b"]
    assert len(kept) == 2


def test_muted_with_sender_mutes_only_that_senders_receivers():
    signal, log = Signal(), []
    kept = connect_recorders(
        signal, log, [("any", None), ("mine", Sender), ("other", OtherSender)]
    )
    with muted(signal, sender=Sender):
        signal.send(sender=Sender)
        signal.send(sender=OtherSender)
    assert log == ["any", "any", "other"]
    assert len(kept) == 3


def test_muted_restores_the_original_order_even_if_the_block_raises():
    signal, log = Signal(), []
    kept = connect_recorders(signal, log, [("a", None), ("b", Sender), ("c", None)])
    with pytest.raises(ValueError), muted(signal, sender=Sender):
        raise ValueError
    signal.send(sender=Sender)
    assert log == ["a", "b", "c"]
    assert len(kept) == 3


def test_receivers_connected_or_disconnected_inside_the_block_stay_so():
    signal, log = Signal(), []
    a, b = connect_recorders(signal, log, [("a", None), ("b", Sender)])
    with muted(signal, sender=Sender):
        (c,) = connect_recorders(signal, log, [("c", Sender)])
        signal.disconnect(a)
        signal.send(sender=Sender)
    assert log == ["c"]
    signal.send(sender=Sender)
    assert log == ["c", "b", "c"]
    assert b and c


def test_muted_clears_the_cache_of_caching_signals():
    signal, log = Signal(use_caching=True), []
    kept = connect_recorders(signal, log, [("a", Sender)])
    signal.send(sender=Sender)  # fills the cache
    with muted(signal, sender=Sender):
        signal.send(sender=Sender)
    signal.send(sender=Sender)
    assert log == ["a", "a"]
    assert kept


def test_muted_mutes_async_receivers_under_asend():
    signal, log = Signal(), []

    async def receiver(sender, **kwargs):
        log.append("async")

    signal.connect(receiver)

    async def main():
        with muted(signal):
            await signal.asend(sender=Sender)
        await signal.asend(sender=Sender)

    asyncio.run(main())
    assert log == ["async"]


@pytest.mark.django_db
def test_muted_works_as_a_decorator_on_a_model_signal():
    @muted(post_save, sender=Order)
    def create_quietly(number):
        return Order.objects.create(number=number)

    create_quietly("Q-1")
    create_quietly("Q-2")
    assert ActivityLog.objects.count() == 0
    Order.objects.create(number="Q-3")
    assert ActivityLog.objects.count() == 1


def test_recording_records_sends_from_other_threads():
    signal = Signal()
    with recording(signal) as calls:
        thread = threading.Thread(target=signal.send, kwargs={"sender": Sender})
        thread.start()
        thread.join()
    assert calls == [{"sender": Sender}]


def test_muted_mutes_the_receivers_for_other_threads_too():
    signal, log = Signal(), []
    kept = connect_recorders(signal, log, [("a", None)])
    with muted(signal):
        thread = threading.Thread(target=signal.send, kwargs={"sender": Sender})
        thread.start()
        thread.join()
    assert log == []
    assert kept


def test_a_muted_receiver_connected_again_in_the_block_is_connected_once():
    signal, log = Signal(), []
    (a,) = connect_recorders(signal, log, [("a", Sender)])
    with muted(signal, sender=Sender):
        signal.connect(a, sender=Sender)
        signal.send(sender=Sender)
    signal.send(sender=Sender)
    assert log == ["a", "a"]
    assert len(signal.receivers) == 1


@pytest.mark.django_db
def test_the_test_client_inside_muted_leaves_request_started_as_it_was():
    """The test client disconnects and reconnects close_old_connections."""
    before = [entry[0] for entry in request_started.receivers]
    with muted(request_started):
        Client().get("/")
    assert [entry[0] for entry in request_started.receivers] == before


def test_muted_decorates_a_function():
    signal, log = Signal(), []
    kept = connect_recorders(signal, log, [("a", None)])

    @muted(signal)
    def send_twice(sender):
        """Send the signal twice."""
        signal.send(sender=sender)
        signal.send(sender=sender)
        return "done"

    assert send_twice(Sender) == "done"
    assert send_twice.__doc__ == "Send the signal twice."
    assert log == []
    signal.send(sender=Sender)
    assert log == ["a"]
    assert kept


def test_muted_decorates_an_async_function():
    signal, log = Signal(), []

    async def receiver(sender, **kwargs):
        log.append("async")

    signal.connect(receiver)

    @muted(signal)
    async def send(sender):
        await signal.asend(sender=sender)
        return "done"

    assert inspect.iscoroutinefunction(send)
    assert asyncio.run(send(Sender)) == "done"
    assert log == []
    asyncio.run(signal.asend(sender=Sender))
    assert log == ["async"]
