"""Test doubles for the request signals: a broken URLconf and middleware."""

from django.urls import include, path

# A URLconf whose 404 handler raises.
urlpatterns = [path("library/", include("library.urls"))]


def broken_not_found(request, exception):
    raise RuntimeError("the 404 handler itself fails")


handler404 = "tests.pages.reference.fakes.broken_not_found"


class RaisingMiddleware:
    """A middleware that fails before the view is called."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise RuntimeError("the middleware fails")


EVENTS = []


class RecordingMiddleware:
    """Appends "middleware" to EVENTS when a request reaches it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        EVENTS.append("middleware")
        return self.get_response(request)
