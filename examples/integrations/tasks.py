"""A django.tasks task started from a receiver, for docs/tools/task-queues.md.

django.tasks is new in Django 6.0. Which backend runs the task, and when,
is the TASKS setting's choice (the example project uses the ImmediateBackend).
"""

from functools import partial

from django.db import transaction

try:
    from django.tasks import task
except ImportError:  # pragma: no cover (Django 5.2 has no django.tasks)
    # The tests import every module of the project, on every Django version;
    # on 5.2, product_price stays a plain function, and nothing enqueues it.
    def task(function):
        return function


from inventory.models import Product


# --8<-- [start:task]
@task
def product_price(product_id):
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return "the product is gone"
    return f"{product.sku}: {product.price}"


# --8<-- [end:task]


# --8<-- [start:receiver]
def enqueue_price(sender, instance, created, using, **kwargs):
    """post_save receiver: enqueue product_price once the new row is committed."""
    if created:
        transaction.on_commit(partial(product_price.enqueue, instance.pk), using=using)


# --8<-- [end:receiver]
