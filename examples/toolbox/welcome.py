"""The feature that *Signals or something else?* implements three ways."""

from django.core.mail import send_mail


# --8<-- [start:send_welcome_email]
def send_welcome_email(subscriber):
    send_mail(
        subject="Welcome!",
        message=f"Thanks for subscribing, {subscriber.email}.",
        from_email=None,  # settings.DEFAULT_FROM_EMAIL
        recipient_list=[subscriber.email],
    )


# --8<-- [end:send_welcome_email]
