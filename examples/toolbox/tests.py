"""Tests of the toolbox app, written as a reader would write them.

`python examples/manage.py test toolbox` runs the TestCase classes with
Django's test runner. pytest runs them and the plain test functions (see
tests/examples/toolbox/test_tests.py).
"""

import pytest
from django.conf import settings
from django.core import mail
from django.db.models.signals import post_save
from django.test import SimpleTestCase, TestCase, TransactionTestCase

from shop.models import Order
from shop.services import place_order
from shop.signals import order_placed

from .models import SignalSubscriber
from .testing import muted, recording


# --8<-- [start:testcase]
class WelcomeEmailTests(TestCase):
    def test_sent_once_the_transaction_commits(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            SignalSubscriber.objects.create(email="ada@example.com")
        self.assertEqual(len(callbacks), 1)
        self.assertEqual(mail.outbox[0].to, ["ada@example.com"])

    def test_not_sent_before_the_commit(self):
        # TestCase never commits: on_commit callbacks wait, then are dropped.
        SignalSubscriber.objects.create(email="ada@example.com")
        self.assertEqual(mail.outbox, [])

    @muted(post_save, sender=SignalSubscriber)
    def test_not_sent_when_the_receiver_is_muted(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            SignalSubscriber.objects.create(email="ada@example.com")
        self.assertEqual(callbacks, [])


class WelcomeEmailCommitTests(TransactionTestCase):
    def test_sent_when_the_row_is_committed(self):
        SignalSubscriber.objects.create(email="ada@example.com")
        self.assertEqual(len(mail.outbox), 1)


# --8<-- [end:testcase]


# --8<-- [start:order_placed]
class PlaceOrderTests(TestCase):
    def test_sends_order_placed_with_the_new_order(self):
        with recording(order_placed, sender=Order) as calls:
            order = place_order("T-1")
        self.assertEqual(calls, [{"sender": Order, "order": order}])


# --8<-- [end:order_placed]


# --8<-- [start:debug]
class TestRunnerTests(SimpleTestCase):
    def test_tests_run_with_debug_false(self):
        # Both Django's test runner and pytest-django set DEBUG to False,
        # whatever the settings module says.
        self.assertIs(settings.DEBUG, False)


# --8<-- [end:debug]


# --8<-- [start:pytest]
@pytest.mark.django_db
def test_welcome_email_sent_on_commit(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        SignalSubscriber.objects.create(email="ada@example.com")
    assert len(callbacks) == 1
    assert mailoutbox[0].to == ["ada@example.com"]


@pytest.mark.django_db(transaction=True)
def test_welcome_email_sent_after_a_real_commit(mailoutbox):
    SignalSubscriber.objects.create(email="ada@example.com")
    assert [message.to for message in mailoutbox] == [["ada@example.com"]]


@pytest.mark.django_db
def test_place_order_sends_order_placed():
    with recording(order_placed, sender=Order) as calls:
        order = place_order("T-1")
    assert calls == [{"sender": Order, "order": order}]


# --8<-- [end:pytest]
