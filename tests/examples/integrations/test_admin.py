"""Tests of integrations/admin.py and integrations/urls.py (docs/tools/admin.md)."""

import pytest
from django.db import IntegrityError
from django.db.models.signals import post_save
from django.urls import reverse

from accounts.models import Profile, User
from integrations.admin import pitfalls, site
from inventory.models import OutboxMessage, Product, Tag, Warehouse
from toolbox.testing import muted, recording

# The URLs of the two sites, whether or not handbook/urls.py includes them.
pytestmark = [pytest.mark.urls("integrations.urls"), pytest.mark.django_db]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("admin"))
    return client


def add_user(client, site_name, display_name):
    return client.post(
        reverse(f"{site_name}:accounts_user_add"),
        {
            "username": "ada",
            "password1": "correct horse battery",
            "password2": "correct horse battery",
            "usable_password": "true",
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "0",
            "profile-0-display_name": display_name,
        },
    )


def add_product(client, site_name, **fields):
    return client.post(
        reverse(f"{site_name}:inventory_product_add"),
        {
            "sku": "APL-1",
            "name": "Apples",
            "price": "2.50",
            "stocklevel_set-TOTAL_FORMS": "0",
            "stocklevel_set-INITIAL_FORMS": "0",
            **fields,
        },
    )


def test_the_sites_register_product_and_user():
    for admin_site in (site, pitfalls):
        assert set(admin_site._registry) == {Product, User}


def test_every_page_of_both_sites_renders(superuser_client):
    product = Product.objects.create(sku="APL-1", name="Apples")
    user = User.objects.get()
    for name in ("integrations_admin", "integrations_pitfalls"):
        for url in (
            reverse(f"{name}:inventory_product_add"),
            reverse(f"{name}:inventory_product_change", args=[product.pk]),
            reverse(f"{name}:accounts_user_add"),
            reverse(f"{name}:accounts_user_change", args=[user.pk]),
        ):
            assert superuser_client.get(url).status_code == 200, url


def test_save_related_sees_the_tags_and_the_stock_levels(superuser_client):
    fresh = Tag.objects.create(name="fresh")
    Warehouse.objects.create(code="NORTH", name="North")
    response = add_product(
        superuser_client,
        "integrations_admin",
        tags=[fresh.pk],
        **{
            "stocklevel_set-TOTAL_FORMS": "1",
            "stocklevel_set-0-warehouse": "NORTH",
            "stocklevel_set-0-quantity": "5",
        },
    )
    assert response.status_code == 302
    message = OutboxMessage.objects.get(topic="product.saved")
    assert message.payload == {
        "sku": "APL-1",
        "tags": ["fresh"],
        "stock": [["NORTH", 5]],
    }


def test_the_plain_profile_inline_inserts_a_second_profile(superuser_client):
    with pytest.raises(IntegrityError):
        add_user(superuser_client, "integrations_pitfalls", "Ada")
    assert not User.objects.filter(username="ada").exists()


def test_the_plain_profile_inline_works_when_left_empty(superuser_client):
    response = add_user(superuser_client, "integrations_pitfalls", "")
    assert response.status_code == 302
    assert Profile.objects.get(user__username="ada").display_name == ""


def test_the_updating_inline_updates_the_profile_of_the_receiver(superuser_client):
    with recording(post_save, sender=Profile) as calls:
        response = add_user(superuser_client, "integrations_admin", "Ada")
    assert response.status_code == 302
    assert Profile.objects.get(user__username="ada").display_name == "Ada"
    assert [call["created"] for call in calls] == [True, False]


def test_the_updating_inline_inserts_when_no_receiver_made_one(superuser_client):
    with muted(post_save, sender=User):  # accounts' create_profile
        response = add_user(superuser_client, "integrations_admin", "Ada")
    assert response.status_code == 302
    assert Profile.objects.get(user__username="ada").display_name == "Ada"


def test_the_slug_admin_saves_twice_without_a_slug(superuser_client):
    with recording(post_save, sender=Product) as calls:
        add_product(superuser_client, "integrations_pitfalls")
    product = Product.objects.get()
    assert product.slug == f"apples-{product.pk}"
    assert [call["created"] for call in calls] == [True, False]


def test_the_slug_admin_saves_once_with_a_slug(superuser_client):
    with recording(post_save, sender=Product) as calls:
        add_product(superuser_client, "integrations_pitfalls", slug="apples")
    assert Product.objects.get().slug == "apples"
    assert len(calls) == 1
