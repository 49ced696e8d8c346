import json
from io import StringIO

import pytest
from django.core.management import call_command

from inventory.models import OutboxMessage
from inventory.outbox import deliver_pending

pytestmark = pytest.mark.django_db


def message(topic):
    return OutboxMessage.objects.create(topic=topic, payload={"topic": topic})


def pending():
    return list(
        OutboxMessage.objects.filter(delivered_at=None).values_list("topic", flat=True)
    )


def test_messages_are_delivered_oldest_first_and_marked():
    message("first"), message("second")
    sent = []
    assert deliver_pending(lambda m: sent.append(m.topic)) == 2
    assert sent == ["first", "second"]
    assert pending() == []
    assert deliver_pending(sent.append) == 0  # nothing is sent twice


def test_a_failure_stops_the_run_and_keeps_the_rest_pending():
    message("first"), message("second"), message("third")
    sent = []

    def flaky(m):
        if m.topic == "second":
            raise ConnectionError("broker down")
        sent.append(m.topic)

    with pytest.raises(ConnectionError):
        deliver_pending(flaky)
    assert sent == ["first"]
    assert pending() == ["second", "third"]


def test_limit():
    message("first"), message("second")
    assert deliver_pending(lambda m: None, limit=1) == 1
    assert pending() == ["second"]


def test_the_command_prints_each_message_as_json():
    first = message("first")
    out, err = StringIO(), StringIO()
    call_command("deliver_outbox", stdout=out, stderr=err)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"id": first.pk, "topic": "first"}
    ]
    assert err.getvalue().strip() == "1 message(s) delivered"
