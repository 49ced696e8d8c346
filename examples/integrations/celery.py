"""A Celery app for docs/tools/task-queues.md, configured in this module alone.

The broker and the result backend live in this process's memory, so a worker
can run in a thread of the tests (`worker()` below) and the handbook needs no
Redis or RabbitMQ. A real project puts a broker URL in the configuration and
starts workers in processes of their own: `celery -A proj worker`.
"""

import os
from contextlib import contextmanager
from unittest import mock

from celery import Celery, signals
from celery.contrib.testing.worker import start_worker
from celery.worker import state
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from inventory.models import Product

# --8<-- [start:app]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "handbook.settings")

app = Celery(
    "integrations",
    # Tasks get delay_on_commit() and apply_async_on_commit().
    task_cls="celery.contrib.django.task:DjangoTask",
)
app.conf.update(
    broker_url="memory://",  # a real project: "redis://..." or "amqp://..."
    result_backend="cache+memory://",
)


@app.task
def product_price(product_id):
    product = Product.objects.get(pk=product_id)
    return f"{product.sku}: {product.price}"


# --8<-- [end:app]

# The worker thread's logging must not replace the test run's, and the
# in-memory broker is polled often so that tasks start at once.
app.conf.update(
    worker_hijack_root_logger=False,
    broker_transport_options={"polling_interval": 0.01},
)


# --8<-- [start:deleted]
@app.task
def remove_from_search_index(sku):
    # Gets the values it needs, not a primary key: the row is gone.
    return f"removed {sku} from the search index"  # stands for an API call


# --8<-- [end:deleted]


@contextmanager
def worker():
    """A Celery worker in a thread of this process, while the block runs.

    It reads the database on a connection of its own, so it sees committed
    rows only: use it in tests that commit (TransactionTestCase,
    django_db(transaction=True)), and outside atomic(): starting a worker
    closes the database connections of the thread that starts it (Celery's
    Django fix-up does, in 5.7.0).

    CELERY_SKIP_CHECKS: the fix-up would run Django's system checks in the
    test process, which takes a second and, the first time, connects
    receivers (of setting_changed) that the snippet harness reports as left
    connected by the snippet.
    """
    with (
        mock.patch.dict(os.environ, CELERY_SKIP_CHECKS="1"),
        start_worker(app, perform_ping_check=False, shutdown_timeout=30),
    ):
        try:
            yield
        finally:
            # What start_worker() does on exit, then two messages: the worker
            # waits for messages up to 2 s at a time, and waits once more
            # after it has seen that it must stop.
            state.should_terminate = 0
            wake_up.delay()
            wake_up.delay()


@app.task
def wake_up():
    """Does nothing; receiving it makes a waiting worker look at its state."""


@signals.task_postrun.connect
def close_worker_connections(task, **kwargs):
    """Close the worker thread's database connections after each task.

    Celery closes them too, with close(), which SQLite ignores for an
    in-memory database (the test database). Left open, the connection would
    be garbage-collected with the thread, with a ResourceWarning. An eager
    task (task_always_eager) runs in the caller's thread: nothing to close.
    """
    if task.request.is_eager:
        return
    for connection in connections.all(initialized_only=True):
        BaseDatabaseWrapper.close(connection)
