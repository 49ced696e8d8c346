"""Claims of docs/tools/task-queues.md that its snippets do not show.

- A second connection to a file-based SQLite database does not see a row
  that another connection has written and not committed yet: it gets
  DoesNotExist, and the old values of an updated row (the snippets run on the
  in-memory test database, where the read fails with "table is locked").
- Celery 5.7.0: delay_on_commit() registers its callback with on_commit()
  and no `using`; the Django fix-up makes DjangoTask the default task class
  when DJANGO_SETTINGS_MODULE is set, and calls django.setup() when a worker
  starts.
"""

from unittest import mock

import pytest
from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import transaction

from integrations.celery import app, product_price, worker
from scripts.shell import run_python

FILE_DATABASE_RACE = """
import django
django.setup()
from django.core.management import call_command
from django.db import transaction
from inventory.models import Product
from inventory.postgres import in_another_connection

call_command("migrate", verbosity=0)


def look(pk):
    try:
        return str(Product.objects.get(pk=pk).price)
    except Product.DoesNotExist:
        return "DoesNotExist"


def from_another_connection(pk):
    return in_another_connection(lambda: look(pk))


with transaction.atomic():
    apples = Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    print("created, not committed:", from_another_connection(apples.pk))
with transaction.atomic():
    apples.price = "2.80"
    apples.save()
    print("updated, not committed:", from_another_connection(apples.pk))
print("committed:", from_another_connection(apples.pk))
"""


def test_a_file_based_sqlite_database_shows_the_committed_state(tmp_path):
    result = run_python(
        FILE_DATABASE_RACE,
        DJANGO_DB=str(tmp_path / "db.sqlite3"),
        DATABASE_URL=None,  # SQLite, also in a PostgreSQL run
    )
    assert result.stdout.splitlines() == [
        "created, not committed: DoesNotExist",
        "updated, not committed: 2.50",
        "committed: 2.80",
    ]


def test_delay_on_commit_waits_for_the_default_database():
    with mock.patch.object(transaction, "on_commit") as on_commit:
        assert product_price.delay_on_commit(1) is None
        assert product_price.apply_async_on_commit((1,)) is None
    for call in on_commit.call_args_list:
        assert call.kwargs == {}  # no using=: the default database


def test_the_django_fixup_makes_djangotask_the_default():
    # pytest-django sets DJANGO_SETTINGS_MODULE, as a project's celery.py does.
    other = Celery("other", set_as_current=False)

    @other.task
    def add(a, b):
        return a + b

    assert isinstance(add._get_current_object(), DjangoTask)


@pytest.mark.django_db(transaction=True)
def test_the_django_fixup_sets_up_django_when_a_worker_starts():
    # The loader initialises the worker once per process, as a real worker starts.
    with (
        mock.patch.object(app.loader, "worker_initialized", False),
        mock.patch("django.setup") as setup,
        worker(),
    ):
        pass
    assert setup.called
