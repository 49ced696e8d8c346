"""The tables of docs/orm/operations.md, checked cell by cell.

Every row of a table headed `| Operation | Signals sent | Django |` names an
operation. Below, each operation is run against the real database while the
save, delete and m2m_changed signals are recorded; the recording, written
with inventory.tracing.summarize(), must equal the row's "Signals sent" cell
on every Django version listed in the row's "Django" column.
"""

import asyncio
import re

import django
import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.db import connection, models
from django.db.models import ProtectedError
from django.test import Client
from django.test.utils import CaptureQueriesContext, isolate_apps
from django.urls import reverse

from accounts.models import User
from inventory.models import (
    Category,
    DiscontinuedProduct,
    PerishableProduct,
    Product,
    StockLevel,
    StockMovement,
    Tag,
    Unit,
    Warehouse,
)
from inventory.tracing import record_model_signals, summarize
from scripts.project import DOCS, SERIES

PAGE = DOCS / "orm" / "operations.md"
HEADER = "| Operation | Signals sent | Django |"
SUPPORTED = tuple(SERIES)
VERSION = f"{django.VERSION[0]}.{django.VERSION[1]}"

# The models whose signals the tables show. OutboxMessage and PriceChange are
# left out: the app's own receivers write them.
SUBJECTS = (
    Product,
    DiscontinuedProduct,
    PerishableProduct,
    Product.tags.through,
    Tag,
    Category,
    Unit,
    Warehouse,
    StockLevel,
    StockMovement,
)

OPERATIONS = {}
# The versions on which each operation exists: its rows must cover them all.
EXISTS_ON = {}


def operation(label, since="5.2"):
    def register(func):
        OPERATIONS[label] = func
        EXISTS_ON[label] = {v for v in SUPPORTED if v >= since}
        return func

    return register


def recording(*extra_senders):
    return record_model_signals(*SUBJECTS, *extra_senders)


def apples(**fields):
    return Product.objects.create(sku="APL-1", name="Apples", **fields)


# Saving


@operation("`Product.objects.create(...)`")
def _():
    with recording() as events:
        apples()
    return events


@operation("`product.save()`, an existing row")
def _():
    product = apples()
    with recording() as events:
        product.save()
    return events


@operation("`await product.asave()`, a new row")
def _():
    product = Product(sku="APL-1", name="Apples")
    with recording() as events:
        asyncio.run(product.asave())
    return events


@operation('`product.save(update_fields=["price"])`')
def _():
    product = apples()
    with recording() as events:
        product.save(update_fields=["price"])
    return events


@operation("`product.save(update_fields=[])`")
def _():
    product = apples()
    with recording() as events, CaptureQueriesContext(connection) as queries:
        product.save(update_fields=[])
    assert queries.captured_queries == []
    return events


@operation("`get_or_create()`, the row is missing")
def _():
    with recording() as events:
        Product.objects.get_or_create(sku="APL-1", defaults={"name": "Apples"})
    return events


@operation("`get_or_create()`, the row exists")
def _():
    apples()
    with recording() as events:
        Product.objects.get_or_create(sku="APL-1", defaults={"name": "Apples"})
    return events


@operation("`update_or_create()`, the row is missing")
def _():
    with recording() as events:
        Product.objects.update_or_create(sku="APL-1", defaults={"name": "Apples"})
    return events


@operation("`update_or_create()`, the row exists")
def _():
    apples()
    with recording() as events:
        Product.objects.update_or_create(sku="APL-1", defaults={"name": "Red apples"})
    return events


# Bulk operations and SQL


@operation("`Product.objects.filter(...).update(...)`")
def _():
    apples()
    with recording() as events:
        assert Product.objects.filter(sku="APL-1").update(price=3) == 1
    return events


@operation("`Product.objects.bulk_create([...])`")
def _():
    with recording() as events:
        Product.objects.bulk_create([Product(sku="APL-1"), Product(sku="PEA-1")])
    assert Product.objects.count() == 2
    return events


@operation("`Product.objects.bulk_update([...], [...])`")
def _():
    product = apples()
    product.price = 3
    with recording() as events:
        assert Product.objects.bulk_update([product], ["price"]) == 1
    return events


@operation('`Product.objects.raw("SELECT ...")`')
def _():
    apples()
    with recording() as events:
        rows = list(Product.objects.raw("SELECT * FROM inventory_product"))
    assert [row.sku for row in rows] == ["APL-1"]
    return events


@operation('`cursor.execute("UPDATE ...")`')
def _():
    apples()
    with recording() as events, connection.cursor() as cursor:
        cursor.execute("UPDATE inventory_product SET price = 3")
    assert Product.objects.get().price == 3
    return events


@operation("`product.refresh_from_db()`")
def _():
    product = apples()
    with recording() as events:
        product.refresh_from_db()
    return events


# Deleting


@operation("`product.delete()`, the product has 2 stock movements")
def _():
    product = apples()
    StockMovement.objects.create(product=product, quantity=5)
    StockMovement.objects.create(product=product, quantity=-2)
    with recording() as events:
        product.delete()
    assert StockMovement.objects.count() == 0
    return events


@operation("`Product.objects.filter(...).delete()`, 2 products")
def _():
    apples()
    Product.objects.create(sku="PEA-1", name="Pears")
    with recording() as events:
        Product.objects.filter(name__endswith="s").delete()
    return events


@operation("the admin action *Delete selected products*, 2 products")
def _():
    pks = [apples().pk, Product.objects.create(sku="PEA-1", name="Pears").pk]
    client = Client()
    client.force_login(User.objects.create_superuser("admin", "a@example.com", "pw"))
    changelist = reverse("admin:inventory_product_changelist")
    data = {"action": "delete_selected", "_selected_action": pks, "post": "yes"}
    with recording(LogEntry) as events:
        response = client.post(changelist, data)
    assert response.status_code == 302
    assert not Product.objects.exists()
    assert LogEntry.objects.count() == 2
    return events


@operation("`category.delete()`, `Product.category` is `SET_NULL`")
def _():
    category = Category.objects.create(name="Fruit")
    apples(category=category)
    with recording() as events, CaptureQueriesContext(connection) as queries:
        category.delete()
    assert Product.objects.get().category is None
    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert updates[0].startswith('UPDATE "inventory_product" SET "category_id" = NULL')
    return events


@operation("`unit.delete()`, `Product.unit` is `PROTECT`: raises `ProtectedError`")
def _():
    unit = Unit.objects.get(code="kg")
    apples(unit=unit)
    with recording() as events, pytest.raises(ProtectedError):
        unit.delete()
    assert Unit.objects.filter(pk=unit.pk).exists()
    assert Product.objects.get().unit == unit
    return events


@operation("`shelf.delete()`, `Bin.shelf` is `DB_CASCADE`, 2 bins", since="6.1")
def _():
    from django.db.models import DB_CASCADE  # Django 6.1+

    with isolate_apps():

        class Shelf(models.Model):
            class Meta:
                app_label = "inventory"

        class Bin(models.Model):
            shelf = models.ForeignKey(Shelf, on_delete=DB_CASCADE)

            class Meta:
                app_label = "inventory"

        with connection.schema_editor() as editor:
            editor.create_model(Shelf)
            editor.create_model(Bin)
        try:
            shelf = Shelf.objects.create()
            Bin.objects.bulk_create([Bin(shelf=shelf), Bin(shelf=shelf)])
            with recording(Shelf, Bin) as events:
                shelf.delete()
            assert not Bin.objects.exists()
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Bin)
                editor.delete_model(Shelf)
    return events


# Many-to-many


@operation("`product.tags.add(tag)`")
def _():
    product, tag = apples(), Tag.objects.create(name="fresh")
    with recording() as events:
        product.tags.add(tag)
    return events


@operation("`product.tags.remove(tag)`")
def _():
    product, tag = apples(), Tag.objects.create(name="fresh")
    product.tags.add(tag)
    with recording() as events:
        product.tags.remove(tag)
    return events


@operation("`product.tags.clear()`")
def _():
    product, tag = apples(), Tag.objects.create(name="fresh")
    product.tags.add(tag)
    with recording() as events:
        product.tags.clear()
    return events


@operation("`product.tags.set([new_tag])`, replacing one tag")
def _():
    product, tag = apples(), Tag.objects.create(name="fresh")
    product.tags.add(tag)
    new_tag = Tag.objects.create(name="organic")
    with recording() as events:
        product.tags.set([new_tag])
    return events


@operation("`tag.delete()`, a tag of 1 product")
def _():
    tag = Tag.objects.create(name="fresh")
    apples().tags.add(tag)
    with recording() as events:
        tag.delete()
    assert not Product.tags.through.objects.exists()
    return events


@operation("`Product.tags.through.objects.create(...)`")
def _():
    product, tag = apples(), Tag.objects.create(name="fresh")
    with recording() as events:
        Product.tags.through.objects.create(product=product, tag=tag)
    assert list(product.tags.all()) == [tag]
    return events


@operation("`product.warehouses.add(warehouse, through_defaults={...})`")
def _():
    product = apples()
    warehouse = Warehouse.objects.create(code="NORTH", name="North")
    with recording() as events:
        product.warehouses.add(warehouse, through_defaults={"quantity": 5})
    assert StockLevel.objects.get().quantity == 5
    return events


@operation("`product.warehouses.remove(warehouse)`")
def _():
    product = apples()
    warehouse = Warehouse.objects.create(code="NORTH", name="North")
    product.warehouses.add(warehouse, through_defaults={"quantity": 5})
    with recording() as events:
        product.warehouses.remove(warehouse)
    return events


@operation("`product.warehouses.clear()`")
def _():
    product = apples()
    warehouse = Warehouse.objects.create(code="NORTH", name="North")
    product.warehouses.add(warehouse, through_defaults={"quantity": 5})
    with recording() as events:
        product.warehouses.clear()
    return events


@operation("`StockLevel.objects.create(...)`, a custom through model")
def _():
    product = apples()
    warehouse = Warehouse.objects.create(code="NORTH", name="North")
    with recording() as events:
        StockLevel.objects.create(product=product, warehouse=warehouse, quantity=5)
    assert list(product.warehouses.all()) == [warehouse]
    return events


# Inheritance


@operation("`DiscontinuedProduct.objects.create(...)`, a proxy")
def _():
    with recording() as events:
        DiscontinuedProduct.objects.create(sku="OLD-1", discontinued=True)
    return events


@operation("`discontinued.delete()`, a proxy")
def _():
    discontinued = DiscontinuedProduct.objects.create(sku="OLD-1", discontinued=True)
    with recording() as events:
        discontinued.delete()
    return events


@operation("`PerishableProduct.objects.create(...)`, a multi-table child")
def _():
    with recording() as events:
        PerishableProduct.objects.create(sku="MLK-1", name="Milk")
    return events


@operation("`perishable.delete()`, a multi-table child")
def _():
    perishable = PerishableProduct.objects.create(sku="MLK-1", name="Milk")
    with recording() as events:
        perishable.delete()
    return events


# Fixtures


@operation("`manage.py loaddata`, 2 tags and a product with both")
def _():
    with recording() as events:
        call_command("loaddata", "inventory_demo", verbosity=0)
    return events


def page_rows():
    """(operation, signals sent, versions) for each row of the page's tables."""
    rows, in_table = [], False
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.strip() == HEADER:
            in_table = True
            continue
        if not in_table or re.fullmatch(r"\|[-| :]+\|", line.strip()):
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        assert len(cells) == 3, f"a row needs 3 cells: {line}"
        rows.append(tuple(cells))
    return rows


def test_this_django_is_one_the_tables_cover():
    assert VERSION in SUPPORTED


def test_every_row_has_an_operation_and_every_operation_a_row():
    labels = [operation for operation, _, _ in page_rows()]
    assert set(labels) == set(OPERATIONS)
    for label in OPERATIONS:
        versions = [
            versions.split(", ")
            for operation, _, versions in page_rows()
            if operation == label
        ]
        flat = [version for v in versions for version in v]
        # Rows of one operation cover each version it exists on, exactly once.
        assert sorted(flat) == sorted(EXISTS_ON[label]), label


def rows_for_this_version():
    for label, signals, versions in page_rows():
        if VERSION in versions.split(", "):
            yield pytest.param(label, signals, id=label)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("label", "signals"), list(rows_for_this_version()))
def test_row(label, signals):
    observed = summarize(OPERATIONS[label]()) or "none"
    assert observed == signals, f"expected row:\n| {label} | {observed} |"
