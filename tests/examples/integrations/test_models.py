import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db import transaction

from integrations.models import Article, Attachment, Task, attachment_storage


def subjects():
    return [message.subject for message in mail.outbox]


def test_str():
    assert str(Article(title="Signals")) == "Signals"
    assert str(Task(title="Review")) == "Review"
    assert str(Attachment(file="attachments/a.txt")) == "attachments/a.txt"


def test_attachments_are_stored_in_memory():
    storage = attachment_storage()
    assert isinstance(storage, InMemoryStorage)
    assert Attachment._meta.get_field("file").storage is storage


@pytest.mark.django_db(transaction=True)
def test_attachment_file_outlives_its_row():
    attachment = Attachment.objects.create(file=ContentFile(b"x", name="t-models.txt"))
    name = attachment.file.name
    attachment.delete()
    assert attachment_storage().exists(name)
    attachment_storage().delete(name)


@pytest.mark.django_db
def test_article_tracker_follows_concrete_fields_only():
    assert Article.tracker.fields == {"id", "title", "status", "body"}
    article = Article.objects.create(title="Signals")
    article.status = "published"
    assert article.tracker.changed() == {"status": "draft"}
    article.save()
    assert article.tracker.changed() == {}


@pytest.mark.django_db(transaction=True)
def test_task_hooks_on_create_update_and_delete():
    task = Task.objects.create(title="Review")
    task.status = "done"
    task.save()
    task.save()
    task.delete()
    assert subjects() == ["New task: Review", "Review: open -> done", "Deleted: Review"]


@pytest.mark.django_db(transaction=True)
def test_task_on_commit_hooks_wait_for_the_commit():
    with transaction.atomic():
        task = Task.objects.create(title="Review")
        assert subjects() == []
    assert subjects() == ["New task: Review"]
    mail.outbox.clear()
    with transaction.atomic():
        task.delete()
        assert subjects() == []
    assert subjects() == ["Deleted: Review"]


@pytest.mark.django_db(transaction=True)
def test_task_hooks_miss_queryset_delete_and_cascades():
    parent = Task.objects.create(title="parent")
    Task.objects.create(title="child", parent=parent)
    mail.outbox.clear()
    parent.delete()
    assert subjects() == ["Deleted: parent"]
    assert Task.objects.count() == 0
