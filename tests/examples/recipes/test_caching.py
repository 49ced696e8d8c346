import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

from recipes.caching import (
    ARTICLE_TIMEOUT,
    article_cache_key,
    get_article_data,
)
from recipes.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_default_cache_is_locmem_when_caches_is_not_set():
    assert settings.CACHES == {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    assert isinstance(caches["default"], LocMemCache)


def test_the_second_read_comes_from_the_cache(django_assert_num_queries):
    article = Article.objects.create(title="Signals", body="...")
    with django_assert_num_queries(1):
        assert get_article_data(article.pk)["title"] == "Signals"
    with django_assert_num_queries(0):
        assert get_article_data(article.pk)["title"] == "Signals"


def test_saving_or_deleting_removes_the_entry():
    article = Article.objects.create(title="Signals")
    key = article_cache_key(article.pk)
    get_article_data(article.pk)
    article.title = "Signals, revised"
    article.save()
    assert cache.get(key) is None
    assert get_article_data(article.pk)["title"] == "Signals, revised"
    article.delete()
    assert cache.get(key) is None


def test_inside_a_transaction_the_entry_goes_only_at_commit():
    article = Article.objects.create(title="Old")
    key = article_cache_key(article.pk)
    get_article_data(article.pk)
    with transaction.atomic():
        article.title = "New"
        article.save()
        assert cache.get(key) == {"title": "Old", "body": ""}
        # What a reader on another connection may cache meanwhile:
        cache.set(key, {"title": "Old", "body": ""})
    assert cache.get(key) is None
    assert get_article_data(article.pk)["title"] == "New"


def test_a_rolled_back_change_leaves_the_entry():
    article = Article.objects.create(title="Old")
    get_article_data(article.pk)
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "New"
        article.save()
        raise RuntimeError("abort")
    assert cache.get(article_cache_key(article.pk))["title"] == "Old"
    article.refresh_from_db()
    assert article.title == "Old"


def test_queryset_update_leaves_a_stale_entry():
    article = Article.objects.create(title="Old")
    get_article_data(article.pk)
    Article.objects.filter(pk=article.pk).update(title="New")
    assert get_article_data(article.pk)["title"] == "Old"


def test_entries_expire_after_the_timeout(monkeypatch):
    import time

    article = Article.objects.create(title="Old")
    get_article_data(article.pk)
    Article.objects.filter(pk=article.pk).update(title="New")
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + ARTICLE_TIMEOUT + 1)
    assert get_article_data(article.pk)["title"] == "New"


def test_locmem_entries_are_private_to_one_process():
    from scripts.shell import run_python

    cache.set("recipes:shared?", "set by the test process")
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        "print(cache.get('recipes:shared?'))"
    )
    result = run_python(code, cwd=settings.BASE_DIR)
    assert result.stdout == "None\n"
    assert cache.get("recipes:shared?") == "set by the test process"


def test_a_reader_straddling_the_commit_can_still_cache_a_stale_copy():
    article = Article.objects.create(title="Old")
    read_before_commit = get_article_data(article.pk)
    with transaction.atomic():
        article.title = "New"
        article.save()
    # The entry was deleted at the commit; the late writer puts it back.
    cache.set(article_cache_key(article.pk), read_before_commit)
    assert get_article_data(article.pk)["title"] == "Old"


def test_other_connections_read_the_old_row_until_the_commit(tmp_path):
    from django.db import connection
    from django.db.backends.sqlite3.base import DatabaseWrapper

    settings_dict = {**connection.settings_dict, "NAME": str(tmp_path / "two.db")}
    writer = DatabaseWrapper(settings_dict, alias="writer")
    reader = DatabaseWrapper(settings_dict, alias="reader")
    try:
        with writer.cursor() as cursor:
            cursor.execute("CREATE TABLE article (title TEXT)")
            cursor.execute("INSERT INTO article VALUES ('Old')")
        writer.set_autocommit(False)
        with writer.cursor() as cursor:
            cursor.execute("UPDATE article SET title = 'New'")
            cursor.execute("SELECT title FROM article")
            assert cursor.fetchone() == ("New",)  # the writer sees its change
        with reader.cursor() as cursor:
            cursor.execute("SELECT title FROM article")
            assert cursor.fetchone() == ("Old",)  # the others don't, yet
        writer.commit()
        with reader.cursor() as cursor:
            cursor.execute("SELECT title FROM article")
            assert cursor.fetchone() == ("New",)
    finally:
        writer.close()
        reader.close()
