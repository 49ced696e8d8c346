"""Helpers for tests of code that sends or receives signals.

Both helpers are context managers and also work as decorators.
"""

from contextlib import contextmanager

from django.dispatch.dispatcher import _make_id


# --8<-- [start:recording]
@contextmanager
def recording(signal, sender=None):
    """Record each time `signal` is sent in the block (by `sender`, if given).

    Yields a list that gets one dict per send: the sender and the keyword
    arguments the receivers were given.
    """
    calls = []

    def record(signal, sender, **kwargs):
        calls.append({"sender": sender, **kwargs})

    # weak=False: `record` is a local function, which a weak reference
    # would not keep alive.
    signal.connect(record, sender=sender, weak=False)
    try:
        yield calls
    finally:
        signal.disconnect(record, sender=sender)


# --8<-- [end:recording]


# --8<-- [start:muted]
@contextmanager
def muted(signal, sender=None):
    """Disconnect receivers of `signal` for the duration of the block.

    Without `sender`, every receiver is muted. With `sender`, only the
    receivers connected for exactly that sender are; receivers connected
    for all senders still run. The muted receivers are put back in their
    original order when the block ends, even if it raised. Receivers
    connected inside the block are not muted and stay connected.

    `Signal.receivers` is not a documented API: each entry starts with the
    pair (receiver key, sender key), the same on Django 5.2, 6.0 and 6.1.
    """
    sender_key = _make_id(sender)
    with signal.lock:
        before = list(signal.receivers)
        silenced = {
            id(entry) for entry in before if sender is None or entry[0][1] == sender_key
        }
        signal.receivers = [entry for entry in before if id(entry) not in silenced]
        signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        with signal.lock:
            now = signal.receivers
            still_there = {id(entry) for entry in now}
            known = {id(entry) for entry in before}
            signal.receivers = [
                entry
                for entry in before
                if id(entry) in silenced or id(entry) in still_there
            ] + [entry for entry in now if id(entry) not in known]
            signal.sender_receivers_cache.clear()


# --8<-- [end:muted]
