import pytest

from library.models import Author, Bestseller, Book, Loan, Tag

pytestmark = pytest.mark.django_db


def test_str():
    author = Author(name="Frank Herbert")
    book = Book(title="Dune", author=author)
    assert str(author) == "Frank Herbert"
    assert str(Tag(name="sf")) == "sf"
    assert str(book) == "Dune"
    assert str(Loan(book=book, reader="Ann")) == "loan to Ann"


def test_bestseller_is_a_proxy_of_book():
    author = Author.objects.create(name="Frank Herbert")
    Bestseller.objects.create(title="Dune", author=author)
    assert Bestseller._meta.proxy
    assert Book.objects.get().title == "Dune"


def test_deleting_an_author_deletes_books_and_loans():
    author = Author.objects.create(name="Frank Herbert")
    book = Book.objects.create(title="Dune", author=author)
    Loan.objects.create(book=book, reader="Ann")
    author.delete()
    assert (Book.objects.count(), Loan.objects.count()) == (0, 0)
