from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    """Signals with the tools people use beside Django: the admin, task queues,
    Django REST framework, factory_boy, pytest-django, model-hook libraries."""

    name = "integrations"
