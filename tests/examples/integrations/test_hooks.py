import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from integrations.hooks import (
    article_status_changed,
    delete_file,
    delete_replaced_file,
    send_status_changed,
)
from integrations.models import Article, Attachment, attachment_storage
from toolbox.testing import recording


@pytest.fixture
def status_signal():
    post_save.connect(send_status_changed, sender=Article)
    with recording(article_status_changed) as calls:
        yield calls
    post_save.disconnect(send_status_changed, sender=Article)


@pytest.mark.django_db
def test_status_change_is_announced_with_old_and_new(status_signal):
    article = Article.objects.create(title="Signals")
    article.status = "published"
    article.save()
    assert [(c["sender"], c["article"], c["old"], c["new"]) for c in status_signal] == [
        (Article, article, "draft", "published")
    ]


@pytest.mark.django_db
def test_creation_raw_saves_and_other_fields_are_not_announced(status_signal):
    article = Article.objects.create(title="Signals", status="published")
    article.title = "Signals, again"
    article.save()
    article.status = "archived"
    article.save(update_fields=["title"])
    send_status_changed(Article, article, created=False, raw=True, update_fields=None)
    assert status_signal == []
    article.save(update_fields=["status", "title"])
    assert [c["new"] for c in status_signal] == ["archived"]


@pytest.fixture
def file_receiver():
    post_delete.connect(delete_file, sender=Attachment)
    yield
    post_delete.disconnect(delete_file, sender=Attachment)


@pytest.mark.django_db(transaction=True)
def test_file_is_deleted_after_the_commit(file_receiver):
    storage = attachment_storage()
    attachment = Attachment.objects.create(file=ContentFile(b"x", name="t-hooks.txt"))
    name = attachment.file.name
    with transaction.atomic():
        attachment.delete()
        assert storage.exists(name)
    assert not storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_file_stays_when_the_delete_rolls_back(file_receiver):
    storage = attachment_storage()
    attachment = Attachment.objects.create(file=ContentFile(b"x", name="t-kept.txt"))
    name = attachment.file.name
    with pytest.raises(RuntimeError), transaction.atomic():
        attachment.delete()
        raise RuntimeError
    assert storage.exists(name)
    Attachment.objects.all().delete()
    assert not storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_row_without_file_is_deleted_quietly(file_receiver):
    Attachment.objects.create(file="")
    Attachment.objects.all().delete()
    assert Attachment.objects.count() == 0


@pytest.fixture
def replaced_file_receiver():
    pre_save.connect(delete_replaced_file, sender=Attachment)
    yield
    pre_save.disconnect(delete_replaced_file, sender=Attachment)


@pytest.mark.django_db(transaction=True)
def test_replaced_file_is_deleted_after_the_commit(replaced_file_receiver):
    storage = attachment_storage()
    attachment = Attachment.objects.create(file=ContentFile(b"1", name="t-old.txt"))
    old = attachment.file.name
    attachment.save()
    assert storage.exists(old)
    with transaction.atomic():
        attachment.file = ContentFile(b"2", name="t-new.txt")
        attachment.save()
        assert storage.exists(old)
    assert not storage.exists(old)
    new = attachment.file.name
    attachment.delete()
    storage.delete(new)


@pytest.mark.django_db(transaction=True)
def test_replaced_file_stays_when_the_save_rolls_back(replaced_file_receiver):
    storage = attachment_storage()
    attachment = Attachment.objects.create(file=ContentFile(b"1", name="t-old2.txt"))
    old = attachment.file.name
    with pytest.raises(RuntimeError), transaction.atomic():
        attachment.file = ContentFile(b"2", name="t-new2.txt")
        attachment.save()
        raise RuntimeError
    assert storage.exists(old)
    assert storage.exists(attachment.file.name)  # the upload of the rolled-back save
    for name in (old, attachment.file.name):
        storage.delete(name)


@pytest.mark.django_db
def test_replaced_file_receiver_ignores_raw_saves_and_new_rows():
    attachment = Attachment(file="attachments/none.txt")
    delete_replaced_file(Attachment, attachment, raw=False, using="default")
    attachment.save()
    delete_replaced_file(Attachment, attachment, raw=True, using="default")
