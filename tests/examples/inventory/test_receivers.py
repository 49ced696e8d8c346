from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.test import override_settings

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
from inventory.tests import unit_codes


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


# receiver_for_subclasses (docs/orm/inheritance.md); its test with apps listed
# after inventory is in examples/inventory/tests.py.


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


# Out-of-stock email (docs/orm/transactions.md). The three ways for a test to
# see the on_commit callback that the page shows are in examples/inventory/tests.py.


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


# Default units (docs/orm/migrations.md); the page's tests of migrate and flush
# are in examples/inventory/tests.py.


@pytest.mark.django_db
def test_the_default_units_exist_after_migrate():
    assert unit_codes() == sorted(DEFAULT_UNITS) == ["kg", "l", "pcs"]


@pytest.mark.django_db(transaction=True)
def test_migrating_back_before_units_skips_them():
    try:
        call_command("migrate", "inventory", "zero", verbosity=0)  # no error
    finally:
        call_command("migrate", "inventory", verbosity=0)
    assert unit_codes() == ["kg", "l", "pcs"]


class NoMigrations:
    def allow_migrate(self, db, app_label, **hints):
        return False


@pytest.mark.django_db
@override_settings(DATABASE_ROUTERS=[NoMigrations()])
def test_no_default_units_where_the_router_forbids_them():
    Unit.objects.all().delete()
    create_default_units(sender=None, using="default")
    assert unit_codes() == []
