"""Models of the toolbox app: the handbook's testing helpers and benchmark.

The three subscriber models are the same model written three times, once for
each way of sending a welcome email that *Signals or something else?*
compares. `BenchRow` is the table the benchmark (`python -m toolbox.bench`)
loads and deletes.
"""

from functools import partial

from django.db import models, transaction

from .welcome import send_welcome_email


class Subscriber(models.Model):
    email = models.EmailField(unique=True)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self):
        return self.email


class SignalSubscriber(Subscriber):
    """Welcomed by a `post_save` receiver (`toolbox/receivers.py`)."""


# --8<-- [start:save_subscriber]
class SaveSubscriber(Subscriber):
    """Welcomed by its own `save()` method."""

    def save(self, **kwargs):
        created = self._state.adding
        super().save(**kwargs)
        if created:
            transaction.on_commit(
                partial(send_welcome_email, self), using=self._state.db
            )


# --8<-- [end:save_subscriber]


class ServiceSubscriber(Subscriber):
    """Welcomed by `toolbox.services.subscribe()`."""


class BenchRow(models.Model):
    """A plain row for the benchmark to load and delete."""

    name = models.CharField(max_length=50)
    value = models.IntegerField(default=0)

    def __str__(self):
        return self.name
