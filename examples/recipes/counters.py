"""A denormalized counter: Post.comment_count follows the post's comments."""

# --8<-- [start:receivers]
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Comment, Post


@receiver(post_save, sender=Comment)
def count_new_comment(sender, instance, created, raw, **kwargs):
    if created and not raw:
        # F() makes the database add 1 to the stored value: two requests
        # adding comments at the same time cannot overwrite each other.
        Post.objects.filter(pk=instance.post_id).update(
            comment_count=F("comment_count") + 1
        )


@receiver(post_delete, sender=Comment)
def count_deleted_comment(sender, instance, **kwargs):
    # Greatest(): a count that missed some comments (bulk_create(), raw SQL)
    # stops at 0, instead of breaking the CHECK of PositiveIntegerField and
    # making the deletion fail.
    Post.objects.filter(pk=instance.post_id).update(
        comment_count=Greatest(F("comment_count") - 1, 0)
    )


# --8<-- [end:receivers]


# --8<-- [start:recount]
def recount_comments(posts=None):
    """Set comment_count from the comments table; returns the rows updated.

    For what the receivers never see: bulk_create(), QuerySet.update(),
    raw SQL, or comments moved to another post.
    """
    posts = Post.objects.all() if posts is None else posts
    counts = (
        Comment.objects.filter(post=OuterRef("pk"))
        .values("post")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return posts.update(comment_count=Coalesce(Subquery(counts), 0))


# --8<-- [end:recount]
