"""Claims of docs/tools/admin.md that its snippets do not show."""

import django
import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry, LogEntryManager
from django.db.models.signals import post_save
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.models import User
from inventory.models import Product
from toolbox.testing import recording

pytestmark = pytest.mark.django_db

ADA = {
    "username": "ada",
    "password1": "correct horse battery",
    "password2": "correct horse battery",
    "usable_password": "true",
    "profile-TOTAL_FORMS": "1",
    "profile-INITIAL_FORMS": "0",
    "profile-0-display_name": "Ada",
}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser():
    return User.objects.create_superuser("admin")


def two_products(prefix="P"):
    skus = [f"{prefix}-1", f"{prefix}-2"]
    for sku in skus:
        Product.objects.create(sku=sku, name=sku)
    return Product.objects.filter(sku__in=skus)


@pytest.mark.urls("integrations.urls")
def test_a_real_server_answers_the_duplicate_profile_with_a_500(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    response = client.post(reverse("integrations_pitfalls:accounts_user_add"), ADA)
    assert response.status_code == 500
    assert not User.objects.filter(username="ada").exists()


def test_one_log_entry_is_saved_several_are_bulk_created(superuser):
    request = RequestFactory().post("/")
    request.user = superuser
    model_admin = admin.ModelAdmin(Product, admin.AdminSite())
    with recording(post_save, sender=LogEntry) as calls:
        model_admin.log_deletions(request, two_products())
    assert calls == []
    assert LogEntry.objects.count() == 2
    with recording(post_save, sender=LogEntry) as calls:
        model_admin.log_deletions(request, Product.objects.filter(sku="P-1"))
    assert len(calls) == 1


class OldStyleAdmin(admin.ModelAdmin):
    def log_deletion(self, request, obj, object_repr):
        return super().log_deletion(request, obj, object_repr)


class OldStyleManager(LogEntryManager):
    def log_action(self, *args, **kwargs):
        return super().log_action(*args, **kwargs)


def old_style_manager():
    manager = OldStyleManager()
    manager.model = LogEntry
    return manager


@pytest.mark.skipif(django.VERSION >= (6, 0), reason="the hooks are gone in 6.0")
def test_django_5_2_logs_one_create_per_object_with_a_deprecated_hook(superuser):
    from django.utils.deprecation import RemovedInDjango60Warning

    request = RequestFactory().post("/")
    request.user = superuser
    model_admin = OldStyleAdmin(Product, admin.AdminSite())
    with pytest.warns(RemovedInDjango60Warning):
        with recording(post_save, sender=LogEntry) as calls:
            model_admin.log_deletions(request, two_products())
    assert len(calls) == 2
    with pytest.warns(RemovedInDjango60Warning):
        with recording(post_save, sender=LogEntry) as calls:
            old_style_manager().log_actions(superuser.pk, two_products("Q"), 3)
    assert len(calls) == 2


@pytest.mark.skipif(django.VERSION < (6, 0), reason="5.2 still calls the hooks")
def test_django_6_never_calls_the_removed_hooks(superuser):
    request = RequestFactory().post("/")
    request.user = superuser
    model_admin = OldStyleAdmin(Product, admin.AdminSite())
    with recording(post_save, sender=LogEntry) as calls:
        model_admin.log_deletions(request, two_products())
        old_style_manager().log_actions(superuser.pk, two_products("Q"), 3)
    assert calls == []
    assert LogEntry.objects.count() == 4
    assert not hasattr(admin.ModelAdmin, "log_deletion")
    assert not hasattr(LogEntryManager, "log_action")


@pytest.fixture
def trace():
    """Connects a recorder of save and delete signals; yields its list."""
    from django.db import connection
    from django.db.models.signals import post_delete, pre_delete, pre_save

    from inventory.models import StockLevel

    names = {pre_save: "pre_save", post_save: "post_save"}
    names.update({pre_delete: "pre_delete", post_delete: "post_delete"})
    calls = []

    def record(sender, signal, **kwargs):
        calls.append((names[signal], sender.__name__, connection.in_atomic_block))

    for signal in names:
        for model in (Product, StockLevel, LogEntry):
            signal.connect(record, sender=model, weak=False)
    yield calls
    for signal in names:
        for model in (Product, StockLevel, LogEntry):
            signal.disconnect(record, sender=model)


def test_the_change_page_saves_the_object_not_the_unchanged_inline_rows(
    superuser, trace
):
    from inventory.models import StockLevel, Warehouse

    client = Client()
    client.force_login(superuser)
    apples = Product.objects.create(sku="APL-1", name="Apples")
    north = Warehouse.objects.create(code="NORTH", name="North")
    level = StockLevel.objects.create(product=apples, warehouse=north, quantity=5)
    trace.clear()
    response = client.post(
        reverse("admin:inventory_product_change", args=[apples.pk]),
        {
            "sku": "APL-1",
            "name": "Apples",
            "price": "0",
            "stocklevel_set-TOTAL_FORMS": "1",
            "stocklevel_set-INITIAL_FORMS": "1",
            "stocklevel_set-0-id": level.pk,
            "stocklevel_set-0-product": apples.pk,
            "stocklevel_set-0-warehouse": "NORTH",
            "stocklevel_set-0-quantity": "5",
        },
    )
    assert response.status_code == 302
    assert [(name, model) for name, model, _ in trace] == [
        ("pre_save", "Product"),
        ("post_save", "Product"),
        ("pre_save", "LogEntry"),
        ("post_save", "LogEntry"),
    ]


@pytest.mark.django_db(transaction=True)  # no test transaction around the view
def test_the_delete_page_logs_before_it_deletes_in_one_transaction(superuser, trace):
    client = Client()
    client.force_login(superuser)
    apples = Product.objects.create(sku="APL-1", name="Apples")
    trace.clear()
    client.post(
        reverse("admin:inventory_product_delete", args=[apples.pk]), {"post": "yes"}
    )
    assert trace == [
        ("pre_save", "LogEntry", True),
        ("post_save", "LogEntry", True),
        ("pre_delete", "Product", True),
        ("post_delete", "Product", True),
    ]


@pytest.mark.django_db(transaction=True)
def test_delete_selected_logs_in_autocommit_then_deletes_in_a_transaction(
    superuser, trace
):
    client = Client()
    client.force_login(superuser)
    apples = Product.objects.create(sku="APL-1", name="Apples")
    trace.clear()
    client.post(
        reverse("admin:inventory_product_changelist"),
        {"action": "delete_selected", "_selected_action": [apples.pk], "post": "yes"},
    )
    assert trace == [
        ("pre_save", "LogEntry", False),
        ("post_save", "LogEntry", False),
        ("pre_delete", "Product", True),
        ("post_delete", "Product", True),
    ]


def test_a_model_form_sends_for_the_selection_what_the_admin_does():
    from django.db.models.signals import m2m_changed

    from inventory.forms import ProductForm
    from inventory.models import Tag

    fresh, organic = (
        Tag.objects.create(name="fresh"),
        Tag.objects.create(name="organic"),
    )
    apples = Product.objects.create(sku="APL-1", name="Apples")
    apples.tags.set([fresh])
    actions = []
    data = {"sku": "APL-1", "name": "Apples", "price": "0"}
    with recording(m2m_changed, sender=Product.tags.through) as calls:
        for tags in ([organic.pk], [organic.pk], []):
            calls.clear()
            ProductForm({**data, "tags": tags}, instance=apples).save()
            actions.append([call["action"] for call in calls])
    assert actions == [
        ["pre_remove", "post_remove", "pre_add", "post_add"],
        [],
        ["pre_remove", "post_remove"],
    ]


@pytest.mark.django_db(transaction=True)  # the admin commits for real
def test_on_commit_from_post_save_sees_the_tags_and_the_inline_rows(superuser):
    from django.db import transaction

    from inventory.models import Tag, Warehouse

    seen = []

    def on_save(sender, instance, **kwargs):
        def read():
            tags = [tag.name for tag in instance.tags.all()]
            seen.append((tags, instance.stocklevel_set.count()))

        transaction.on_commit(read)

    client = Client()
    client.force_login(superuser)
    fresh = Tag.objects.create(name="fresh")
    Warehouse.objects.create(code="NORTH", name="North")
    post_save.connect(on_save, sender=Product, weak=False)
    try:
        response = client.post(
            reverse("admin:inventory_product_add"),
            {
                "sku": "APL-1",
                "name": "Apples",
                "price": "2.50",
                "tags": [fresh.pk],
                "stocklevel_set-TOTAL_FORMS": "1",
                "stocklevel_set-INITIAL_FORMS": "0",
                "stocklevel_set-0-warehouse": "NORTH",
                "stocklevel_set-0-quantity": "5",
            },
        )
    finally:
        post_save.disconnect(on_save, sender=Product)
    assert response.status_code == 302
    assert seen == [(["fresh"], 1)]
