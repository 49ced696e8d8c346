import asyncio

import pytest

from library.servers import serve_asgi, serve_wsgi

pytestmark = pytest.mark.django_db(transaction=True)


def test_serve_wsgi_returns_the_status_code():
    assert serve_wsgi("/library/hours/") == 200
    assert serve_wsgi("/library/fail/not-found/") == 404


def test_serve_asgi_returns_the_status_code():
    assert asyncio.run(serve_asgi("/library/hours/")) == 200
