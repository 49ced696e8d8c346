import json

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete
from django.test.utils import CaptureQueriesContext

from recipes.counters import count_deleted_comment, recount_comments
from recipes.models import Comment, Post

pytestmark = pytest.mark.django_db


def count(post):
    post.refresh_from_db(fields=["comment_count"])
    return post.comment_count


def test_creating_and_deleting_comments_keeps_the_count():
    post = Post.objects.create(title="Hello")
    first = Comment.objects.create(post=post, text="first")
    Comment.objects.create(post=post, text="second")
    assert count(post) == 2
    first.text = "edited"
    first.save()
    assert count(post) == 2
    first.delete()
    assert count(post) == 1


def test_the_in_memory_instance_is_not_refreshed():
    post = Post.objects.create(title="Hello")
    Comment.objects.create(post=post, text="first")
    assert post.comment_count == 0
    # Saving that stale instance writes its old count back...
    post.title = "Hello again"
    post.save()
    assert count(post) == 0
    # ...unless the save names the fields it changes.
    recount_comments()
    post.title = "Hello, world"
    post.save(update_fields=["title"])
    assert count(post) == 1


def test_queryset_delete_keeps_the_count():
    post = Post.objects.create(title="Hello")
    for text in ("a", "b", "c"):
        Comment.objects.create(post=post, text=text)
    Comment.objects.filter(text__in=["a", "b"]).delete()
    assert count(post) == 1


def test_deleting_the_post_deletes_its_comments_without_error():
    post = Post.objects.create(title="Hello")
    Comment.objects.create(post=post, text="a")
    post.delete()
    assert not Comment.objects.exists()


def test_bulk_create_and_update_bypass_the_receivers():
    hello = Post.objects.create(title="Hello")
    other = Post.objects.create(title="Other")
    Comment.objects.bulk_create([Comment(post=hello, text=t) for t in "abc"])
    assert count(hello) == 0
    Comment.objects.filter(text="a").update(post=other)
    assert (count(hello), count(other)) == (0, 0)
    assert recount_comments() == 2
    assert (count(hello), count(other)) == (2, 1)


def test_moving_a_comment_with_save_is_not_counted():
    hello = Post.objects.create(title="Hello")
    other = Post.objects.create(title="Other")
    comment = Comment.objects.create(post=hello, text="a")
    comment.post = other
    comment.save()
    assert (count(hello), count(other)) == (1, 0)
    recount_comments(Post.objects.filter(pk__in=[hello.pk, other.pk]))
    assert (count(hello), count(other)) == (0, 1)


def test_a_drifted_counter_stops_at_zero_and_the_delete_goes_through():
    post = Post.objects.create(title="Hello")
    Comment.objects.bulk_create([Comment(post=post, text="a")])
    Comment.objects.get().delete()
    assert not Comment.objects.exists()
    assert count(post) == 0


def test_a_post_with_a_drifted_counter_can_be_deleted():
    post = Post.objects.create(title="Hello")
    Comment.objects.bulk_create([Comment(post=post, text=t) for t in "ab"])
    post.delete()
    assert not Post.objects.exists()
    assert not Comment.objects.exists()


def test_subtracting_without_greatest_makes_the_delete_fail():
    def subtract_one(sender, instance, **kwargs):
        Post.objects.filter(pk=instance.post_id).update(
            comment_count=F("comment_count") - 1
        )

    post_delete.disconnect(count_deleted_comment, sender=Comment)
    post_delete.connect(subtract_one, sender=Comment)
    post = Post.objects.create(title="Hello")
    Comment.objects.bulk_create([Comment(post=post, text="a")])
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.get().delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        post.delete()
    assert Comment.objects.count() == 1


def test_deleting_a_post_updates_it_once_per_comment_before_deleting_it():
    post = Post.objects.create(title="Hello")
    for text in "ab":
        Comment.objects.create(post=post, text=text)
    with CaptureQueriesContext(connection) as queries:
        post.delete()
    writes = [
        q["sql"].split()[0]
        for q in queries
        if q["sql"].startswith(("UPDATE", "DELETE"))
        and ('"recipes_post"' in q["sql"].split(" WHERE ")[0])
    ]
    assert writes == ["UPDATE", "UPDATE", "DELETE"]


def test_raw_sql_is_not_counted():
    post = Post.objects.create(title="Hello")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO recipes_comment (post_id, text) VALUES (%s, %s)",
            [post.pk, "raw"],
        )
    assert count(post) == 0
    recount_comments()
    assert count(post) == 1


def test_recounting_is_one_query(django_assert_num_queries):
    posts = [Post.objects.create(title=str(n)) for n in range(5)]
    Comment.objects.bulk_create([Comment(post=p, text="x") for p in posts])
    with django_assert_num_queries(1):
        assert recount_comments() == 5


def test_loading_a_fixture_keeps_the_stored_count(tmp_path):
    from django.core.management import call_command

    fixture = tmp_path / "posts.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "recipes.post",
                    "pk": 1,
                    "fields": {"title": "Hello", "comment_count": 1},
                },
                {
                    "model": "recipes.comment",
                    "pk": 1,
                    "fields": {"post": 1, "text": "a"},
                },
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert Post.objects.get(pk=1).comment_count == 1  # not 2


def test_dumpdata_includes_the_count():
    from django.core import serializers

    post = Post.objects.create(title="Hello")
    Comment.objects.create(post=post, text="a")
    post.refresh_from_db()
    [data] = json.loads(serializers.serialize("json", [post]))
    assert data["fields"]["comment_count"] == 1
