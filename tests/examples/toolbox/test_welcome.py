from django.core import mail

from toolbox.models import SignalSubscriber
from toolbox.welcome import send_welcome_email


def test_sends_one_email_to_the_subscriber(settings):
    send_welcome_email(SignalSubscriber(email="ada@example.com"))
    (message,) = mail.outbox
    assert message.to == ["ada@example.com"]
    assert message.subject == "Welcome!"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
