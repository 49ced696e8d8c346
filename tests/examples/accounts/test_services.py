import pytest

from accounts.models import User
from accounts.services import sign_up
from accounts.signals import user_signed_up

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_creates_the_user_and_sends_user_signed_up():
    calls = []

    def record(sender, user, **kwargs):
        calls.append((sender, user.username))

    user_signed_up.connect(record)
    user = sign_up("ada", "ada@example.com", "correct horse")
    assert user.check_password("correct horse")
    assert calls == [(User, "ada")]


def test_a_failing_receiver_undoes_the_sign_up():
    def fail(sender, **kwargs):
        raise RuntimeError("mail server down")

    user_signed_up.connect(fail)
    with pytest.raises(RuntimeError):
        sign_up("ada", "ada@example.com", "correct horse")
    assert not User.objects.exists()
