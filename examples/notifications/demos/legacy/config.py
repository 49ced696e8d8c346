from django.apps import AppConfig


# --8<-- [start:config]
class LegacyConfig(AppConfig):
    """The app's configuration, in a module Django does not search."""

    name = "notifications.demos.legacy"
    verbose_name = "Legacy notifications"


# --8<-- [end:config]
