import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import models as auth_models
from django.core.management import call_command
from django.db import IntegrityError
from django.db.models.signals import post_save

from accounts.models import Profile, User
from accounts.receivers import create_profile

pytestmark = pytest.mark.django_db


def test_the_project_user_model_is_accounts_user():
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert get_user_model() is User
    assert auth_models.User._meta.swapped == "accounts.User"
    assert Profile._meta.get_field("user").related_model is User


def test_every_new_user_gets_one_profile():
    user = User.objects.create_user("ada")
    assert user.profile.user == user
    user.first_name = "Ada"
    user.save()
    assert Profile.objects.count() == 1


def test_a_receiver_for_auth_user_never_fires():
    calls = []

    def record(sender, **kwargs):
        calls.append(sender)

    post_save.connect(record, sender=auth_models.User)
    User.objects.create_user("ada")
    assert calls == []


def write_fixture(tmp_path, objects):
    path = tmp_path / "people.json"
    path.write_text(json.dumps(objects))
    return str(path)


USERS_AND_PROFILES = [
    {"model": "accounts.user", "pk": 1, "fields": {"username": "ada", "password": ""}},
    {"model": "accounts.user", "pk": 2, "fields": {"username": "bob", "password": ""}},
    {"model": "accounts.profile", "pk": 7, "fields": {"user": 1, "display_name": "A"}},
    {"model": "accounts.profile", "pk": 8, "fields": {"user": 2, "display_name": "B"}},
]


def test_loaddata_of_users_and_profiles_keeps_the_fixture_profiles(tmp_path):
    call_command("loaddata", write_fixture(tmp_path, USERS_AND_PROFILES), verbosity=0)
    assert list(Profile.objects.order_by("pk").values_list("pk", "display_name")) == [
        (7, "A"),
        (8, "B"),
    ]


def test_without_the_raw_check_loaddata_fails(tmp_path):
    def naive_create_profile(sender, instance, created, **kwargs):
        if created:
            Profile.objects.create(user=instance)

    post_save.disconnect(create_profile, sender=settings.AUTH_USER_MODEL)
    post_save.connect(naive_create_profile, sender=User)
    with pytest.raises(IntegrityError, match="user_id"):
        call_command(
            "loaddata", write_fixture(tmp_path, USERS_AND_PROFILES), verbosity=0
        )


def test_loaddata_of_users_alone_creates_no_profile(tmp_path):
    call_command(
        "loaddata", write_fixture(tmp_path, USERS_AND_PROFILES[:2]), verbosity=0
    )
    assert Profile.objects.count() == 0
    assert Profile.objects.create_missing() == 2


def test_createsuperuser_gets_a_profile_too():
    call_command(
        "createsuperuser",
        interactive=False,
        username="root",
        email="root@example.com",
        verbosity=0,
    )
    assert User.objects.get(username="root").profile.display_name == ""
