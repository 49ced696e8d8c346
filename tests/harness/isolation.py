"""Give every test and every snippet a clean receiver registry.

A snapshot of the receivers of every Signal is taken before a test and put
back after it, so a receiver connected by one snippet never fires in the
next. The snapshot holds Django's own weak references, not the receivers,
so a receiver that Django would garbage-collect is still collected.
"""

import contextlib
import gc
import importlib
import pkgutil
import sys
import weakref
from functools import cache

from django.dispatch import Signal
from django.utils import inspect as django_inspect

from scripts.project import EXAMPLES

# Modules that hold no signals and must not be imported as a side effect.
NOT_IMPORTED = {"manage"}

DJANGO_SIGNAL_MODULES = [
    "django.contrib.auth.signals",
    "django.core.signals",
    "django.db.backends.signals",
    "django.db.models.signals",
    "django.tasks.signals",  # Django 6.0+
    "django.test.signals",
    "django.utils.autoreload",
]


def import_example_modules():
    """Import every module of the example project, so its signals are known."""
    for module in pkgutil.walk_packages([str(EXAMPLES)]):
        if module.name not in NOT_IMPORTED and ".migrations" not in module.name:
            importlib.import_module(module.name)


@cache
def all_signals():
    """Every Signal defined at module level by Django or the example project."""
    for name in DJANGO_SIGNAL_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    import_example_modules()
    found = {}
    for module in list(sys.modules.values()):
        for value in list(getattr(module, "__dict__", {}).values()):
            if isinstance(value, Signal):
                found[id(value)] = value
    return tuple(found.values())


def snapshot():
    return {signal: list(signal.receivers) for signal in all_signals()}


def restore(saved):
    for signal, receivers in saved.items():
        with signal.lock:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()
            # Let Django prune references whose receiver died meanwhile.
            signal._dead_receivers = True
    # With DEBUG=True, connect() caches the receiver's parameters in an
    # lru_cache that keeps the function alive; start each test without it.
    django_inspect._get_func_parameters.cache_clear()


def _alive(entry):
    """Whether a registry entry (lookup_key, receiver, [sender_ref,] is_async) still works."""
    refs = [item for item in entry[1:-1] if isinstance(item, weakref.ReferenceType)]
    return all(ref() is not None for ref in refs)


def leaked_receivers(saved):
    """Receivers connected since `saved` was taken that are still alive: [(signal name, receiver)].

    Entries are compared by lookup key, so a receiver that was disconnected and
    connected again (Django's test client does that with close_old_connections)
    is not a leak; nor is one of Django's own receivers that Django connects
    lazily (staticfiles storage does so on first use).
    """
    known = {
        signal: {entry[0] for entry in entries} for signal, entries in saved.items()
    }
    if all(entry[0] in known[signal] for signal in saved for entry in signal.receivers):
        return []
    # A snippet's functions are freed only when its module's cycle is collected,
    # and with DEBUG=True connect() keeps them in an lru_cache.
    django_inspect._get_func_parameters.cache_clear()
    gc.collect()
    leaks = []
    for signal in saved:
        for entry in signal.receivers:
            if entry[0] not in known[signal] and _alive(entry):
                receiver = (
                    entry[1]()
                    if isinstance(entry[1], weakref.ReferenceType)
                    else entry[1]
                )
                leaks.append((signal_name(signal), receiver))
    return leaks


def signal_name(signal):
    for module in list(sys.modules.values()):
        for name, value in list(getattr(module, "__dict__", {}).items()):
            if value is signal:
                return f"{module.__name__}.{name}"
    return repr(signal)
