"""factory_boy factories for models of the accounts and inventory apps.

docs/tools/factory-boy.md shows them; checked with factory_boy 3.3.3.
UserFactory and ProductFactory mute post_save with mute_signals(): the
accounts app's create_profile receiver and the inventory app's
announce_new_product receiver do not run while they create.
"""

import factory
from django.db.models.signals import post_save
from factory.django import DjangoModelFactory, mute_signals

from accounts.models import Profile, User
from inventory.models import Category, Product, StockMovement, Tag


# --8<-- [start:user]
@mute_signals(post_save)
class UserFactory(DjangoModelFactory):
    """A user without the profile that accounts' create_profile would add."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")


class ProfileFactory(DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    display_name = "Ada"


# --8<-- [end:user]


# --8<-- [start:product]
class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"tag{n}")


class StockMovementFactory(DjangoModelFactory):
    class Meta:
        model = StockMovement

    product = factory.SubFactory("integrations.factories.ProductFactory")
    quantity = 5


@mute_signals(post_save)
class ProductFactory(DjangoModelFactory):
    class Meta:
        model = Product
        # No second save() after the post_generation hook (factory_boy 3.3
        # warns that this save goes away in its next major release).
        skip_postgeneration_save = True

    sku = factory.Sequence(lambda n: f"SKU-{n}")
    name = "Widget"
    category = factory.SubFactory(CategoryFactory)
    opening_stock = factory.RelatedFactory(
        StockMovementFactory, factory_related_name="product", quantity=10
    )

    @factory.post_generation
    def tags(product, create, extracted, **kwargs):
        if create:
            product.tags.add(TagFactory())


# --8<-- [end:product]
