"""Views of the library app: one sync, one async, one that fails on purpose."""

from django.core.exceptions import (
    BadRequest,
    PermissionDenied,
    SuspiciousOperation,
)
from django.http import Http404, JsonResponse
from django.shortcuts import render

from .models import Book


def book_list(request):
    """A synchronous view that renders a template."""
    return render(request, "library/book_list.html", {"books": Book.objects.all()})


async def opening_hours(request):
    """An asynchronous view that needs no database."""
    return JsonResponse({"opens": "09:00", "closes": "18:00"})


# --8<-- [start:fail]
FAILURES = {
    "error": RuntimeError,
    "not-found": Http404,
    "permission-denied": PermissionDenied,
    "bad-request": BadRequest,
    "suspicious": SuspiciousOperation,
}


def fail(request, kind):
    """Raise the exception named by `kind`, to show how Django handles each one."""
    raise FAILURES[kind](f"{kind} raised on purpose")


# --8<-- [end:fail]
