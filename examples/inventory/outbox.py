"""The relay of the transactional outbox: delivers stored messages."""

from django.utils import timezone

from .models import OutboxMessage


# --8<-- [start:deliver_pending]
def deliver_pending(send, limit=100):
    """Pass undelivered messages to send(), oldest first; return how many.

    A message is marked delivered only after send() returned, so a crash in
    between sends it again later: delivery is at least once, and receivers
    of the messages must accept duplicates (the message id identifies them).
    If send() raises, the message and the ones after it stay pending.
    Run one relay at a time: a relay started while another one is sending
    reads the same pending messages and sends them again.
    """
    delivered = 0
    pending = OutboxMessage.objects.filter(delivered_at=None).order_by("id")
    for message in pending[:limit]:
        send(message)
        message.delivered_at = timezone.now()
        message.save(update_fields=["delivered_at"])
        delivered += 1
    return delivered


# --8<-- [end:deliver_pending]
