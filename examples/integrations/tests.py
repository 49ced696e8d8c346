"""Tests that docs/tools/pytest-django.md shows, written as a reader would write them.

pytest runs them (see tests/examples/integrations/test_tests.py). The
fixtures are defined here, next to the tests that use them, not in a
conftest.py.
"""

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_save

from accounts.models import Profile, User
from accounts.receivers import create_profile
from toolbox.models import SignalSubscriber
from toolbox.testing import muted


# --8<-- [start:nested_callbacks]
def subscribe(email):
    # Its post_save receiver registers one more on_commit callback: the email.
    SignalSubscriber.objects.create(email=email)


@pytest.mark.django_db
def test_callbacks_registered_by_callbacks_run_too(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        transaction.on_commit(lambda: subscribe("ada@example.com"))
    assert len(callbacks) == 2  # subscribe(), then the welcome email
    assert [message.to for message in mailoutbox] == [["ada@example.com"]]


@pytest.mark.django_db
def test_without_execute_only_the_first_level_is_captured(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks() as callbacks:
        transaction.on_commit(lambda: subscribe("ada@example.com"))
    assert len(callbacks) == 1
    callbacks[0]()  # runs subscribe(); the email's callback waits, uncaptured
    assert SignalSubscriber.objects.count() == 1
    assert len(callbacks) == 1
    assert mailoutbox == []


# --8<-- [end:nested_callbacks]


# --8<-- [start:capture_with_transaction_true]
@pytest.mark.django_db(transaction=True)
def test_nothing_to_capture_in_autocommit_mode(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        SignalSubscriber.objects.create(email="ada@example.com")
        # No transaction is open: on_commit() ran the callback at once.
        assert connection.get_autocommit()
        assert len(mailoutbox) == 1
    assert callbacks == []


# --8<-- [end:capture_with_transaction_true]


# --8<-- [start:mute_fixture]
@pytest.fixture
def no_user_receivers():
    """Mute the post_save receivers of User while the test runs."""
    with muted(post_save, sender=User):
        yield


@pytest.fixture
def without_create_profile():
    """The same for one receiver: disconnect it, connect it again afterwards."""
    # The sender given to connect(): settings.AUTH_USER_MODEL, i.e. User.
    post_save.disconnect(create_profile, sender=User)
    yield
    post_save.connect(create_profile, sender=User)


@pytest.fixture
def ada(db, no_user_receivers):
    # Requesting no_user_receivers makes pytest set it up first.
    return User.objects.create_user("ada")


def test_ada_has_no_profile(ada):
    assert not Profile.objects.filter(user=ada).exists()


@pytest.mark.django_db
def test_a_user_without_create_profile(without_create_profile):
    bob = User.objects.create_user("bob")
    assert not Profile.objects.filter(user=bob).exists()


# --8<-- [end:mute_fixture]


# --8<-- [start:fixture_order]
@pytest.fixture
def cy(db):
    return User.objects.create_user("cy")


def test_muted_too_late(cy, no_user_receivers):
    # pytest set up cy first: create_profile had already run.
    assert Profile.objects.filter(user=cy).exists()


# --8<-- [end:fixture_order]


# --8<-- [start:settings_flag]
# Copied once, when this module is imported: later changes never show here.
SUSPENDED_AT_IMPORT = getattr(settings, "SUSPEND_RECEIVERS", False)


def receivers_suspended():
    # Read each time it is called: sees the settings fixture's change.
    return getattr(settings, "SUSPEND_RECEIVERS", False)


@pytest.fixture
def suspended(settings):
    settings.SUSPEND_RECEIVERS = True


def test_read_the_setting_when_the_receiver_runs(suspended):
    assert receivers_suspended() is True
    assert SUSPENDED_AT_IMPORT is False


# --8<-- [end:settings_flag]
