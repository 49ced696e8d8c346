# --8<-- [start:models]
from django.db import models

from .signals import article_published


class Article(models.Model):
    title = models.CharField(max_length=200)

    def publish(self):
        article_published.send(sender=Article, article=self)


# --8<-- [end:models]
