"""Record which model signals an operation sends: a helper for tests and pages."""

from contextlib import contextmanager

from django.db.models import QuerySet
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)

# --8<-- [start:record_model_signals]
MODEL_SIGNALS = {
    "pre_save": pre_save,
    "post_save": post_save,
    "pre_delete": pre_delete,
    "post_delete": post_delete,
    "m2m_changed": m2m_changed,
}


@contextmanager
def record_model_signals(*senders):
    """Collect, as text, the save, delete and m2m_changed signals of senders.

    The receiver is connected for the given senders only, and disconnected
    when the block ends.
    """
    events = []
    names = {signal: name for name, signal in MODEL_SIGNALS.items()}

    def record(sender, signal, **kwargs):
        events.append(describe(names[signal], sender, kwargs))

    for signal in MODEL_SIGNALS.values():
        for sender in senders:
            signal.connect(record, sender=sender, weak=False)
    try:
        yield events
    finally:
        for signal in MODEL_SIGNALS.values():
            for sender in senders:
                signal.disconnect(record, sender=sender)


# --8<-- [end:record_model_signals]


def describe(name, sender, kwargs):
    """One event as text: the arguments that tell operations apart."""
    details = []
    if name == "post_save":
        details.append(f"created={kwargs['created']}")
        if kwargs["update_fields"] is not None:
            details.append(
                f"update_fields={{{', '.join(sorted(kwargs['update_fields']))}}}"
            )
    elif name == "post_delete":
        origin = kwargs["origin"]
        kind = "QuerySet" if isinstance(origin, QuerySet) else type(origin).__name__
        details.append(f"origin={kind}")
    elif name == "m2m_changed":
        details.append(kwargs["action"])
    if kwargs.get("raw"):
        details.append("raw=True")
    return f"{name}({', '.join([sender.__name__, *details])})"


def summarize(events):
    """Join events, writing a run of n identical events once, followed by ×n."""
    parts = []
    for event in events:
        if parts and parts[-1][0] == event:
            parts[-1][1] += 1
        else:
            parts.append([event, 1])
    return ", ".join(
        f"`{event}`" + (f" ×{count}" if count > 1 else "") for event, count in parts
    )
