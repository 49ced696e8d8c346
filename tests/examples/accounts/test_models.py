import pytest

from accounts.models import LoginEvent, Profile, User

pytestmark = pytest.mark.django_db


def test_str():
    user = User(username="ada")
    assert str(Profile(user=user)) == "Profile of ada"
    assert str(LoginEvent(kind="failed")) == "failed - from ?"
    event = LoginEvent(kind="logged_in", username="ada", ip_address="127.0.0.1")
    assert str(event) == "logged_in ada from 127.0.0.1"


def test_create_missing_profiles_for_users_created_without_signals():
    User.objects.create(username="has-one")
    User.objects.bulk_create([User(username="a"), User(username="b")])
    assert Profile.objects.count() == 1
    assert Profile.objects.create_missing() == 2
    assert Profile.objects.create_missing() == 0
    assert sorted(Profile.objects.values_list("user__username", flat=True)) == [
        "a",
        "b",
        "has-one",
    ]
