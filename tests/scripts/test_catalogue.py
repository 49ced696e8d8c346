"""scripts/catalogue.py rejects what Django does not send."""

from pathlib import Path

from django.apps import AppConfig, apps
from django.test.client import ClientHandler

from library.models import Book
from scripts import catalogue


def test_a_wrong_catalogue_entry_fails():
    """The checks reject a sender, a kwarg set or a type that is not what Django sends."""
    assert not catalogue.matches_sender(
        ClientHandler, {"is": "django.core.handlers.wsgi.WSGIHandler"}
    )
    assert not catalogue.matches_sender("django.contrib.auth", {"equals": None})
    assert not catalogue.matches_sender(None, {"subclass_of": "django.db.models.Model"})
    assert not catalogue.matches_type([1], "tuple")
    assert not catalogue.matches_type(None, "dict")
    assert catalogue.matches_type(Book, "type[django.db.models.Model]")
    assert not catalogue.matches_type(Book(), "type[django.db.models.Model]")
    assert isinstance(Path("x"), catalogue.resolve("pathlib.Path"))
    assert isinstance(apps.get_app_config("library"), AppConfig)
