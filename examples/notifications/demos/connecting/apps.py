from functools import partial

from django.apps import AppConfig


# --8<-- [start:ready]
class ConnectingConfig(AppConfig):
    name = "notifications.demos.connecting"
    ready_calls = 0  # how often ready() ran, for the Guide's snippet

    def ready(self):
        from notifications.signals import notification_created

        from . import receivers

        type(self).ready_calls += 1
        # The same function object each time: a second connect() is a no-op.
        notification_created.connect(receivers.count)
        # A new object each time: dispatch_uid keeps it to one registration.
        notification_created.connect(
            partial(receivers.forward, channel="email"),
            weak=False,
            dispatch_uid="connecting.forward_by_email",
        )


# --8<-- [end:ready]
