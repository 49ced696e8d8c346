"""The fixture the Guide shows (examples/notifications/tests.py), for these tests too."""

from notifications.tests import sent_notification_created  # noqa: F401
