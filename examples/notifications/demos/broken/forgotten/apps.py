from django.apps import AppConfig


# --8<-- [start:config]
class ForgottenConfig(AppConfig):
    name = "notifications.demos.broken.forgotten"
    # No ready(): nothing imports receivers.py.


# --8<-- [end:config]
