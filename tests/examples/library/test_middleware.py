import pytest
from django.conf import settings
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

MIDDLEWARE = [*settings.MIDDLEWARE, "library.middleware.MaintenancePageMiddleware"]


@override_settings(MIDDLEWARE=MIDDLEWARE)
def test_a_runtime_error_becomes_a_503_page():
    response = Client().get("/library/fail/error/")
    assert (response.status_code, response.content) == (503, b"Back in a minute.")


@override_settings(MIDDLEWARE=MIDDLEWARE)
def test_other_exceptions_are_left_to_django():
    assert Client().get("/library/fail/not-found/").status_code == 404
