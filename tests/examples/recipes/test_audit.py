import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recipes.models import AuditEntry, Product

pytestmark = pytest.mark.django_db


def entries():
    return [(e.action, e.changes) for e in AuditEntry.objects.all()]


def test_create_update_delete_are_logged_with_old_and_new_values():
    kettle = Product.objects.create(name="Kettle", price=Decimal("9.99"))
    kettle.price = Decimal("12.50")
    kettle.save()
    pk = str(kettle.pk)
    kettle.delete()
    assert entries() == [
        ("created", {"name": [None, "Kettle"], "price": [None, "9.99"], "active": [None, True]}),
        ("updated", {"price": ["9.99", "12.50"]}),
        ("deleted", {"name": ["Kettle", None], "price": ["12.50", None], "active": [True, None]}),
    ]  # fmt: skip
    assert {(e.model, e.object_pk) for e in AuditEntry.objects.all()} == {
        ("recipes.product", pk)
    }


def test_a_save_without_changes_writes_no_entry():
    kettle = Product.objects.create(name="Kettle", price=Decimal("12.50"))
    kettle.save()
    kettle.price = "12.5"  # equal to Decimal("12.50") once converted
    kettle.save()
    assert [action for action, _ in entries()] == ["created"]


def test_update_fields_limits_what_is_compared():
    kettle = Product.objects.create(name="Kettle", price=Decimal("9.99"))
    kettle.name = "Big kettle"
    kettle.price = Decimal("11.00")
    kettle.save(update_fields=["name"])
    kettle.save(update_fields=[])  # Django skips the save: no signal at all
    assert entries()[1:] == [("updated", {"name": ["Kettle", "Big kettle"]})]
    kettle.refresh_from_db()
    assert kettle.price == Decimal("9.99")


def test_the_old_values_are_read_from_the_database_not_the_instance():
    kettle = Product.objects.create(name="Kettle", price=Decimal("9.99"))
    Product.objects.filter(pk=kettle.pk).update(price=Decimal("10.00"))  # no signal
    kettle.price = Decimal("12.50")
    kettle.save()
    assert entries()[1:] == [("updated", {"price": ["10.00", "12.50"]})]


def test_each_update_costs_one_extra_select():
    kettle = Product.objects.create(name="Kettle", price=Decimal("9.99"))
    kettle.price = Decimal("12.50")
    with CaptureQueriesContext(connection) as queries:
        kettle.save()
    product_queries = [
        q["sql"].split()[0] for q in queries if '"recipes_product"' in q["sql"]
    ]
    assert product_queries == ["SELECT", "UPDATE"]


def test_creating_reads_nothing():
    with CaptureQueriesContext(connection) as queries:
        Product.objects.create(name="Kettle", price=Decimal("9.99"))
    product_queries = [
        q["sql"].split()[0] for q in queries if '"recipes_product"' in q["sql"]
    ]
    assert product_queries == ["INSERT"]


def test_creating_with_an_explicit_new_key_is_logged_as_created():
    Product(pk=42, name="Kettle", price=Decimal("9.99")).save()
    Product(pk=42, name="Kettle", price=Decimal("8.00")).save()
    assert entries() == [
        ("created", {"name": [None, "Kettle"], "price": [None, "9.99"], "active": [None, True]}),
        ("updated", {"price": ["9.99", "8.00"]}),
    ]  # fmt: skip


def test_queryset_update_is_not_logged_and_queryset_delete_is():
    Product.objects.create(name="Kettle", price=Decimal("9.99"))
    Product.objects.create(name="Toaster", price=Decimal("19.99"))
    Product.objects.update(active=False)
    Product.objects.all().delete()
    assert [action for action, _ in entries()] == [
        "created",
        "created",
        "deleted",
        "deleted",
    ]


def test_loading_a_fixture_is_not_logged(tmp_path):
    fixture = tmp_path / "products.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "recipes.product",
                    "pk": 3,
                    "fields": {"name": "Kettle", "price": "9.99", "active": True},
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert Product.objects.get(pk=3).name == "Kettle"
    assert entries() == []


def test_deleting_a_partly_loaded_product_logs_the_loaded_fields():
    Product.objects.create(name="Kettle", price=Decimal("9.99"))
    Product.objects.only("name").get().delete()
    Product.objects.create(name="Toaster", price=Decimal("19.99"))
    Product.objects.defer("price").delete()
    assert [changes for action, changes in entries() if action == "deleted"] == [
        {"name": ["Kettle", None]},
        {"name": ["Toaster", None], "active": [True, None]},
    ]


def test_a_deferred_field_cannot_be_loaded_once_the_row_is_deleted():
    kettle = Product.objects.create(name="Kettle", price=Decimal("9.99"))
    partial = Product.objects.only("name").get(pk=kettle.pk)
    Product.objects.filter(pk=kettle.pk).delete()
    with pytest.raises(Product.DoesNotExist):
        partial.price  # noqa: B018


def test_saving_a_partly_loaded_product_compares_the_loaded_fields():
    Product.objects.create(name="Kettle", price=Decimal("9.99"))
    kettle = Product.objects.only("name").get()
    kettle.name = "Large kettle"
    kettle.save()
    assert entries()[1:] == [("updated", {"name": ["Kettle", "Large kettle"]})]
