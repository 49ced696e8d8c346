from django.apps import AppConfig


# --8<-- [start:ready]
class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        # Connects create_profile. Login auditing is not connected here:
        # see accounts/login_audit.py.
        from . import receivers  # noqa: F401


# --8<-- [end:ready]
