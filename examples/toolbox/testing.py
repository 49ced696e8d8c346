"""Helpers for tests of code that sends or receives signals.

`recording()` is a context manager. `muted()` is a context manager and a
decorator.
"""

from contextlib import contextmanager
from functools import wraps
from inspect import iscoroutinefunction

from django.dispatch.dispatcher import _make_id


# --8<-- [start:recording]
@contextmanager
def recording(signal, sender=None):
    """Record each time `signal` is sent in the block (by `sender`, if given).

    Yields a list that gets one dict per send: the sender and the keyword
    arguments the receivers were given. Sends from other threads during the
    block are recorded too.
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
class muted:
    """Disconnect receivers of `signal` while a block or a function runs.

    Without `sender`, every receiver is muted. With `sender`, only the
    receivers connected for exactly that sender are; receivers connected
    for all senders still run. The receivers are muted for the whole
    process (every thread and task), not only for the code in the block.

    When the block ends, even if it raised, the muted receivers are put
    back in their original order. Receivers connected inside the block stay
    connected, except a second copy of a muted one, which connect() would
    have ignored.

    Use it as `with muted(signal):` or as a decorator of a function, a
    method or an `async def` function.

    `Signal.receivers` is not a documented API: each entry starts with the
    pair (receiver key, sender key), the same on Django 5.2, 6.0 and 6.1.
    """

    def __init__(self, signal, sender=None):
        self.signal = signal
        self.sender = sender

    def __enter__(self):
        sender_key = _make_id(self.sender)
        with self.signal.lock:
            self.before = list(self.signal.receivers)
            self.silenced = {
                id(entry)
                for entry in self.before
                if self.sender is None or entry[0][1] == sender_key
            }
            self.signal.receivers = [
                entry for entry in self.before if id(entry) not in self.silenced
            ]
            self.signal.sender_receivers_cache.clear()

    def __exit__(self, *exc_info):
        with self.signal.lock:
            now = self.signal.receivers
            kept = self.silenced | {id(entry) for entry in now}
            restored = [entry for entry in self.before if id(entry) in kept]
            known = {id(entry) for entry in self.before}
            keys = {entry[0] for entry in restored}
            added = [
                entry
                for entry in now
                if id(entry) not in known and entry[0] not in keys
            ]
            self.signal.receivers = restored + added
            self.signal.sender_receivers_cache.clear()

    def __call__(self, func):
        if iscoroutinefunction(func):

            @wraps(func)
            async def run_muted(*args, **kwargs):
                with muted(self.signal, self.sender):
                    return await func(*args, **kwargs)

        else:

            @wraps(func)
            def run_muted(*args, **kwargs):
                with muted(self.signal, self.sender):
                    return func(*args, **kwargs)

        return run_muted


# --8<-- [end:muted]
