from django.apps import AppConfig


class ToolboxConfig(AppConfig):
    name = "toolbox"

    def ready(self):
        from . import receivers  # noqa: F401
