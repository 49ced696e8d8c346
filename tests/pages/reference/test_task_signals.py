"""Checks of docs/reference/task-signals.md: the task signals (Django 6.0+), sent for real,
and the claims its snippets do not show.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

import asyncio

import django
import pytest
from django.test.utils import override_settings

from tests.pages.reference.capture import Triggers, page_tests

TRIGGERS = Triggers()


@TRIGGERS.on(
    "task_enqueued:immediate",
    "task_started:immediate",
    "task_finished:success",
)
def immediate_task(capture):
    from django.tasks.backends.immediate import ImmediateBackend

    from tests.pages.reference.sample_tasks import add

    with capture:
        result = add.enqueue(2, 3)
        later = asyncio.run(add.aenqueue(2, 3))
    assert result.return_value == later.return_value == 5
    return [ImmediateBackend] * 2


@TRIGGERS.on("task_finished:failure")
def failing_task(capture):
    from django.tasks import TaskResultStatus
    from django.tasks.backends.immediate import ImmediateBackend

    from tests.pages.reference.sample_tasks import divide

    with capture:
        result = divide.enqueue(1, 0)
    assert result.status == TaskResultStatus.FAILED
    return [ImmediateBackend]


@TRIGGERS.on("task_enqueued:dummy")
def dummy_task(capture):
    from django.tasks.backends.dummy import DummyBackend

    from tests.pages.reference.sample_tasks import add

    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy), capture:
        add.enqueue(2, 3)
        asyncio.run(add.aenqueue(2, 3))
    return [DummyBackend] * 2


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "task-signals.md", TRIGGERS
)


# Claims beyond the catalogue -----------------------------------------------

NEEDS_TASKS = pytest.mark.skipif(
    django.VERSION < (6, 0), reason="django.tasks is new in Django 6.0"
)


@NEEDS_TASKS
def test_a_keyboard_interrupt_is_re_raised_without_task_finished():
    """signals.json lists it under task_finished's not_sent_by."""
    from django.tasks.signals import task_finished, task_started

    from tests.pages.reference.sample_tasks import interrupt

    sent = []

    def record(sender, signal, **kwargs):
        sent.append("started" if signal is task_started else "finished")

    task_started.connect(record)
    task_finished.connect(record)
    with pytest.raises(KeyboardInterrupt):
        interrupt.enqueue()
    assert sent == ["started"]
