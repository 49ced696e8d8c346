"""Models of the library app: the reference pages trigger every model signal on them."""

from django.db import models


# --8<-- [start:models]
class Author(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    tags = models.ManyToManyField(Tag, related_name="books", blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class Loan(models.Model):
    """A book lent to a reader; deleting the book deletes its loans."""

    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="loans")
    reader = models.CharField(max_length=100)

    def __str__(self):
        return f"loan to {self.reader}"


class Bestseller(Book):
    """A proxy model: the same table as Book, another class (so another sender)."""

    class Meta:
        proxy = True


# --8<-- [end:models]
