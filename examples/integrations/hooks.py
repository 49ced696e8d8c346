"""Receivers that work with model-hook libraries and uploaded files.

Nothing here is connected when the project starts: the pages connect what
they show, as your AppConfig.ready() would.
"""

from django.db import transaction
from django.dispatch import Signal

# --8<-- [start:status_changed]
article_status_changed = Signal()
"""Sent after an Article's new status is saved.

sender: the Article class. Keyword arguments: article, old and new (the
statuses before and after the save).
"""


def send_status_changed(sender, instance, created, raw, update_fields, **kwargs):
    """post_save receiver: sends article_status_changed when the status was written."""
    if raw or created:
        return
    if update_fields is not None and "status" not in update_fields:
        return  # the status may have changed on the instance, but was not saved
    # Within post_save the tracker still compares with the values before this save.
    if instance.tracker.has_changed("status"):
        article_status_changed.send(
            sender=sender,
            article=instance,
            old=instance.tracker.previous("status"),
            new=instance.status,
        )


# --8<-- [end:status_changed]


# --8<-- [start:delete_file]
def delete_file(sender, instance, using, **kwargs):
    """post_delete receiver: removes the row's file once the delete commits."""
    name = instance.file.name  # read it now: the callback runs later
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name), using=using)


# --8<-- [end:delete_file]


# --8<-- [start:delete_replaced_file]
def delete_replaced_file(sender, instance, raw, using, **kwargs):
    """pre_save receiver: removes the previous file once a new one is saved."""
    if raw or instance._state.adding:
        return
    row = sender._base_manager.using(using).filter(pk=instance.pk)
    old_name = row.values_list("file", flat=True).first()
    if old_name and old_name != instance.file.name:
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(old_name), using=using)


# --8<-- [end:delete_replaced_file]
