"""Claims of docs/orm/postgresql.md that its snippets do not show."""

import inspect
from unittest import mock

import django
import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_init

from inventory.models import Category, Product, StockMovement
from inventory.postgres import in_another_connection

postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="needs PostgreSQL"
)


@pytest.mark.django_db
def test_the_test_database_is_postgresql_read_committed_or_sqlite_shared_memory():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW transaction_isolation")
            assert cursor.fetchone() == ("read committed",)
    else:
        assert "mode=memory&cache=shared" in connection.settings_dict["NAME"]


@pytest.mark.django_db(transaction=True)
def test_a_failed_orm_write_marks_the_block_and_drops_the_callbacks():
    """'ORM writes do not need this', on the database of this run."""
    Product.objects.create(sku="APL-1", name="Apples")
    called = []
    with transaction.atomic():
        Product.objects.create(sku="PEA-1", name="Pears")
        transaction.on_commit(lambda: called.append("callback"))
        with pytest.raises(IntegrityError):
            Product.objects.create(sku="APL-1", name="Again")
        with pytest.raises(transaction.TransactionManagementError):
            Product.objects.count()
    assert called == []
    assert list(Product.objects.values_list("sku", flat=True)) == ["APL-1"]


def test_bulk_create_returns_keys_from_sqlite_3_35_on():
    # The backend's base module first: importing features alone is circular.
    from django.db.backends.sqlite3.base import DatabaseWrapper

    features = DatabaseWrapper.features_class
    source = inspect.getsource(features)
    minimum = features.minimum_database_version
    if django.VERSION >= (6, 1):
        assert minimum == (3, 37)
        assert "can_return_rows_from_bulk_insert = True" in source
    else:
        assert minimum == (3, 31)
        assert "can_return_rows_from_bulk_insert = property(" in source
        assert "Database.sqlite_version_info >= (3, 35)" in source


def test_only_the_postgresql_backend_has_a_pool():
    from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQL
    from django.db.backends.sqlite3.base import DatabaseWrapper as SQLite

    assert isinstance(inspect.getattr_static(PostgreSQL, "pool"), property)
    assert not hasattr(SQLite, "pool")


@pytest.mark.django_db(transaction=True)
def test_list_builds_every_instance_before_returning():
    Product.objects.bulk_create([Product(sku=f"S{n}", name="x") for n in range(3)])
    built = []

    def record(sender, instance, **kwargs):
        built.append(instance.sku)

    post_init.connect(record, sender=Product)
    try:
        products = list(Product.objects.all())
        assert built == ["S0", "S1", "S2"] and len(products) == 3
    finally:
        post_init.disconnect(record, sender=Product)


def lock(queryset, timeout="100ms"):
    def query():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{timeout}'")
            return [str(row) for row in queryset]

    return in_another_connection(query)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_of_self_locks_only_the_rows_of_the_model_and_others_wait():
    apples = Product.objects.create(sku="APL-1", name="Apples")
    StockMovement.objects.create(product=apples, quantity=10)
    with transaction.atomic():
        movements = StockMovement.objects.select_related("product")
        movements.select_for_update(of=("self",)).get()
        # Not locked: the joined product.
        assert lock(Product.objects.select_for_update()) == ["APL-1"]
        # Locked: a plain select_for_update() waits until lock_timeout.
        waited = lock(StockMovement.objects.select_for_update())
        assert "canceling statement due to lock timeout" in str(waited)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_of_self_makes_the_nullable_join_lockable():
    Product.objects.create(sku="APL-1", name="Apples", category=None)
    Category.objects.create(name="Fruit")
    with transaction.atomic():
        rows = Product.objects.select_related("category").select_for_update(
            of=("self",)
        )
        assert [product.sku for product in rows] == ["APL-1"]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_iterator_fetches_chunk_size_rows_at_a_time_from_a_server_side_cursor():
    import psycopg

    Product.objects.bulk_create([Product(sku=f"S{n}", name="x") for n in range(5)])
    sizes = []
    fetchmany = psycopg.ServerCursor.fetchmany

    def record(cursor, size=0):
        sizes.append(size)
        return fetchmany(cursor, size)

    with mock.patch.object(psycopg.ServerCursor, "fetchmany", record):
        skus = [product.sku for product in Product.objects.iterator(chunk_size=2)]
    assert skus == ["S0", "S1", "S2", "S3", "S4"]
    assert sizes == [2, 2, 2, 2]  # 2 + 2 + 1 rows, then the empty answer


@pytest.mark.django_db
def test_sqlite_leaves_out_the_for_update_clause():
    with transaction.atomic():
        sql = str(Product.objects.select_for_update().query)
    assert ("FOR UPDATE" in sql) is (connection.vendor == "postgresql")


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_without_server_side_cursors_post_init_still_comes_row_by_row():
    Product.objects.bulk_create([Product(sku=f"S{n}", name="x") for n in range(3)])
    events = []

    def record(sender, instance, **kwargs):
        events.append(f"post_init {instance.sku}")

    post_init.connect(record, sender=Product)
    connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = True
    try:
        for product in Product.objects.iterator(chunk_size=2):
            events.append(f"loop {product.sku}")
    finally:
        connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = False
        post_init.disconnect(record, sender=Product)
    assert events == [
        "post_init S0",
        "loop S0",
        "post_init S1",
        "loop S1",
        "post_init S2",
        "loop S2",
    ]
