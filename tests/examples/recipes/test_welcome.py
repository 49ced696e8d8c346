import pytest

from accounts.models import User
from accounts.services import sign_up
from accounts.signals import user_signed_up
from recipes.models import Message

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_signing_up_sends_a_welcome_message():
    user = sign_up("ada", "ada@example.com", "correct horse")
    assert list(user.inbox_messages.values_list("text", flat=True)) == ["Welcome, ada!"]


def test_the_receiver_can_be_tested_by_sending_the_signal():
    user = User.objects.create_user("bob")
    user_signed_up.send(sender=User, user=user)
    assert str(Message.objects.get()) == "Welcome, bob!"


def test_a_user_created_another_way_gets_no_message():
    User.objects.create_user("carol")
    assert not Message.objects.exists()


def test_the_welcome_module_does_not_import_accounts_models():
    import recipes.welcome as welcome

    imported = {getattr(value, "__module__", "") for value in vars(welcome).values()}
    assert "accounts.models" not in imported
    assert "accounts.signals" not in imported  # a Signal instance has no module
    assert welcome.user_signed_up is user_signed_up
