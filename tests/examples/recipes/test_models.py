from recipes.models import (
    Article,
    AuditEntry,
    Bookmark,
    Comment,
    Message,
    Post,
    Product,
    Tag,
)


def test_str():
    assert str(Product(name="Kettle")) == "Kettle"
    entry = AuditEntry(action="created", model="recipes.product", object_pk="1")
    assert str(entry) == "created recipes.product 1"
    assert str(Article(title="Signals")) == "Signals"
    assert str(Post(title="Hello")) == "Hello"
    assert str(Comment(text="x" * 60)) == "x" * 50
    assert str(Tag(name="django")) == "django"
    assert str(Bookmark(url="https://example.com")) == "https://example.com"
    assert str(Message(text="Welcome")) == "Welcome"
