from django.apps import AppConfig


# --8<-- [start:ready]
class NotificationsConfig(AppConfig):
    name = "notifications"

    def ready(self):
        # Import the receivers only now: the module imports models, and
        # models can be imported once every app is loaded.
        from . import receivers  # noqa: F401


# --8<-- [end:ready]
