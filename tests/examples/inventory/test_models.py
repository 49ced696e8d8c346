import asyncio
from decimal import Decimal

import pytest
from django.db import connection

from inventory.models import (
    Category,
    DiscontinuedProduct,
    OutboxMessage,
    PriceChange,
    Product,
    StockLevel,
    StockMovement,
    Tag,
    Unit,
    Warehouse,
)
from inventory.signals import products_updated


def test_str():
    assert str(Unit(code="kg")) == "kg"
    assert str(Category(name="Fruit")) == "Fruit"
    assert str(Tag(name="fresh")) == "fresh"
    assert str(Warehouse(code="NORTH")) == "NORTH"
    assert str(Product(sku="APL-1")) == "APL-1"
    assert str(StockLevel(product_id=1, warehouse_id="NORTH", quantity=5)) == (
        "1@NORTH: 5"
    )
    assert str(StockMovement(quantity=-2)) == "-2"
    assert str(PriceChange(old_price="2.50", new_price="2.80")) == "2.50 -> 2.80"
    assert str(OutboxMessage(topic="product.created")) == "product.created"


@pytest.mark.django_db
def test_discontinued_products_are_a_proxy_with_its_own_manager():
    Product.objects.create(sku="APL-1", name="Apples")
    Product.objects.create(sku="OLD-1", name="Old", discontinued=True)
    assert list(DiscontinuedProduct.objects.values_list("sku", flat=True)) == ["OLD-1"]


# RemembersLoadedValues


@pytest.mark.django_db
def test_loaded_values_come_from_the_database():
    Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    apples = Product.objects.get()
    assert apples.loaded_value("price") == Decimal("2.50")
    assert apples.loaded_value("category") is None  # a field name or an attname
    assert apples.has_changed("price") is False
    apples.price = "2.50"  # a string equal to the loaded Decimal
    assert apples.has_changed("price") is False
    apples.price = Decimal("2.8")
    assert apples.has_changed("price") is True


@pytest.mark.django_db
def test_a_new_instance_knows_nothing_until_saved():
    apples = Product(sku="APL-1", name="Apples", price="2.50")
    assert apples.loaded_value("price") is None
    assert apples.has_changed("price") is None
    apples.save()
    assert apples.loaded_value("price") == Decimal("2.50")
    assert apples.has_changed("price") is False


@pytest.mark.django_db
def test_deferred_fields_are_unknown_until_loaded():
    Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    apples = Product.objects.only("sku").get()
    assert apples.has_changed("price") is None
    apples.price  # noqa: B018 - loads the deferred field with refresh_from_db()
    assert apples.loaded_value("price") == Decimal("2.50")


@pytest.mark.django_db
def test_update_fields_moves_only_the_saved_fields_baseline():
    apples = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    apples.name, apples.price = "Red apples", Decimal("3.00")
    apples.save(update_fields=["name"])
    assert apples.loaded_value("name") == "Red apples"
    assert apples.has_changed("price") is True


@pytest.mark.django_db(transaction=True)  # asave() saves from another thread
def test_asave_moves_the_baseline_too():
    apples = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    apples.price = Decimal("3.00")
    asyncio.run(apples.asave())
    assert apples.has_changed("price") is False


# ProductQuerySet.update_and_notify


@pytest.mark.django_db(transaction=True)  # in_atomic_block: no test transaction
def test_update_and_notify_sends_the_rows_it_updated():
    cheap = Product.objects.create(sku="APL-1", name="Apples", price="1.00")
    Product.objects.create(sku="PEA-1", name="Pears", price="5.00")
    calls = []

    def record(sender, pks, fields, **kwargs):
        calls.append((sender, pks, fields))

    def in_transaction(sender, **kwargs):
        calls.append(connection.in_atomic_block)

    products_updated.connect(record, sender=Product)
    products_updated.connect(in_transaction, sender=Product)
    # The filter no longer matches after the update: pks were read before.
    count = Product.objects.filter(price__lt=2).update_and_notify(price="3.00")
    assert count == 1
    assert calls == [(Product, [cheap.pk], frozenset({"price"})), True]
    assert Product.objects.get(pk=cheap.pk).price == Decimal("3.00")


# The tests of deleting and of the base manager that pages show are in
# examples/inventory/tests.py.
