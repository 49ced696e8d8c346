import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing with the default hasher takes a noticeable time per password."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
