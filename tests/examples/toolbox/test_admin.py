import pytest
from django.contrib import admin
from django.core import mail

from accounts.models import User
from toolbox.models import SaveSubscriber, ServiceSubscriber, SignalSubscriber

MODELS = [SignalSubscriber, SaveSubscriber, ServiceSubscriber]


def test_subscribers_are_in_the_admin():
    for model in MODELS:
        assert admin.site.is_registered(model)


@pytest.mark.django_db(transaction=True)
def test_the_admin_add_page_welcomes_through_the_receiver_and_save_not_the_service(
    client,
):
    client.force_login(User.objects.create_superuser("admin"))
    for model in MODELS:
        name = model._meta.model_name
        response = client.post(
            f"/admin/toolbox/{name}/add/", {"email": f"{name}@example.com"}
        )
        assert response.status_code == 302
        assert model.objects.get().email == f"{name}@example.com"
    assert [message.to[0] for message in mail.outbox] == [
        "signalsubscriber@example.com",
        "savesubscriber@example.com",
    ]
