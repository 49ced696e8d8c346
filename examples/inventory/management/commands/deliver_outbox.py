import json

from django.core.management.base import BaseCommand

from inventory.outbox import deliver_pending


class Command(BaseCommand):
    help = "Deliver the pending outbox messages (here: print them as JSON lines)."

    def handle(self, *args, **options):
        def send(message):
            # A real project posts to a webhook or a message broker here.
            self.stdout.write(
                json.dumps(
                    {"id": message.pk, "topic": message.topic, **message.payload}
                )
            )

        count = deliver_pending(send)
        self.stderr.write(f"{count} message(s) delivered")
