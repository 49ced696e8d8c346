"""What task-signals.md says beyond the capture test (Django 6.0+)."""

import django
import pytest

pytestmark = pytest.mark.skipif(
    django.VERSION < (6, 0), reason="django.tasks is new in Django 6.0"
)


def test_a_keyboard_interrupt_is_re_raised_without_task_finished():
    """signals.json lists it under task_finished's not_sent_by."""
    from django.tasks.signals import task_finished, task_started

    from tests.reference.sample_tasks import interrupt

    sent = []

    def record(sender, signal, **kwargs):
        sent.append("started" if signal is task_started else "finished")

    task_started.connect(record)
    task_finished.connect(record)
    with pytest.raises(KeyboardInterrupt):
        interrupt.enqueue()
    assert sent == ["started"]
