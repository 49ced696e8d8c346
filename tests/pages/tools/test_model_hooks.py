"""Checks of docs/tools/model-hooks.md that its snippets do not show."""

import weakref
from importlib.metadata import metadata
from unittest import mock

import pytest
from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core import mail
from django.db import models, transaction
from django.db.models.signals import post_save
from django.test import RequestFactory
from django_lifecycle import bypass_hooks_for

from accounts.models import User
from integrations.models import Article, Task
from inventory.models import Product
from inventory.postgres import in_another_connection
from scripts.shell import run_python


def declared(package):
    data = metadata(package)
    versions = [
        classifier.removeprefix("Framework :: Django :: ")
        for classifier in data.get_all("Classifier")
        if classifier.startswith("Framework :: Django :: ")
    ]
    return data["Version"], versions, data.get_all("Requires-Dist")


def test_the_versions_table():
    assert declared("django-model-utils") == (
        "5.0.0",
        ["3.2", "4.0", "4.1", "4.2", "5.0", "5.1"],
        ["Django>=3.2"],
    )
    assert declared("django-lifecycle") == (
        "1.3.0",
        ["4.2", "5.0", "5.2", "6.0"],
        ["Django>=3.2"],
    )


def test_importing_django_lifecycle_needs_django_set_up():
    before_setup = run_python("import django_lifecycle", check=False)
    assert "AppRegistryNotReady: Apps aren't loaded yet." in before_setup.stderr
    no_settings = run_python(
        "import django_lifecycle", check=False, DJANGO_SETTINGS_MODULE=None
    )
    assert "ImproperlyConfigured" in no_settings.stderr
    after_setup = run_python(
        "import django; django.setup(); import django_lifecycle", check=False
    )
    assert after_setup.returncode == 0, after_setup.stderr


def test_django_lifecycle_connects_no_receivers():
    connected = []
    for signal in vars(models.signals).values():
        if isinstance(signal, models.signals.Signal):
            for entry in signal.receivers:
                ref = entry[1]
                receiver = ref() if isinstance(ref, weakref.ref) else ref
                connected.append(getattr(receiver, "__module__", ""))
    assert "model_utils.tracker" in connected  # FieldTracker's class_prepared
    assert not [module for module in connected if "lifecycle" in module]


def test_field_tracker_wraps_save_base():
    assert Article.save_base is not models.Model.save_base
    assert Article.save_base.__wrapped__ is models.Model.save_base


@pytest.mark.django_db
def test_field_tracker_takes_a_new_instance_with_a_primary_key_as_saved():
    seen = []

    def after(sender, instance, created, **kwargs):
        seen.append((created, instance.tracker.changed()))

    article = Article(id=5, title="Signals")
    assert article.tracker.changed() == {}
    assert not article.tracker.has_changed("title")
    post_save.connect(after, sender=Article)
    article.save()
    assert seen == [(True, {})]


@pytest.mark.django_db
def test_field_tracker_refresh_from_db_resets_the_fields_it_reloads():
    article = Article.objects.create(title="Signals")
    article.title = "changed"
    article.status = "changed"
    article.refresh_from_db(fields=["title"])
    assert article.tracker.changed() == {"status": "draft"}
    article.refresh_from_db()
    assert article.tracker.changed() == {}


@pytest.mark.django_db(transaction=True)
def test_on_commit_in_autocommit_runs_while_the_tracker_has_the_changes():
    seen = []

    def after(sender, instance, **kwargs):
        transaction.on_commit(lambda: seen.append(instance.tracker.changed()))

    article = Article.objects.create(title="Signals")
    post_save.connect(after, sender=Article)
    article.status = "published"
    article.save()
    assert seen == [{"status": "draft"}]


@pytest.mark.django_db
def test_field_tracker_copies_every_tracked_field_of_loaded_rows_only():
    Article.objects.bulk_create([Article(title=f"a{i}") for i in range(3)])
    with mock.patch(
        "model_utils.tracker.lightweight_deepcopy", side_effect=lambda value: value
    ) as copy:
        list(Article.objects.all())
        assert copy.call_count == 3 * len(Article.tracker.fields)
        copy.reset_mock()
        Article(title="new")
        assert copy.call_count == 0


@pytest.mark.django_db
def test_the_from_db_tracker_in_the_comparison_table():
    apples = Product(sku="APL-1", name="Apples")
    assert apples.has_changed("price") is None  # new instance
    apples.save()
    product = Product.objects.only("sku").get()
    with mock.patch.object(
        Product, "refresh_from_db", side_effect=AssertionError("a query")
    ):
        assert product.has_changed("price") is None  # deferred: no query
    assert product.has_changed("tags") is None  # many-to-many


@pytest.mark.django_db(transaction=True)
def test_admin_delete_selected_deletes_through_delete_queryset():
    Task.objects.create(title="Review")
    request = RequestFactory().post("/", {"post": "yes"})
    request.user = User.objects.create_superuser("admin")
    request.session = {}
    request._messages = FallbackStorage(request)
    model_admin = admin.ModelAdmin(Task, admin.site)
    with (
        mock.patch.object(
            admin.ModelAdmin, "delete_queryset", autospec=True
        ) as delete_queryset,
        mock.patch.object(Task, "delete") as delete,
    ):
        delete_selected(model_admin, request, Task.objects.all())
    assert delete_queryset.call_count == 1
    assert delete.call_count == 0
    with mock.patch.object(models.QuerySet, "delete") as queryset_delete:
        model_admin.delete_queryset(request, Task.objects.all())
    assert queryset_delete.call_count == 1


@pytest.mark.django_db(transaction=True)
def test_lifecycle_refresh_from_db_resets_the_initial_state_inside_atomic():
    task = Task.objects.create(title="Review")
    with transaction.atomic():
        task.status = "done"
        task.save()
        assert task.initial_value("status") == "open"
        task.refresh_from_db()
        assert task.initial_value("status") == "done"
        assert not task.has_changed("status")


@pytest.mark.django_db(transaction=True)
def test_bypass_hooks_for_skips_saves_not_deletes():
    task = Task.objects.create(title="Review")
    mail.outbox.clear()
    with bypass_hooks_for([Task]):
        task.status = "done"
        task.save()
        task.delete()
    assert [message.subject for message in mail.outbox] == ["Deleted: Review"]


@pytest.mark.django_db(transaction=True)
def test_bypass_hooks_for_is_per_thread():
    task = Task.objects.create(title="Elsewhere")
    mail.outbox.clear()

    def save_elsewhere():
        other = Task.objects.get(pk=task.pk)
        other.status = "doing"
        other.save()

    with bypass_hooks_for([Task]):
        assert in_another_connection(save_elsewhere) is None
    assert [message.subject for message in mail.outbox] == ["Elsewhere: open -> doing"]


@pytest.mark.django_db(transaction=True)
def test_a_raising_on_commit_hook_leaves_the_row_saved():
    with mock.patch(
        "integrations.models.notify_team", side_effect=RuntimeError("boom")
    ):
        with pytest.raises(RuntimeError):
            Task.objects.create(title="Kept")
    assert Task.objects.filter(title="Kept").count() == 1
