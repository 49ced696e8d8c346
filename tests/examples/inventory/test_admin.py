import pytest
from django.urls import reverse

from accounts.models import User
from inventory.models import Product

# The admin's many-to-many test is in examples/inventory/tests.py.


@pytest.fixture
def superuser_client(client):
    user = User.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_product_admin_pages_render(superuser_client):
    product = Product.objects.create(sku="APL-1", name="Apples")
    for url in (
        reverse("admin:inventory_product_changelist"),
        reverse("admin:inventory_product_change", args=[product.pk]),
        reverse("admin:inventory_tag_changelist"),
    ):
        assert superuser_client.get(url).status_code == 200
