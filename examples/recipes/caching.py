"""Cache invalidation: drop an article's cache entry when the article changes."""

# --8<-- [start:read]
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Article

ARTICLE_TIMEOUT = 15 * 60  # seconds; also bounds how long any stale entry lives


def article_cache_key(pk):
    return f"recipes:article:{pk}"


def get_article_data(pk):
    """The article as a dict, from the cache or else from the database."""
    key = article_cache_key(pk)
    data = cache.get(key)
    if data is None:
        article = Article.objects.get(pk=pk)
        data = {"title": article.title, "body": article.body}
        cache.set(key, data, ARTICLE_TIMEOUT)
    return data


# --8<-- [end:read]


# --8<-- [start:invalidate]
@receiver([post_save, post_delete], sender=Article)
def invalidate_article(sender, instance, using, **kwargs):
    # Delete the entry once the change is committed, not before: until then,
    # other connections still read the old row and could cache it again.
    delete = partial(cache.delete, article_cache_key(instance.pk))
    transaction.on_commit(delete, using=using)


# --8<-- [end:invalidate]
