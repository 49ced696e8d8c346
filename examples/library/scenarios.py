"""Common operations on the library app, for the signal order traces.

docs/reference/traces.md lists the signals Django sends while each of these
operations runs. A scenario first creates what the operation needs, then
runs the operation inside `with during:`. Pass any context manager as
`during` (the handbook's tests pass one that records every signal sent
while it is open), or nothing to just run the scenario.
"""

import asyncio
from contextlib import nullcontext

from django.core.management import call_command

from accounts.models import User

from .models import Author, Book, Loan, Tag
from .servers import WSGIBrowser, serve_asgi

SCENARIOS = {}  # name -> scenario, in the order of the page
NOTHING = nullcontext()  # the default `during`: no context


def scenario(function):
    SCENARIOS[function.__name__] = function
    return function


def frank():
    return Author.objects.create(name="Frank Herbert")


@scenario
def create(during=NOTHING):
    author = frank()
    with during:
        # --8<-- [start:create]
        Book.objects.create(title="Dune", author=author)
        # --8<-- [end:create]


@scenario
def update(during=NOTHING):
    book = Book.objects.create(title="Dune", author=frank())
    with during:
        # --8<-- [start:update]
        book.title = "Dune (1965)"
        book.save()
        # --8<-- [end:update]


@scenario
def update_fields(during=NOTHING):
    book = Book.objects.create(title="Dune", author=frank())
    with during:
        # --8<-- [start:update_fields]
        book.title = "Dune (1965)"
        book.save(update_fields=["title"])
        # --8<-- [end:update_fields]


@scenario
def delete(during=NOTHING):
    author = frank()
    dune = Book.objects.create(title="Dune", author=author)
    Book.objects.create(title="Dune Messiah", author=author)
    dune.tags.add(Tag.objects.create(name="sf"))
    Loan.objects.create(book=dune, reader="Ann")
    with during:
        # --8<-- [start:delete]
        author.delete()  # cascades to the books, their loans and tag links
        # --8<-- [end:delete]


def book_and_tags():
    book = Book.objects.create(title="Dune", author=frank())
    sf, classic = Tag.objects.create(name="sf"), Tag.objects.create(name="classic")
    return book, sf, classic


@scenario
def m2m_forward(during=NOTHING):
    book, sf, classic = book_and_tags()
    with during:
        # --8<-- [start:m2m_forward]
        book.tags.add(sf, classic)
        book.tags.remove(sf)
        book.tags.clear()
        # --8<-- [end:m2m_forward]


@scenario
def m2m_reverse(during=NOTHING):
    book, sf, classic = book_and_tags()
    with during:
        # --8<-- [start:m2m_reverse]
        sf.books.add(book)
        sf.books.remove(book)
        sf.books.clear()
        # --8<-- [end:m2m_reverse]


@scenario
def m2m_set(during=NOTHING):
    book, sf, classic = book_and_tags()
    book.tags.add(sf)
    with during:
        # --8<-- [start:m2m_set]
        book.tags.set([classic])
        # --8<-- [end:m2m_set]


@scenario
def wsgi(during=NOTHING):
    Book.objects.create(title="Dune", author=frank())
    browser = WSGIBrowser()  # calls WSGIHandler like a WSGI server
    with during:
        # --8<-- [start:wsgi]
        browser.request("GET", "/library/books/")
        # --8<-- [end:wsgi]


@scenario
def asgi(during=NOTHING):
    Book.objects.create(title="Dune", author=frank())
    with during:
        # --8<-- [start:asgi]
        asyncio.run(serve_asgi("/library/hours/"))  # ASGIHandler
        # --8<-- [end:asgi]


@scenario
def error(during=NOTHING):
    browser = WSGIBrowser()
    with during:
        # --8<-- [start:error]
        browser.request("GET", "/library/fail/error/")  # the view raises
        # --8<-- [end:error]


@scenario
def login(during=NOTHING):
    User.objects.create_user("ann", password="correct horse")
    browser = WSGIBrowser()
    with during:
        # --8<-- [start:login]
        credentials = {"username": "ann", "password": "correct horse"}
        browser.post_form("/library/login/", credentials)
        browser.post_form("/library/logout/", {})
        # --8<-- [end:login]


@scenario
def failed_login(during=NOTHING):
    User.objects.create_user("ann", password="correct horse")
    browser = WSGIBrowser()
    with during:
        # --8<-- [start:failed_login]
        credentials = {"username": "ann", "password": "wrong"}
        browser.post_form("/library/login/", credentials)
        # --8<-- [end:failed_login]


@scenario
def migrate(during=NOTHING):
    call_command("migrate", "library", "zero", verbosity=0)
    with during:
        # --8<-- [start:migrate]
        call_command("migrate", "library", verbosity=0)
        # --8<-- [end:migrate]
