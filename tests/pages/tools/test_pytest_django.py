"""Claims of docs/tools/pytest-django.md that its snippets do not show."""

import sys
from importlib.metadata import version
from unittest import mock

import pytest
from django.core.signals import setting_changed
from django.db.models import signals
from django.db.models.signals import post_migrate
from django.dispatch import Signal
from django.test import TestCase, override_settings

from toolbox.testing import recording


def test_pytest_django_version():
    assert version("pytest-django") == "4.14.0"


def test_the_capture_fixture_is_testcase_capture(django_capture_on_commit_callbacks):
    assert django_capture_on_commit_callbacks == TestCase.captureOnCommitCallbacks


def test_the_settings_fixture_sends_setting_changed(settings):
    with recording(setting_changed) as calls:
        settings.SUSPEND_RECEIVERS = True
    assert [(c["setting"], c["value"], c["enter"]) for c in calls] == [
        ("SUSPEND_RECEIVERS", True, True)
    ]


def test_model_signals_cache_their_receivers_per_sender():
    model_signals = {
        name
        for name, value in vars(signals).items()
        if isinstance(value, signals.ModelSignal)
    }
    assert model_signals == {
        "pre_init",
        "post_init",
        "pre_save",
        "post_save",
        "pre_delete",
        "post_delete",
        "m2m_changed",
    }
    for name in model_signals:
        assert getattr(signals, name).use_caching is True
    assert Signal().use_caching is False


@pytest.mark.django_db(transaction=True)
def test_the_flush_after_a_transaction_true_test_sends_post_migrate(
    transactional_db,
):
    """What the page says the cost comes from: the flush sends post_migrate."""
    from django.core.management import call_command

    with recording(post_migrate) as calls:
        call_command("flush", interactive=False, verbosity=0)
    labels = {call["sender"].label for call in calls}
    assert {"contenttypes", "auth", "inventory"} <= labels


# The table of mocks as receivers (Python 3.13, DEBUG = False and True).


def handler(sender, **kwargs):
    pass


MOCKS = {
    "Mock()": lambda: mock.Mock(),
    "MagicMock()": lambda: mock.MagicMock(),
    "Mock(spec=handler)": lambda: mock.Mock(spec=handler),
    "MagicMock(spec=handler)": lambda: mock.MagicMock(spec=handler),
    "create_autospec(handler)": lambda: mock.create_autospec(handler),
    "AsyncMock()": lambda: mock.AsyncMock(),
}

# name: (what connect() does with DEBUG = False, with DEBUG = True)
EXPECTED = {
    "Mock()": ("sync", "sync"),
    "MagicMock()": ("sync", "sync"),
    "Mock(spec=handler)": (
        "TypeError: unsupported operand type(s) for &: 'Mock' and 'int'",
        "TypeError: 'Mock' object is not subscriptable",
    ),
    "MagicMock(spec=handler)": ("async", "ValueError"),
    "create_autospec(handler)": ("sync", "sync"),
    "AsyncMock()": ("async", "async"),
}


def connect(receiver):
    signal = Signal()
    try:
        signal.connect(receiver)
    except (TypeError, ValueError) as exc:
        message = f"{type(exc).__name__}: {exc}"
        return signal, message if isinstance(exc, TypeError) else "ValueError"
    return signal, "async" if signal.receivers[0][-1] else "sync"


@pytest.mark.skipif(sys.version_info[:2] != (3, 13), reason="checked on Python 3.13")
@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("name", MOCKS)
def test_mocks_as_receivers(name, debug):
    receiver = MOCKS[name]()
    with override_settings(DEBUG=debug):
        signal, outcome = connect(receiver)
    assert outcome == EXPECTED[name][debug]
    if outcome in ("sync", "async") and name != "MagicMock(spec=handler)":
        signal.send(sender=None, value=1)
        receiver.assert_called_once_with(signal=signal, sender=None, value=1)


@pytest.mark.skipif(sys.version_info[:2] != (3, 13), reason="checked on Python 3.13")
def test_a_magicmock_with_spec_is_taken_for_a_coroutine_function_and_fails_when_sent():
    signal = Signal()
    signal.connect(mock.MagicMock(spec=handler))
    assert signal.receivers[0][-1] is True  # is_async
    with pytest.raises(TypeError):
        signal.send(sender=None)


def test_the_settings_fixture_leaves_the_settings_module_alone(settings):
    from handbook import settings as settings_module

    settings.SUSPEND_RECEIVERS = True
    assert not hasattr(settings_module, "SUSPEND_RECEIVERS")
