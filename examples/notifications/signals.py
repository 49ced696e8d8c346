"""Custom signals sent by the notifications app.

This module defines signals and nothing else, so any module can import it
without importing models: no circular imports, no AppRegistryNotReady.
"""

from django.dispatch import Signal

# --8<-- [start:notification_created]
notification_created = Signal()
"""Sent by `notifications.services.notify()` once a new notification is saved.

Sent inside the transaction that saved the notification: what a receiver
writes to the database commits or rolls back with it. A receiver that talks
to the outside world should wait for the commit (`transaction.on_commit()`).

Sender: the `Notification` class.

Arguments passed to receivers, besides `signal` and `sender`:

- `notification`: the `Notification` that was created.
"""
# --8<-- [end:notification_created]

# --8<-- [start:notification_read]
notification_read = Signal()
"""Sent by `Notification.mark_read()` the first time a notification is read.

Sender: the `Notification` class, also for instances of its proxy models.

Arguments passed to receivers, besides `signal` and `sender`:

- `notification`: the `Notification` that was read.
"""
# --8<-- [end:notification_read]
