"""Read docs/reference/signals.json, the catalogue of Django's built-in signals.

The catalogue is the single source of the reference pages' tables. This
module loads it, filters it for the running Django version, and checks
values against the types and senders it describes. It needs no settings.
"""

import builtins
import importlib
import json
import types
from functools import cache

import django
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from scripts.project import CATALOGUE

RUNNING = Version(django.__version__)


@cache
def load():
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


def applies(item, version=RUNNING):
    """Whether a signal, kwarg, case or call site exists on this Django version."""
    added = item.get("added")
    if added and version < Version(added):
        return False
    spec = item.get("django")
    return not spec or version in SpecifierSet(spec)


def signals(version=RUNNING):
    """The catalogue's signals that exist on this Django version."""
    return [signal for signal in load()["signals"] if applies(signal, version)]


def signal_named(name):
    (signal,) = [s for s in load()["signals"] if s["name"] == name]
    return signal


def cases(version=RUNNING):
    """(signal, case) pairs for this Django version."""
    return [
        (signal, case)
        for signal in signals(version)
        for case in signal["cases"]
        if applies(case, version)
    ]


def case_kwargs(signal, case, version=RUNNING):
    """The keyword arguments (besides signal and sender) a case sends."""
    names = case.get("kwargs", list(signal["kwargs"]))
    return {name for name in names if applies(signal["kwargs"][name], version)}


def resolve(dotted):
    """The object a dotted name like django.http.HttpRequest names."""
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def matches_type(value, spec):
    """Whether value is of the type written in the catalogue (e.g. 'set | None')."""
    for part in (p.strip() for p in spec.split("|")):
        if part == "object":
            return True
        if part == "None":
            if value is None:
                return True
            continue
        if part.startswith("type[") and part.endswith("]"):
            base = resolve_type(part[5:-1])
            if isinstance(value, type) and issubclass(value, base):
                return True
            continue
        if isinstance(value, resolve_type(part)):
            return True
    return False


def resolve_type(name):
    builtin = getattr(builtins, name, None)
    return builtin if isinstance(builtin, type) else resolve(name)


def matches_sender(sender, check):
    """Whether sender is what a case's sender_check describes."""
    ((kind, value),) = check.items()
    if kind == "equals":
        return sender == value and type(sender) is type(value)
    target = types.NoneType if value == "types.NoneType" else resolve(value)
    if kind == "is":
        return sender is target
    if kind == "subclass_of":
        return isinstance(sender, type) and issubclass(sender, target)
    if kind == "instance_of":
        return isinstance(sender, target)
    raise ValueError(f"unknown sender check {kind!r}")
