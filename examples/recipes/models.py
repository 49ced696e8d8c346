from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


# --8<-- [start:audit_models]
class Product(models.Model):
    """The audited model."""

    name = models.CharField(max_length=100)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    active = models.BooleanField(default=True)

    def __str__(self):
        return self.name


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATED = "created"
        UPDATED = "updated"
        DELETED = "deleted"

    model = models.CharField(max_length=100)  # "recipes.product"
    object_pk = models.CharField(max_length=64)
    action = models.CharField(max_length=10, choices=Action)
    # {"price": ["9.99", "12.50"]}: field name -> [old value, new value]
    changes = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.action} {self.model} {self.object_pk}"

    @classmethod
    def record(cls, instance, action, changes):
        return cls.objects.create(
            model=instance._meta.label_lower,
            object_pk=str(instance.pk),
            action=action,
            changes=changes,
        )


# --8<-- [end:audit_models]


# --8<-- [start:article]
class Article(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)

    def __str__(self):
        return self.title


# --8<-- [end:article]


# --8<-- [start:counter_models]
class Post(models.Model):
    title = models.CharField(max_length=200)
    # Denormalized: the number of Comment rows of this post.
    comment_count = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self):
        return self.title


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField()

    def __str__(self):
        return self.text[:50]


# --8<-- [end:counter_models]


# --8<-- [start:tag_models]
class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)
    # Denormalized: how many bookmarks carry this tag.
    bookmark_count = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self):
        return self.name


class Bookmark(models.Model):
    url = models.URLField()
    tags = models.ManyToManyField(Tag, related_name="bookmarks", blank=True)

    def __str__(self):
        return self.url


# --8<-- [end:tag_models]


# --8<-- [start:message]
class Message(models.Model):
    """A message in a user's inbox, written by the welcome receiver."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="inbox_messages",
    )
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.text


# --8<-- [end:message]
