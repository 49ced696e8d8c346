import base64

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models.signals import post_save
from django.test import override_settings
from rest_framework.test import APIClient

from integrations.api import CategoryWithProductsSerializer, NewArrivalSerializer
from inventory.models import Category, Product, Tag
from shop.models import Order

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    with override_settings(ROOT_URLCONF="integrations.api"):
        yield APIClient()


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_the_product_api_creates_updates_and_deletes(client):
    Tag.objects.create(name="fresh")
    fruit = Category.objects.create(name="Fruit")
    data = {"sku": "APL-1", "name": "Apples", "category": fruit.pk, "tags": ["fresh"]}
    response = client.post("/api/products/", data, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["tags"] == ["fresh"]

    response = client.patch("/api/products/APL-1/", {"price": "2.80"}, format="json")
    assert response.json()["price"] == "2.80"
    assert client.get("/api/products/").json()[0]["sku"] == "APL-1"

    assert client.delete("/api/products/APL-1/").status_code == 204
    assert not Product.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", ["/api/products/", "/api/atomic-products/"])
def test_the_atomic_viewset_saves_inside_a_transaction(client, url):
    in_atomic = []

    def record(sender, **kwargs):
        in_atomic.append(connection.in_atomic_block)

    post_save.connect(record, sender=Product)
    client.post(url, {"sku": "APL-1", "name": "Apples"}, format="json")
    client.patch(f"{url}APL-1/", {"name": "Green apples"}, format="json")
    atomic = url == "/api/atomic-products/"
    assert in_atomic == [atomic, atomic]
    assert Product.objects.get().name == "Green apples"


def test_new_arrivals_keep_the_client_tags_and_get_new():
    Tag.objects.create(name="fresh")
    serializer = NewArrivalSerializer(
        data={"sku": "APL-1", "name": "Apples", "tags": ["fresh"]}
    )
    assert serializer.is_valid(), serializer.errors
    product = serializer.save()
    assert sorted(tag.name for tag in product.tags.all()) == ["fresh", "new"]


def test_a_category_is_created_with_its_products():
    Tag.objects.create(name="fresh")
    data = {
        "name": "Fruit",
        "products": [
            {"sku": "APL-1", "name": "Apples", "tags": ["fresh"]},
            {"sku": "PEA-1", "name": "Pears"},
        ],
    }
    serializer = CategoryWithProductsSerializer(data=data)
    assert serializer.is_valid(), serializer.errors
    fruit = serializer.save()
    assert [p.sku for p in fruit.products.all()] == ["APL-1", "PEA-1"]
    assert [t.name for t in Product.objects.get(sku="APL-1").tags.all()] == ["fresh"]


def test_an_order_belongs_to_the_user_who_posts_it(client):
    ann = get_user_model().objects.create_user("ann")
    assert client.post("/api/orders/", {"number": "A-1"}).status_code in {401, 403}
    client.force_authenticate(ann)
    data = {"number": "A-1", "customer": 999}  # read-only: ignored
    response = client.post("/api/orders/", data, format="json")
    assert response.status_code == 201
    assert Order.objects.get().customer == ann


def test_login_sets_last_login_and_whoami_does_not(client):
    ann = get_user_model().objects.create_user("ann", password="correct horse")
    response = client.get(
        "/api/whoami/", HTTP_AUTHORIZATION=basic("ann", "correct horse")
    )
    assert response.json() == {"username": "ann"}
    ann.refresh_from_db()
    assert ann.last_login is None

    response = client.post("/api/login/", HTTP_AUTHORIZATION=basic("ann", "nope"))
    assert response.status_code == 401
    response = client.post(
        "/api/login/", HTTP_AUTHORIZATION=basic("ann", "correct horse")
    )
    assert response.json() == {"username": "ann"}
    ann.refresh_from_db()
    assert ann.last_login is not None
