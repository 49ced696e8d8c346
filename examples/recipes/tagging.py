"""Many-to-many reactions: Tag.bookmark_count follows Bookmark.tags."""

# --8<-- [start:recount]
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, pre_delete
from django.dispatch import receiver

from .models import Bookmark, Tag

BookmarkTag = Bookmark.tags.through  # the table behind Bookmark.tags


def recount_tags(tag_pks):
    """Set bookmark_count of these tags from the table behind Bookmark.tags."""
    counts = (
        BookmarkTag.objects.filter(tag=OuterRef("pk"))
        .values("tag")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Tag.objects.filter(pk__in=tag_pks).update(
        bookmark_count=Coalesce(Subquery(counts), 0)
    )


# --8<-- [end:recount]


# --8<-- [start:m2m_changed]
@receiver(m2m_changed, sender=BookmarkTag)
def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse:
        # tag.bookmarks.add(...): instance is a Tag, pk_set holds Bookmark keys.
        if action in ("post_add", "post_remove", "post_clear"):
            recount_tags([instance.pk])
    elif action == "pre_clear":
        # bookmark.tags.clear() sends pk_set=None: note the tags before
        # their rows go.
        instance._tags_before_clear = list(instance.tags.values_list("pk", flat=True))
    elif action == "post_clear":
        recount_tags(instance.__dict__.pop("_tags_before_clear"))
    elif action in ("post_add", "post_remove"):
        # bookmark.tags.add(...): pk_set holds Tag keys.
        recount_tags(pk_set)


# --8<-- [end:m2m_changed]


# --8<-- [start:delete]
# Deleting a bookmark deletes its rows in BookmarkTag without m2m_changed.
@receiver(pre_delete, sender=Bookmark)
def remember_tags(sender, instance, **kwargs):
    instance._tags_before_delete = list(instance.tags.values_list("pk", flat=True))


@receiver(post_delete, sender=Bookmark)
def recount_after_delete(sender, instance, **kwargs):
    recount_tags(instance.__dict__.pop("_tags_before_delete"))


# --8<-- [end:delete]
