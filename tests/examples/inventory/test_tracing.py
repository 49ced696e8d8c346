import pytest
from django.db.models.signals import pre_save

from inventory.models import Product, Tag
from inventory.tracing import record_model_signals, summarize


@pytest.mark.django_db
def test_records_only_the_given_senders_and_disconnects():
    with record_model_signals(Product) as events:
        Product.objects.create(sku="APL-1", name="Apples")
        Tag.objects.create(name="fresh")
    assert events == ["pre_save(Product)", "post_save(Product, created=True)"]
    Product.objects.create(sku="PEA-1", name="Pears")  # after the block
    assert len(events) == 2
    assert not pre_save.has_listeners(Product)


def test_summarize():
    assert summarize([]) == ""
    assert summarize(["a", "a", "b", "a"]) == "`a` ×2, `b`, `a`"
