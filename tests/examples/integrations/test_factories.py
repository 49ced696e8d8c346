"""Tests of examples/integrations/factories.py (docs/tools/factory-boy.md)."""

import pytest
from django.db.models.signals import post_save

from accounts.models import Profile
from integrations.factories import (
    CategoryFactory,
    ProductFactory,
    ProfileFactory,
    StockMovementFactory,
    TagFactory,
    UserFactory,
)
from inventory.models import OutboxMessage, StockMovement
from toolbox.testing import recording

pytestmark = pytest.mark.django_db


def senders(calls):
    return [call["sender"].__name__ for call in calls]


def test_user_factory_creates_no_profile():
    user = UserFactory()
    assert not Profile.objects.filter(user=user).exists()


def test_profile_factory_creates_one_profile_for_a_new_user():
    profile = ProfileFactory()
    assert list(Profile.objects.all()) == [profile]
    assert profile.display_name == "Ada"


def test_post_save_receivers_are_back_after_the_factories():
    UserFactory()
    with recording(post_save) as calls:
        CategoryFactory()
        TagFactory()
    assert senders(calls) == ["Category", "Tag"]


def test_product_factory_mutes_everything_it_saves():
    with recording(post_save) as calls:
        product = ProductFactory()
    assert calls == []
    assert product.category is not None
    assert product.tags.count() == 1
    assert list(product.movements.values_list("quantity", flat=True)) == [10]
    assert OutboxMessage.objects.count() == 0


def test_through_a_subfactory_only_the_product_is_muted():
    with recording(post_save) as calls:
        movement = StockMovementFactory()
    assert senders(calls) == ["Category", "StockMovement", "Tag", "StockMovement"]
    assert movement.quantity == 5
    assert StockMovement.objects.count() == 2
    assert OutboxMessage.objects.count() == 0


def test_build_saves_nothing():
    product = ProductFactory.build()
    assert product.pk is None
    assert Profile.objects.count() == 0
