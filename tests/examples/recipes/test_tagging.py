import json

import pytest
from django.core.management import call_command
from django.db.models.signals import m2m_changed

from recipes.models import Bookmark, Tag

pytestmark = pytest.mark.django_db


def counts():
    return dict(Tag.objects.values_list("name", "bookmark_count"))


@pytest.fixture
def tags():
    return [Tag.objects.create(name=name) for name in ("django", "python", "web")]


def test_adding_and_removing_from_the_bookmark_side(tags):
    django, python, web = tags
    bookmark = Bookmark.objects.create(url="https://djangoproject.com")
    bookmark.tags.add(django, python)
    assert counts() == {"django": 1, "python": 1, "web": 0}
    bookmark.tags.add(django)  # already there
    assert counts() == {"django": 1, "python": 1, "web": 0}
    bookmark.tags.remove(python, web)  # web was not there
    assert counts() == {"django": 1, "python": 0, "web": 0}


def test_adding_from_the_tag_side(tags):
    django, python, web = tags
    one = Bookmark.objects.create(url="https://example.com/1")
    two = Bookmark.objects.create(url="https://example.com/2")
    web.bookmarks.add(one, two)
    assert counts() == {"django": 0, "python": 0, "web": 2}
    web.bookmarks.remove(one)
    assert counts() == {"django": 0, "python": 0, "web": 1}
    web.bookmarks.clear()
    assert counts() == {"django": 0, "python": 0, "web": 0}


def test_clear_and_set(tags):
    django, python, web = tags
    bookmark = Bookmark.objects.create(url="https://example.com")
    bookmark.tags.set([django, python])
    assert counts() == {"django": 1, "python": 1, "web": 0}
    bookmark.tags.set([python, web])
    assert counts() == {"django": 0, "python": 1, "web": 1}
    bookmark.tags.clear()
    assert counts() == {"django": 0, "python": 0, "web": 0}


def test_deleting_a_bookmark_recounts_its_tags(tags):
    django, python, web = tags
    keep = Bookmark.objects.create(url="https://example.com/keep")
    gone = Bookmark.objects.create(url="https://example.com/gone")
    keep.tags.add(django)
    gone.tags.add(django, python)
    gone.delete()
    assert counts() == {"django": 1, "python": 0, "web": 0}
    Bookmark.objects.all().delete()
    assert counts() == {"django": 0, "python": 0, "web": 0}


def test_the_actions_and_pk_sets_that_m2m_changed_sends(tags):
    django, python, web = tags
    bookmark = Bookmark.objects.create(url="https://example.com")
    calls = []

    def record(sender, action, reverse, pk_set, **kwargs):
        pks = None if pk_set is None else sorted(pk_set)
        calls.append((action, reverse, pks))

    m2m_changed.connect(record, sender=Bookmark.tags.through)
    bookmark.tags.add(django, python)
    bookmark.tags.add(django)
    bookmark.tags.remove(web)
    bookmark.tags.clear()
    django.bookmarks.add(bookmark)
    assert calls == [
        ("pre_add", False, sorted([django.pk, python.pk])),
        ("post_add", False, sorted([django.pk, python.pk])),
        ("pre_add", False, []),
        ("post_add", False, []),
        ("pre_remove", False, [web.pk]),
        ("post_remove", False, [web.pk]),
        ("pre_clear", False, None),
        ("post_clear", False, None),
        ("pre_add", True, [bookmark.pk]),
        ("post_add", True, [bookmark.pk]),
    ]


def test_loading_a_fixture_counts_the_tags(tmp_path):
    fixture = tmp_path / "bookmarks.json"
    fixture.write_text(
        json.dumps(
            [
                {"model": "recipes.tag", "pk": 1, "fields": {"name": "django"}},
                {"model": "recipes.tag", "pk": 2, "fields": {"name": "python"}},
                {
                    "model": "recipes.bookmark",
                    "pk": 1,
                    "fields": {"url": "https://example.com", "tags": [1, 2]},
                },
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert counts() == {"django": 1, "python": 1}
