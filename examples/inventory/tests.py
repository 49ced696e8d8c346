"""Tests of the inventory app, written as a reader would write them.

`python examples/manage.py test inventory` runs the TestCase class with
Django's test runner. pytest runs it and the plain test functions (see
tests/examples/inventory/test_tests.py).
"""

import io
import os
import subprocess
import sys
import unittest
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_migrate
from django.test import TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User

from .models import (
    DiscontinuedProduct,
    OutboxMessage,
    Product,
    StockMovement,
    Tag,
    Unit,
)
from .outbox import deliver_pending

EXAMPLES = Path(__file__).resolve().parents[1]


# Deleting (docs/orm/deleting.md)


# --8<-- [start:fast_delete]
def movement_queries(captured):
    table = '"inventory_stockmovement"'
    return [query["sql"].split()[0] for query in captured if table in query["sql"]]


@pytest.mark.django_db
def test_a_delete_receiver_turns_off_the_fast_delete():
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.bulk_create(
        StockMovement(product=apples, quantity=1) for _ in range(250)
    )
    with CaptureQueriesContext(connection) as fast:
        StockMovement.objects.all().delete()

    StockMovement.objects.bulk_create(
        StockMovement(product=apples, quantity=1) for _ in range(250)
    )
    post_delete.connect(recount_stock, sender=StockMovement)
    try:
        with CaptureQueriesContext(connection) as slow:
            StockMovement.objects.all().delete()
    finally:
        post_delete.disconnect(recount_stock, sender=StockMovement)

    assert movement_queries(fast) == ["DELETE"]
    assert movement_queries(slow) == ["SELECT", "DELETE", "DELETE", "DELETE"]


def recount_stock(sender, instance, **kwargs):
    pass


# --8<-- [end:fast_delete]


# Price history (docs/orm/field-changes.md)


# --8<-- [start:base_manager]
@pytest.mark.django_db
def test_the_base_manager_sees_the_rows_a_default_manager_hides():
    Product.objects.create(sku="APL-1", name="Apples")
    Product.objects.create(sku="OLD-1", name="Old", discontinued=True)
    assert DiscontinuedProduct._default_manager.count() == 1
    assert DiscontinuedProduct._base_manager.count() == 2


# --8<-- [end:base_manager]


# receiver_for_subclasses (docs/orm/inheritance.md)


# --8<-- [start:other_apps]
APPS = {
    "early/apps.py": """
from django.apps import AppConfig

class EarlyConfig(AppConfig):
    name = "early"

    def ready(self):
        from . import receivers
""",
    "early/models.py": """
from django.db import models

class Item(models.Model):
    pass
""",
    "early/receivers.py": """
from django.db.models.signals import post_save
from inventory.receivers import receiver_for_subclasses
from .models import Item

@receiver_for_subclasses(post_save, Item)
def touch(sender, **kwargs):
    pass
""",
    "late/models.py": """
from early.models import Item

class Box(Item):  # a subclass defined in an app listed after "early"
    pass
""",
}
SCRIPT = """
import django
from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_save

settings.configure(INSTALLED_APPS=["inventory", "early", "late"])
django.setup()
for label in ("early", "late"):
    for model in apps.get_app_config(label).get_models():
        print(model.__name__, post_save.has_listeners(model))
"""


def test_receiver_for_subclasses_sees_the_models_of_later_apps(tmp_path):
    for name, source in APPS.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).parent.joinpath("__init__.py").touch()
        (tmp_path / name).write_text(source)
    path = os.pathsep.join([str(tmp_path), str(EXAMPLES)])
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split("\n") == ["Item True", "Box True", ""]


# --8<-- [end:other_apps]


# Out-of-stock email (docs/orm/transactions.md): three ways for a test to see
# the on_commit callback.


# --8<-- [start:pytest_capture]
@pytest.mark.django_db
def test_out_of_stock_email(django_capture_on_commit_callbacks):
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=3)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        StockMovement.objects.create(product=apples, quantity=-3)
    assert len(callbacks) == 1
    assert [email.subject for email in mail.outbox] == ["Out of stock: APL-1"]


@pytest.mark.django_db
def test_no_out_of_stock_email_without_the_commit(django_capture_on_commit_callbacks):
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=3)
    with django_capture_on_commit_callbacks() as callbacks:  # not executed
        StockMovement.objects.create(product=apples, quantity=-3)
    assert len(callbacks) == 1  # registered, but the test never commits
    assert mail.outbox == []


# --8<-- [end:pytest_capture]


# --8<-- [start:testcase_capture]
class OutOfStockTests(TestCase):
    def test_email_after_the_commit(self):
        apples = Product.objects.create(sku="APL-1", name="Apples")
        StockMovement.objects.create(product=apples, quantity=3)
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            StockMovement.objects.create(product=apples, quantity=-3)
        self.assertEqual(len(callbacks), 1)
        self.assertEqual(mail.outbox[0].subject, "Out of stock: APL-1")

    def test_no_email_without_the_commit(self):
        apples = Product.objects.create(sku="APL-1", name="Apples")
        StockMovement.objects.create(product=apples, quantity=3)
        with self.captureOnCommitCallbacks() as callbacks:  # not executed
            StockMovement.objects.create(product=apples, quantity=-3)
        self.assertEqual(len(callbacks), 1)  # registered, but TestCase never commits
        self.assertEqual(mail.outbox, [])


# --8<-- [end:testcase_capture]


# --8<-- [start:transactional_test]
@pytest.mark.django_db(transaction=True)
def test_out_of_stock_email_after_a_real_commit():
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=1)
    with transaction.atomic():
        StockMovement.objects.create(product=apples, quantity=-1)
        assert mail.outbox == []  # not committed yet
    assert [email.subject for email in mail.outbox] == ["Out of stock: APL-1"]


# --8<-- [end:transactional_test]


# The outbox relay (docs/orm/transactions.md)


def message(topic):
    return OutboxMessage.objects.create(topic=topic, payload={"topic": topic})


# --8<-- [start:two_relays]
@pytest.mark.django_db
def test_two_relays_at_once_send_a_message_twice():
    message("product.created")
    sent = []

    def send(m):
        sent.append(("relay 1", m.topic))
        # A second relay runs while the first is sending:
        deliver_pending(lambda m: sent.append(("relay 2", m.topic)))

    deliver_pending(send)
    assert sent == [("relay 1", "product.created"), ("relay 2", "product.created")]


# --8<-- [end:two_relays]


# Migrations and default units (docs/orm/migrations.md)


# --8<-- [start:migrate_apps]
@pytest.mark.django_db(transaction=True)
def test_migrate_passes_historical_models():
    calls = []

    def record(sender, apps, plan, signal, **kwargs):
        historical_product = apps.get_model("inventory", "Product")
        calls.append((signal, historical_product is Product, plan))

    inventory = global_apps.get_app_config("inventory")
    pre_migrate.connect(record, sender=inventory)
    post_migrate.connect(record, sender=inventory)
    call_command("migrate", verbosity=0)  # nothing to apply: sent anyway
    assert calls == [(pre_migrate, False, []), (post_migrate, False, [])]


@pytest.mark.django_db(transaction=True)
def test_pre_migrate_sees_the_state_before_post_migrate_after():
    calls = []

    def record(sender, apps, signal, **kwargs):
        calls.append((signal, "unit" in apps.all_models["inventory"]))

    inventory = global_apps.get_app_config("inventory")
    try:
        call_command("migrate", "inventory", "zero", verbosity=0)  # no Unit
        pre_migrate.connect(record, sender=inventory)
        post_migrate.connect(record, sender=inventory)
        call_command("migrate", "inventory", verbosity=0)
        assert calls == [(pre_migrate, False), (post_migrate, True)]
    finally:
        pre_migrate.disconnect(record, sender=inventory)
        post_migrate.disconnect(record, sender=inventory)
        call_command("migrate", verbosity=0)


# --8<-- [end:migrate_apps]


# --8<-- [start:test_runner_flush]
@pytest.mark.django_db(transaction=True)
def test_the_test_runner_flush_sends_post_migrate_without_apps():
    calls = []

    def record(sender, **kwargs):
        calls.append(sorted(kwargs))

    class Empty(TransactionTestCase):
        def test_nothing(self):
            post_migrate.connect(record, sender=global_apps.get_app_config("inventory"))

    # The test case flushes the database when test_nothing ends.
    result = unittest.TextTestRunner(stream=io.StringIO()).run(Empty("test_nothing"))
    assert result.wasSuccessful()
    assert calls == [["app_config", "interactive", "signal", "using", "verbosity"]]


# --8<-- [end:test_runner_flush]


# --8<-- [start:default_units_test]
def unit_codes():
    return sorted(Unit.objects.values_list("code", flat=True))


@pytest.mark.django_db(transaction=True)
def test_migrate_and_flush_create_the_missing_default_units():
    assert unit_codes() == ["kg", "l", "pcs"]  # created when the test DB was
    Unit.objects.filter(code="kg").delete()
    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    assert unit_codes() == ["kg", "l", "pcs"]
    call_command("flush", interactive=False, verbosity=0)
    assert unit_codes() == ["kg", "l", "pcs"]


@pytest.mark.django_db(transaction=True)
def test_migrate_signals_are_sent_once_per_app_with_models():
    senders = []

    def record(sender, **kwargs):
        senders.append(sender)

    pre_migrate.connect(record)  # no sender: every app
    post_migrate.connect(record)
    call_command("migrate", verbosity=0)
    with_models = [app for app in global_apps.get_app_configs() if app.models_module]
    assert senders == with_models + with_models  # pre_migrate, then post_migrate


# --8<-- [end:default_units_test]


# Many-to-many in the admin (docs/orm/many-to-many.md)


@pytest.fixture
def superuser_client(client):
    user = User.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


# --8<-- [start:admin_m2m]
@pytest.mark.django_db(transaction=True)  # the admin commits for real
def test_post_save_sees_no_tags_on_commit_does(superuser_client):
    seen = []

    def on_save(sender, instance, **kwargs):
        seen.append(("post_save", [tag.name for tag in instance.tags.all()]))
        transaction.on_commit(
            lambda: seen.append(("on_commit", [t.name for t in instance.tags.all()]))
        )

    post_save.connect(on_save, sender=Product)
    fresh = Tag.objects.create(name="fresh")
    response = superuser_client.post(
        reverse("admin:inventory_product_add"),
        {
            "sku": "APL-1",
            "name": "Apples",
            "price": "2.50",
            "tags": [fresh.pk],
            "stocklevel_set-TOTAL_FORMS": "0",  # the stock level inline
            "stocklevel_set-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert seen == [("post_save", []), ("on_commit", ["fresh"])]


# --8<-- [end:admin_m2m]
