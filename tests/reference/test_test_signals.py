"""template_rendered and the test client, shown on docs/reference/test-signals.md."""

import pytest
from django.template import Template
from django.test import Client
from django.test.runner import DiscoverRunner
from django.test.utils import (
    instrumented_test_render,
    setup_test_environment,
    teardown_test_environment,
)

pytestmark = pytest.mark.django_db


# --8<-- [start:client]
def test_the_test_client_records_templates_through_template_rendered():
    response = Client().get("/library/books/")
    assert [template.name for template in response.templates] == [
        "library/book_list.html"
    ]
    assert list(response.context["books"]) == []

    teardown_test_environment()  # what a test runner undoes at the end
    try:
        response = Client().get("/library/books/")
    finally:
        setup_test_environment()
    assert response.status_code == 200
    assert response.templates == []  # no signal, nothing recorded
    assert response.context is None


# --8<-- [end:client]


def test_djangos_test_runner_installs_the_render_that_sends_the_signal():
    """What test-signals.md says of Django's runner (pytest-django: the snippets)."""
    teardown_test_environment()
    try:
        assert Template._render is not instrumented_test_render
        runner = DiscoverRunner(verbosity=0)
        runner.setup_test_environment()
        assert Template._render is instrumented_test_render
        runner.teardown_test_environment()
    finally:
        setup_test_environment()
