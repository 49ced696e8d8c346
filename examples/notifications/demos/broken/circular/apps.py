from django.apps import AppConfig


class CircularConfig(AppConfig):
    name = "notifications.demos.broken.circular"
