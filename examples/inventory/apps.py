from django.apps import AppConfig
from django.db.models.signals import post_migrate


# --8<-- [start:ready]
class InventoryConfig(AppConfig):
    name = "inventory"

    def ready(self):
        from . import receivers

        # post_migrate is sent once per app: sender=self keeps only ours.
        post_migrate.connect(receivers.create_default_units, sender=self)


# --8<-- [end:ready]
