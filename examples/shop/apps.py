from django.apps import AppConfig


# --8<-- [start:ready]
class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        # Importing the module runs its @receiver decorators, which connect
        # the receivers. ready() runs once the app registry is fully loaded.
        from . import receivers  # noqa: F401


# --8<-- [end:ready]
