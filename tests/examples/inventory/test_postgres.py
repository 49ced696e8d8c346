import pytest
from django.db import connection, connections, transaction
from django.test import Client, override_settings

from inventory.models import OutboxMessage, Product, StockMovement
from inventory.postgres import in_another_connection

pytestmark = pytest.mark.django_db(transaction=True)


def test_another_connection_sees_only_what_is_committed():
    Product.objects.create(sku="APL-1", name="Apples")
    assert in_another_connection(Product.objects.count) == 1
    with transaction.atomic():
        Product.objects.create(sku="PEA-1", name="Pears")
        seen = in_another_connection(
            lambda: Product.objects.filter(sku="PEA-1").count()
        )
    # PostgreSQL shows the committed state; SQLite's shared-cache test database
    # refuses to read a table that an open transaction wrote.
    assert (
        seen == 0 if connection.vendor == "postgresql" else isinstance(seen, Exception)
    )
    assert in_another_connection(Product.objects.count) == 2


def test_another_connection_returns_the_exception_it_raised():
    answer = in_another_connection(lambda: Product.objects.get(sku="none"))
    assert isinstance(answer, Product.DoesNotExist)


def test_a_thread_that_never_connects_has_nothing_to_close():
    assert (
        in_another_connection(lambda: connections["default"].vendor)
        == connection.vendor
    )


def test_receive_goods_writes_a_product_and_a_movement():
    with override_settings(ROOT_URLCONF="inventory.postgres"):
        response = Client().get("/receive/APL-1/")
    assert response.status_code == 201
    assert list(Product.objects.values_list("sku", flat=True)) == ["APL-1"]
    assert StockMovement.objects.get().quantity == 10
    assert OutboxMessage.objects.count() == 1  # the inventory app's receiver
