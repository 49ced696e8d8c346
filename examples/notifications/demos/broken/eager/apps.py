from django.apps import AppConfig

# --8<-- [start:too_early]
# Wrong: this runs while Django imports apps.py, before any model is loaded.
from . import receivers  # noqa: F401


class EagerConfig(AppConfig):
    name = "notifications.demos.broken.eager"


# --8<-- [end:too_early]
