import pytest

from inventory.forms import ProductForm
from inventory.models import Tag


@pytest.mark.django_db
def test_the_form_saves_the_product_and_its_tags():
    fresh = Tag.objects.create(name="fresh")
    form = ProductForm(
        {"sku": "APL-1", "name": "Apples", "price": "2.50", "tags": [fresh.pk]}
    )
    assert form.is_valid(), form.errors
    product = form.save()
    assert list(product.tags.all()) == [fresh]
