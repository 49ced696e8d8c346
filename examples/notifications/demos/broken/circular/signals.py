# --8<-- [start:signals]
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from .models import Article  # models.py imports this module: a cycle

article_published = Signal()


@receiver(post_save, sender=Article)
def on_article_saved(sender, instance, **kwargs):
    return instance.title


# --8<-- [end:signals]
