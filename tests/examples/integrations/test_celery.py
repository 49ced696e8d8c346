from unittest import mock

import pytest
from django.db import connection, connections, transaction

from integrations.celery import app, product_price, remove_from_search_index, worker
from inventory.models import Product


@pytest.mark.django_db(transaction=True)
def test_a_worker_runs_the_tasks_on_committed_rows():
    apples = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    with worker():
        assert product_price.delay(apples.pk).get(timeout=10) == "APL-1: 2.50"
        removal = remove_from_search_index.delay("APL-1")
        assert removal.get(timeout=10) == "removed APL-1 from the search index"


@pytest.mark.django_db(transaction=True)
def test_a_task_runs_after_the_commit_with_delay_on_commit():
    sent = []
    delay = product_price.delay

    def record(*args, **kwargs):
        sent.append(delay(*args, **kwargs))

    with worker(), mock.patch.object(product_price, "delay", record):
        with transaction.atomic():
            apples = Product.objects.create(sku="APL-1", name="Apples")
            assert product_price.delay_on_commit(apples.pk) is None
            assert sent == []
        assert [result.get(timeout=10) for result in sent] == ["APL-1: 0.00"]


@pytest.mark.django_db(transaction=True)
def test_an_eager_task_keeps_the_callers_connection_open():
    app.conf.task_always_eager = True
    try:
        with transaction.atomic():
            apples = Product.objects.create(sku="APL-1", name="Apples")
            assert product_price.delay(apples.pk).get() == "APL-1: 0.00"
            assert connection.in_atomic_block
            assert Product.objects.count() == 1
    finally:
        app.conf.task_always_eager = False


@pytest.mark.django_db(transaction=True)
def test_starting_a_worker_closes_the_connections_of_the_starting_thread():
    with mock.patch.object(
        type(connections["default"]), "close", autospec=True
    ) as close:
        with worker():
            pass
    assert connections["default"] in [call.args[0] for call in close.call_args_list]
