"""Checks of docs/reference/model-signals.md: the model signals, sent for real.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

import asyncio
import subprocess
import sys

from django.apps import apps
from django.apps.registry import Apps
from django.core.management import call_command
from django.db import models

from library.models import Author, Bestseller, Book, Loan, Tag
from scripts.project import EXAMPLES
from tests.pages.reference.capture import Triggers, page_tests

TRIGGERS = Triggers()


def dune():
    author = Author.objects.create(name="Frank Herbert")
    return Book.objects.create(title="Dune", author=author)


@TRIGGERS.on("pre_init:instantiate", "post_init:instantiate")
def instantiate(capture):
    with capture:
        Author(name="Ann Leckie")
        Author.objects.create(name="Iain Banks")
        Bestseller(title="Dune")
    return [Author, Author, Bestseller]


@TRIGGERS.on("pre_init:load", "post_init:load")
def load(capture):
    dune()
    Book.objects.create(title="Children of Dune", author=Author.objects.get())
    with capture:
        list(Book.objects.all())
        Author.objects.get()
        Bestseller.objects.first().refresh_from_db()
    if capture.signal is models.signals.pre_init:
        assert capture.calls[0][1]["kwargs"] == {}
        assert type(capture.calls[0][1]["args"]) is tuple
    return [Book, Book, Author, Bestseller, Bestseller]


@TRIGGERS.on("pre_save:save", "post_save:save")
def save(capture):
    author = Author.objects.create(name="Frank Herbert")
    with capture:
        book = Book.objects.create(title="Dune", author=author)
        book.save(update_fields=["title"])
        Bestseller.objects.get().save()
        asyncio.run(book.asave())
        Tag.objects.get_or_create(name="sf")
        Tag.objects.update_or_create(name="sf", defaults={"name": "sf"})
    assert all(kwargs["raw"] is False for _, kwargs in capture.calls)
    assert capture.calls[1][1]["update_fields"] == frozenset({"title"})
    return [Book, Book, Bestseller, Book, Tag, Tag]


@TRIGGERS.on(
    "pre_save:loaddata",
    "post_save:loaddata",
    "m2m_changed:loaddata",
)
def loaddata(capture):
    with capture:
        call_command("loaddata", "library", verbosity=0)
    Book.objects.get().tags.set([Tag.objects.create(name="sf")])
    with capture:  # the fixture's book is now related to another tag
        call_command("loaddata", "library", verbosity=0)
    if capture.signal is models.signals.m2m_changed:
        assert [kwargs["action"] for _, kwargs in capture.calls] == [
            "pre_add",
            "post_add",
            "pre_remove",  # loaddata sets the relation as set() does
            "post_remove",
            "pre_add",
            "post_add",
        ]
        assert all(kwargs.get("raw", True) for _, kwargs in capture.calls)
        return [Book.tags.through] * 6
    assert all(kwargs["raw"] is True for _, kwargs in capture.calls)
    if capture.signal is models.signals.post_save:
        created = [kwargs["created"] for _, kwargs in capture.calls]
        assert created == [True] * 3 + [False] * 3
    return [Author, Tag, Book] * 2


@TRIGGERS.on("pre_delete:model-delete", "post_delete:model-delete")
def model_delete(capture):
    book = dune()
    Loan.objects.create(book=book, reader="Ann")
    book.tags.add(Tag.objects.create(name="sf"))
    author = book.author
    other = Author.objects.create(name="Ann Leckie")
    with capture:
        author.delete()
        asyncio.run(other.adelete())
    assert [kwargs["origin"] for _, kwargs in capture.calls] == [author] * 3 + [other]
    return [Loan, Book, Author, Author]


@TRIGGERS.on("pre_delete:queryset-delete", "post_delete:queryset-delete")
def queryset_delete(capture):
    dune()
    queryset = Author.objects.all()
    with capture:
        queryset.delete()
    assert all(kwargs["origin"] is queryset for _, kwargs in capture.calls)
    Author.objects.create(name="Ann Leckie")
    with capture:
        asyncio.run(Author.objects.all().adelete())
    return [Book, Author, Author]


@TRIGGERS.on("m2m_changed:forward")
def m2m_forward(capture):
    book = dune()
    sf, classic = Tag.objects.create(name="sf"), Tag.objects.create(name="classic")
    with capture:
        book.tags.add(sf, classic)
        book.tags.remove(sf)
        book.tags.set([sf])
        book.tags.clear()
        asyncio.run(book.tags.aadd(sf))
        asyncio.run(book.tags.aremove(sf))
        asyncio.run(book.tags.aset([classic]))
    assert [kwargs["action"] for _, kwargs in capture.calls] == [
        "pre_add",
        "post_add",
        "pre_remove",
        "post_remove",
        "pre_remove",
        "post_remove",
        "pre_add",
        "post_add",
        "pre_clear",
        "post_clear",
        "pre_add",
        "post_add",
        "pre_remove",
        "post_remove",
        "pre_add",
        "post_add",
    ]
    assert all(kwargs["reverse"] is False for _, kwargs in capture.calls)
    assert capture.calls[9][1]["pk_set"] is None
    return [Book.tags.through] * 16


@TRIGGERS.on("m2m_changed:reverse")
def m2m_reverse(capture):
    book = dune()
    tag = Tag.objects.create(name="sf")
    with capture:
        tag.books.add(book)
        tag.books.remove(book)
        asyncio.run(tag.books.aclear())
    assert all(kwargs["reverse"] is True for _, kwargs in capture.calls)
    assert all(kwargs["model"] is Book for _, kwargs in capture.calls)
    return [Book.tags.through] * 6


@TRIGGERS.on("class_prepared:define")
def define_model(capture):
    with capture:

        class Shelf(models.Model):
            neighbours = models.ManyToManyField("self")

            class Meta:
                app_label = "library"
                apps = Apps()  # keep the project's registry unchanged

    return [Shelf.neighbours.through, Shelf]


@TRIGGERS.on("class_prepared:historical")
def historical_models(capture):
    with capture:
        call_command("migrate", verbosity=0)
    assert all(sender._meta.apps is not apps for sender in capture.senders)
    labels = {sender._meta.label for sender in capture.senders}
    assert {"library.Book", "library.Book_tags"} <= labels
    return capture.senders  # each one checked above: not the project's model


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "model-signals.md", TRIGGERS
)


# The page's section "Write to the database in `using`": with two databases,
# a receiver's queries go to `default` unless it passes `using` on. A new
# process with two SQLite databases, since the test settings have one.
TWO_DATABASES = """
import sys
from pathlib import Path

import django
from django.conf import settings
from django.core.management import call_command

folder = Path(sys.argv[1])
settings.configure(
    INSTALLED_APPS=["library"],
    DATABASES={
        alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": folder / alias}
        for alias in ["default", "archive"]
    },
)
django.setup()
from django.db import transaction
from django.db.models.signals import post_save

from library.models import Author, Tag

committed = []


def tag_author(sender, instance, created, using, **kwargs):
    Tag.objects.create(name=f"without using: {instance.name}")
    Tag.objects.using(using).create(name=f"using: {instance.name}")
    transaction.on_commit(lambda: committed.append(using), using=using)
    transaction.on_commit(lambda: committed.append("without using"))


for alias in ["default", "archive"]:
    call_command("migrate", database=alias, verbosity=0)
post_save.connect(tag_author, sender=Author)
with transaction.atomic(using="archive"):
    Author.objects.using("archive").create(name="Ann Leckie")
    print(committed)
for alias in ["default", "archive"]:
    print(alias, list(Tag.objects.using(alias).values_list("name", flat=True)))
print(committed)
"""


def test_receiver_queries_go_to_default_unless_they_pass_using_on(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", TWO_DATABASES, str(tmp_path)],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "['without using']",
        "default ['without using: Ann Leckie']",
        "archive ['using: Ann Leckie']",
        "['without using', 'archive']",
    ]
