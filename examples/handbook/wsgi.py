"""WSGI entry point: `gunicorn handbook.wsgi` from the examples/ folder."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "handbook.settings")
application = get_wsgi_application()
