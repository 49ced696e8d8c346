"""Models of the *Signals with your tools* pages.

Article follows its changes with django-model-utils' FieldTracker, Task
reacts to its own saves with django-lifecycle's hooks, and Attachment holds
an uploaded file (in memory: see attachment_storage()).
"""

from django.core.files.storage import InMemoryStorage
from django.core.mail import send_mail
from django.db import models
from django_lifecycle import (
    AFTER_CREATE,
    AFTER_DELETE,
    AFTER_UPDATE,
    LifecycleModel,
    hook,
)
from django_lifecycle.conditions import WhenFieldHasChanged
from model_utils import FieldTracker


# --8<-- [start:article]
class Article(models.Model):
    title = models.CharField(max_length=100)
    status = models.CharField(max_length=20, default="draft")
    body = models.TextField(blank=True)
    related = models.ManyToManyField("self", blank=True)

    # Without fields=[...], it tracks every concrete field: not `related`.
    tracker = FieldTracker()

    def __str__(self):
        return self.title


# --8<-- [end:article]


# --8<-- [start:task]
def notify_team(subject):
    send_mail(subject, "", from_email=None, recipient_list=["team@example.com"])


class Task(LifecycleModel):
    title = models.CharField(max_length=100)
    status = models.CharField(max_length=20, default="open")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subtasks",
    )

    @hook(AFTER_CREATE, on_commit=True)
    def announce_new_task(self):
        notify_team(f"New task: {self.title}")

    @hook(AFTER_UPDATE, condition=WhenFieldHasChanged("status", has_changed=True))
    def announce_status(self):
        notify_team(f"{self.title}: {self.initial_value('status')} -> {self.status}")

    @hook(AFTER_DELETE, on_commit=True)
    def announce_deletion(self):
        notify_team(f"Deleted: {self.title}")

    def __str__(self):
        return self.title


# --8<-- [end:task]


# --8<-- [start:attachment]
_memory = InMemoryStorage()


def attachment_storage():
    """Where attachments go: in memory, so that examples leave no files behind."""
    return _memory


class Attachment(models.Model):
    file = models.FileField(upload_to="attachments/", storage=attachment_storage)

    def __str__(self):
        return self.file.name


# --8<-- [end:attachment]
