"""Authentication backends of the library app."""

from django.contrib.auth.backends import BaseBackend
from django.core.exceptions import PermissionDenied


# --8<-- [start:closed]
class ClosedLibraryBackend(BaseBackend):
    """Put first in AUTHENTICATION_BACKENDS to refuse every login."""

    def authenticate(self, request, **credentials):
        raise PermissionDenied("The library is closed.")


# --8<-- [end:closed]
