"""Checks of docs/reference/test-signals.md: template_rendered, sent for real.

One trigger per case of the page's signals in signals.json (see capture.py).
"""

import pytest
from django.template import Context, Engine, RequestContext, Template
from django.test import Client
from django.test.runner import DiscoverRunner
from django.test.utils import (
    instrumented_test_render,
    setup_test_environment,
    teardown_test_environment,
)

from tests.pages.reference.capture import Triggers, page_tests

TRIGGERS = Triggers()


@TRIGGERS.on("template_rendered:render")
def render(capture):
    with capture:
        Template("{{ greeting }}").render(Context({"greeting": "hi"}))
        Client().get("/library/books/")
        Template('{% include "library/book_list.html" %}').render(Context())
        Template('{% extends "library/book_list.html" %}').render(Context())
    assert isinstance(capture.calls[1][1]["context"], RequestContext)  # render()
    names = [template.origin.template_name for template in capture.senders]
    assert (
        names == [None, "library/book_list.html"] + [None, "library/book_list.html"] * 2
    )
    return capture.senders


@TRIGGERS.on("template_rendered:partial")
def render_partial(capture):
    source = "{% partialdef row %}{{ title }}{% endpartialdef %}{% partial row %}"
    template = Template(source)
    partial = template.extra_data["partials"]["row"]
    locmem = ("django.template.loaders.locmem.Loader", {"page.html": source})
    by_name = Engine(loaders=[locmem]).get_template("page.html#row")
    with capture:
        assert template.render(Context({"title": "Dune"})) == "Dune"
        assert by_name.render(Context({"title": "Dune"})) == "Dune"
    assert capture.senders == [template, partial, by_name]
    del capture.calls[0]  # the template itself: the "render" case
    return [partial, by_name]


test_capture, test_every_case_on_the_page_has_a_trigger = page_tests(
    "test-signals.md", TRIGGERS
)


# Django's test runner installs the render that sends template_rendered ------


@pytest.mark.django_db
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
