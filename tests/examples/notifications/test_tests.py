"""The example tests of examples/notifications/tests.py, run by pytest.

pytest collects the test functions and the fixture imported here.
"""

from notifications.tests import (  # noqa: F401
    sent_notification_created,
    test_notify_sends_notification_created,
    test_queue_email_copy_queues_one_email,
)
