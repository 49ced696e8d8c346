"""Claims of docs/tools/factory-boy.md that its snippets do not show.

Checked with factory_boy 3.3.3: what a muted factory mutes when it is
called directly and when another factory uses it (the page's table).
"""

import factory
import pytest
from django.db.models.signals import post_save, pre_save
from factory.django import DjangoModelFactory, mute_signals

from integrations.factories import (
    CategoryFactory,
    ProductFactory,
    StockMovementFactory,
)
from inventory.models import Category, Product
from toolbox.testing import recording

pytestmark = pytest.mark.django_db


def senders(calls):
    return [call["sender"].__name__ for call in calls]


def test_factory_boy_version():
    assert factory.__version__ == "3.3.3"


def test_the_decorator_wraps_three_class_methods():
    wrapped = {"_generate", "_create", "_after_postgeneration"}
    for name in wrapped:
        assert name in vars(ProductFactory)
    for name in ("_build", "_get_or_create"):
        assert name not in vars(ProductFactory)


# The table: each row, called directly and through another factory.


def test_direct_call_mutes_every_row():
    with recording(post_save) as calls:
        ProductFactory()
    assert calls == []


def test_through_a_subfactory_the_product_is_muted_the_rest_is_not():
    with recording(post_save) as calls:
        StockMovementFactory()
    # Category: the SubFactory; StockMovement: the RelatedFactory, then the
    # outer factory's own object; Tag: saved in the post_generation hook.
    assert senders(calls) == ["Category", "StockMovement", "Tag", "StockMovement"]
    assert "Product" not in senders(calls)


def test_through_a_related_factory_too():
    class CategoryWithProductFactory(CategoryFactory):
        class Meta:
            skip_postgeneration_save = True

        product = factory.RelatedFactory(
            ProductFactory, factory_related_name="category"
        )

    with recording(post_save) as calls:
        CategoryWithProductFactory()
    assert senders(calls) == ["Category", "StockMovement", "Tag"]
    assert Product.objects.count() == 1


@mute_signals(post_save)
class MutedCategoryFactory(CategoryFactory):
    pass


@mute_signals(post_save)
class MutedStockMovementFactory(StockMovementFactory):
    pass


class ProductWithMutedPartsFactory(ProductFactory):
    category = factory.SubFactory(MutedCategoryFactory)
    opening_stock = factory.RelatedFactory(
        MutedStockMovementFactory, factory_related_name="product", quantity=10
    )


class MovementOfMutedPartsFactory(StockMovementFactory):
    product = factory.SubFactory(ProductWithMutedPartsFactory)


def test_unless_their_factory_mutes_too():
    with recording(post_save) as calls:
        MovementOfMutedPartsFactory()
    # Only the post_generation hook's tag and the outer movement are heard.
    assert senders(calls) == ["Tag", "StockMovement"]


@mute_signals(post_save)
class SavedAgainAfterHooksFactory(DjangoModelFactory):
    """skip_postgeneration_save is False: factory_boy 3.3 saves again, and warns."""

    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Saved again {n}")

    @factory.post_generation
    def hook(category, create, extracted, **kwargs):
        pass


class ProductOfSavedAgainFactory(DjangoModelFactory):
    class Meta:
        model = Product

    sku = factory.Sequence(lambda n: f"P-{n}")
    name = "Pears"
    category = factory.SubFactory(SavedAgainAfterHooksFactory)


@pytest.mark.parametrize("outer", [False, True])
def test_the_save_after_the_hooks_is_muted(outer):
    saves = []

    def count_save(sender, instance, **kwargs):
        saves.append(instance.name)

    # Counted by a pre_save receiver, which mute_signals(post_save) leaves on.
    pre_save.connect(count_save, sender=Category)
    try:
        with (
            recording(post_save, sender=Category) as calls,
            pytest.warns(DeprecationWarning, match="_after_postgeneration"),
        ):
            if outer:
                ProductOfSavedAgainFactory()
            else:
                SavedAgainAfterHooksFactory()
    finally:
        pre_save.disconnect(count_save, sender=Category)
    assert len(saves) == 2  # the create and the save after the hook
    assert calls == []


# One mute_signals() object per block: the decorators use a fresh copy.


@mute_signals(post_save)
class CategoryWithHookFactory(DjangoModelFactory):
    class Meta:
        model = Category
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Hooked {n}")

    @factory.post_generation
    def products(category, create, extracted, **kwargs):
        ProductFactory(category=category)


def test_nested_muted_factories_restore_the_receivers():
    before = list(post_save.receivers)
    with recording(post_save) as calls:
        CategoryWithHookFactory()
    assert calls == []
    assert post_save.receivers == before
    with recording(post_save) as calls:
        Category.objects.create(name="after")
    assert senders(calls) == ["Category"]


def test_a_receiver_connected_while_muted_runs_after_the_muted_ones():
    order = []

    def first(sender, **kwargs):
        order.append("first")

    def second(sender, **kwargs):
        order.append("second")

    post_save.connect(first, sender=Category)
    try:
        with mute_signals(post_save):
            post_save.connect(second, sender=Category)
        Category.objects.create(name="x")
    finally:
        post_save.disconnect(first, sender=Category)
        post_save.disconnect(second, sender=Category)
    assert order == ["first", "second"]


@mute_signals(post_save)
class MutedStockMovementOfProductFactory(StockMovementFactory):
    pass


def test_muting_the_outermost_call_mutes_all_of_it():
    with recording(post_save) as calls:
        MutedStockMovementOfProductFactory()
        with mute_signals(post_save):
            StockMovementFactory()
    assert calls == []


def test_connecting_a_muted_receiver_again_makes_it_run_twice():
    names = []

    def record(sender, instance, **kwargs):
        names.append(instance.name)

    post_save.connect(record, sender=Category)
    try:
        with mute_signals(post_save):
            post_save.connect(record, sender=Category)
        Category.objects.create(name="twice")
    finally:
        post_save.disconnect(record, sender=Category)
        post_save.disconnect(record, sender=Category)
    assert names == ["twice", "twice"]
