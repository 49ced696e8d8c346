import pytest
from django.db import transaction
from django.test import override_settings

pytest.importorskip("django.tasks", reason="django.tasks is new in Django 6.0")

from django.tasks import default_task_backend  # noqa: E402

from integrations.tasks import enqueue_price, product_price  # noqa: E402
from inventory.models import Product  # noqa: E402

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.mark.django_db
def test_the_task_reads_the_row_and_expects_it_to_be_gone():
    apples = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    assert product_price.call(apples.pk) == "APL-1: 2.50"
    apples.delete()
    assert product_price.call(apples.pk) == "the product is gone"


@pytest.mark.django_db(transaction=True)
def test_the_receiver_enqueues_new_products_after_the_commit():
    with override_settings(TASKS=DUMMY):
        with transaction.atomic():
            apples = Product.objects.create(sku="APL-1", name="Apples")
            enqueue_price(Product, apples, created=True, using="default")
            enqueue_price(Product, apples, created=False, using="default")
            assert default_task_backend.results == []
        assert [result.args for result in default_task_backend.results] == [[apples.pk]]
