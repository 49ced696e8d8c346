import io
import os
import subprocess
import sys
import unittest
from decimal import Decimal

import pytest
from django.apps import apps as global_apps
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_migrate, post_save, pre_migrate
from django.test import TestCase, TransactionTestCase, override_settings

from inventory.models import (
    Category,
    DiscontinuedProduct,
    OutboxMessage,
    PerishableProduct,
    PriceChange,
    Product,
    StockMovement,
    Unit,
)
from inventory.receivers import (
    DEFAULT_UNITS,
    create_default_units,
    receiver_for_subclasses,
)
from tests.harness.isolation import EXAMPLES


def price_history():
    return [(str(c.old_price), str(c.new_price)) for c in PriceChange.objects.all()]


# Price history (docs/orm/field-changes.md)


@pytest.mark.django_db
def test_a_price_change_is_recorded_once():
    product = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    product.price = Decimal("2.80")
    product.save()
    product.save()  # the new price is the baseline now: nothing more to record
    assert price_history() == [("2.50", "2.80")]


@pytest.mark.django_db
def test_a_loaded_product_compares_with_the_database_value():
    Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    product = Product.objects.get(sku="APL-1")
    product.price = Decimal("3.00")
    product.save(update_fields=["price"])
    assert price_history() == [("2.50", "3.00")]


@pytest.mark.django_db
def test_saving_other_fields_records_nothing():
    product = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    product.price = Decimal("9.99")
    product.save(update_fields=["name"])  # the new price is not written
    assert price_history() == []
    product.save(update_fields=["price"])
    assert price_history() == [("2.50", "9.99")]


@pytest.mark.django_db
def test_a_deferred_price_is_not_compared():
    Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    product = Product.objects.only("sku").get()
    assert product.loaded_value("price") is None
    product.price = Decimal("3.00")
    product.save()
    assert price_history() == []


@pytest.mark.django_db
def test_refresh_from_db_resets_the_baseline():
    product = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    Product.objects.filter(pk=product.pk).update(price="3.00")
    product.refresh_from_db(fields=["price"])
    assert product.loaded_value("price") == Decimal("3.00")
    product.refresh_from_db()
    product.save()
    assert price_history() == []


@pytest.mark.django_db
def test_subclasses_get_the_price_history_too():
    milk = PerishableProduct.objects.create(sku="MLK-1", name="Milk", price="1.00")
    milk.price = Decimal("1.20")
    milk.save()
    old = DiscontinuedProduct.objects.create(sku="OLD-1", discontinued=True)
    old.price = Decimal("0.50")
    old.save()
    assert price_history() == [("1.00", "1.20"), ("0.00", "0.50")]


@pytest.mark.django_db
def test_a_fixture_records_nothing():
    call_command("loaddata", "inventory_demo", verbosity=0)
    assert price_history() == []
    assert not OutboxMessage.objects.exists()


# receiver_for_subclasses (docs/orm/inheritance.md)


@pytest.mark.django_db
def test_receiver_for_subclasses_connects_the_model_proxies_and_children():
    senders = []

    @receiver_for_subclasses(post_save, Product, weak=False)
    def record(sender, **kwargs):
        senders.append(sender)

    Product.objects.create(sku="APL-1")
    DiscontinuedProduct.objects.create(sku="OLD-1")
    PerishableProduct.objects.create(sku="MLK-1")
    Category.objects.create(name="Fruit")
    assert senders == [Product, DiscontinuedProduct, PerishableProduct]


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


# The outbox (docs/orm/transactions.md)


@pytest.mark.django_db(transaction=True)
def test_a_new_product_writes_an_outbox_message_in_its_transaction():
    with transaction.atomic():
        Product.objects.create(sku="APL-1", name="Apples")
    with pytest.raises(ValueError), transaction.atomic():
        Product.objects.create(sku="PEA-1", name="Pears")
        raise ValueError("the supplier rejected the order")
    assert list(OutboxMessage.objects.values_list("topic", "payload")) == [
        ("product.created", {"sku": "APL-1", "name": "Apples"})
    ]


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


@pytest.mark.django_db
def test_no_email_while_stock_remains_or_for_incoming_goods(
    django_capture_on_commit_callbacks,
):
    apples = Product.objects.create(sku="APL-1", name="Apples")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        StockMovement.objects.create(product=apples, quantity=5)
        StockMovement.objects.create(product=apples, quantity=-2)
    assert callbacks == []


@pytest.mark.django_db
def test_no_second_email_when_the_stock_was_already_empty(
    django_capture_on_commit_callbacks,
):
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        StockMovement.objects.create(product=apples, quantity=-2)  # emptied
        StockMovement.objects.create(product=apples, quantity=-1)  # was empty
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_down_does_not_fail_the_committed_movement(monkeypatch, caplog):
    def smtp_down(**kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("inventory.services.send_mail", smtp_down)
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=1)
    with transaction.atomic():
        StockMovement.objects.create(product=apples, quantity=-1)
    assert StockMovement.objects.count() == 2
    assert "mail server down" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_no_email_when_the_product_is_gone_by_the_commit():
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=1)
    with transaction.atomic():
        StockMovement.objects.create(product=apples, quantity=-1)
        apples.delete()
    assert mail.outbox == []


# Default units (docs/orm/migrations.md)


@pytest.mark.django_db
def test_the_default_units_exist_after_migrate():
    assert unit_codes() == sorted(DEFAULT_UNITS) == ["kg", "l", "pcs"]


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


@pytest.mark.django_db(transaction=True)
def test_migrating_back_before_units_skips_them():
    try:
        call_command("migrate", "inventory", "zero", verbosity=0)  # no error
    finally:
        call_command("migrate", "inventory", verbosity=0)
    assert unit_codes() == ["kg", "l", "pcs"]


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


class NoMigrations:
    def allow_migrate(self, db, app_label, **hints):
        return False


@pytest.mark.django_db
@override_settings(DATABASE_ROUTERS=[NoMigrations()])
def test_no_default_units_where_the_router_forbids_them():
    Unit.objects.all().delete()
    create_default_units(sender=None, using="default")
    assert unit_codes() == []
