import pytest
from django.core import mail
from django.db import transaction

from inventory.models import OutboxMessage, Product, Tag
from inventory.services import create_product, send_out_of_stock_email


@pytest.mark.django_db(transaction=True)
def test_create_product_commits_product_tags_and_message_together():
    fresh = Tag.objects.create(name="fresh")
    with pytest.raises(ValueError), transaction.atomic():
        create_product("PEA-1", "Pears", tags=[fresh])
        raise ValueError("the supplier rejected the order")
    assert not Product.objects.exists() and not OutboxMessage.objects.exists()
    product = create_product("APL-1", "Apples", price="2.50", tags=[fresh])
    assert list(product.tags.all()) == [fresh]
    assert OutboxMessage.objects.get().payload == {"sku": "APL-1", "name": "Apples"}


@pytest.mark.django_db
def test_out_of_stock_email():
    apples = Product.objects.create(sku="APL-1", name="Apples")
    send_out_of_stock_email(apples.pk)
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Out of stock: APL-1", ["purchasing@example.com"])
    ]
    assert mail.outbox[0].body == "Apples (APL-1) is out of stock."


@pytest.mark.django_db
def test_no_email_for_a_product_that_is_gone():
    send_out_of_stock_email(404)
    assert mail.outbox == []
