import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """The default cache lives as long as the process: start each test empty."""
    cache.clear()
    yield
    cache.clear()
