import pytest
from django.test import Client


def test_hello():
    assert Client().get("/recipes/hello/").content == b"Hello"


def test_countdown_streams_three_chunks():
    response = Client().get("/recipes/countdown/")
    assert response.streaming
    assert list(response.streaming_content) == [b"3\n", b"2\n", b"1\n"]


@pytest.mark.django_db
def test_login_page_renders_a_form():
    response = Client().get("/recipes/login/")
    assert b'name="username"' in response.content
