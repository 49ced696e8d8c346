import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(
    AUTHENTICATION_BACKENDS=[
        "library.backends.ClosedLibraryBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
)
def test_the_closed_library_backend_refuses_valid_credentials():
    get_user_model().objects.create_user("ann", password="correct horse")
    assert authenticate(username="ann", password="correct horse") is None
