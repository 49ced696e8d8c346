from django.apps import AppConfig


# --8<-- [start:ready]
class RecipesConfig(AppConfig):
    name = "recipes"

    def ready(self):
        # One module per recipe; importing it connects its receivers, which
        # all filter on this app's models or listen to a custom signal.
        # recipes.timing is connected on demand, not here.
        from . import audit, caching, counters, tagging, welcome  # noqa: F401


# --8<-- [end:ready]
