import asyncio
import inspect

import pytest
from django.test import AsyncClient, Client

from library import views
from library.models import Author, Book

pytestmark = pytest.mark.django_db


def test_book_list_renders_the_titles():
    Book.objects.create(title="Dune", author=Author.objects.create(name="F. H."))
    response = Client().get("/library/books/")
    assert response.templates[0].name == "library/book_list.html"
    assert b"<li>Dune</li>" in response.content


def test_book_list_when_empty():
    assert b"No books yet." in Client().get("/library/books/").content


def test_opening_hours_is_async():
    assert inspect.iscoroutinefunction(views.opening_hours)
    response = asyncio.run(AsyncClient().get("/library/hours/"))
    assert response.json() == {"opens": "09:00", "closes": "18:00"}


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("not-found", 404),
        ("permission-denied", 403),
        ("bad-request", 400),
        ("suspicious", 400),
        ("error", 500),
    ],
)
def test_fail_raises_the_named_exception(kind, status):
    response = Client(raise_request_exception=False).get(f"/library/fail/{kind}/")
    assert response.status_code == status


def test_login_page_has_a_form():
    response = Client().get("/library/login/")
    assert b'name="username"' in response.content
