"""Middleware of the library app."""

from django.http import HttpResponse


# --8<-- [start:maintenance]
class MaintenancePageMiddleware:
    """Answer 503 instead of 500 when a view fails with a RuntimeError."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RuntimeError):
            return HttpResponse("Back in a minute.", status=503)
        return None  # let Django handle every other exception


# --8<-- [end:maintenance]
