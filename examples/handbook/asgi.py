"""ASGI entry point: `uvicorn handbook.asgi:application` from examples/."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "handbook.settings")
application = get_asgi_application()
