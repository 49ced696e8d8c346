import pytest
from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse

from accounts.models import User
from inventory.models import Product, Tag


@pytest.fixture
def superuser_client(client):
    user = User.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


# --8<-- [start:admin_m2m]
@pytest.mark.django_db(transaction=True)  # the admin commits for real
def test_post_save_sees_no_tags_on_commit_does(superuser_client):
    seen = []

    def on_save(sender, instance, **kwargs):
        seen.append(("post_save", [tag.name for tag in instance.tags.all()]))
        transaction.on_commit(
            lambda: seen.append(("on_commit", [t.name for t in instance.tags.all()]))
        )

    post_save.connect(on_save, sender=Product)
    fresh = Tag.objects.create(name="fresh")
    response = superuser_client.post(
        reverse("admin:inventory_product_add"),
        {
            "sku": "APL-1",
            "name": "Apples",
            "price": "2.50",
            "tags": [fresh.pk],
            "stocklevel_set-TOTAL_FORMS": "0",  # the stock level inline
            "stocklevel_set-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert seen == [("post_save", []), ("on_commit", ["fresh"])]


# --8<-- [end:admin_m2m]


@pytest.mark.django_db
def test_the_product_admin_pages_render(superuser_client):
    product = Product.objects.create(sku="APL-1", name="Apples")
    for url in (
        reverse("admin:inventory_product_changelist"),
        reverse("admin:inventory_product_change", args=[product.pk]),
        reverse("admin:inventory_tag_changelist"),
    ):
        assert superuser_client.get(url).status_code == 200
