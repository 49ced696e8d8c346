import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.auth.tokens import default_token_generator
from django.test import Client

from accounts.login_audit import (
    connect_login_auditing,
    disconnect_login_auditing,
    stop_updating_last_login,
)
from accounts.models import LoginEvent, User

pytestmark = pytest.mark.django_db


def events():
    return list(LoginEvent.objects.values_list("kind", "username", "ip_address"))


@pytest.fixture
def ada():
    return User.objects.create_user("ada", password="correct horse")


def log_in(client, password, **extra):
    return client.post(
        "/recipes/login/", {"username": "ada", "password": password}, **extra
    )


def test_nothing_is_recorded_until_auditing_is_connected(ada):
    assert log_in(Client(), "correct horse").status_code == 302
    assert events() == []


def test_login_failed_login_and_logout_are_recorded_with_the_ip(ada):
    connect_login_auditing()
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert log_in(client, "wrong").status_code == 200
    assert log_in(client, "correct horse").status_code == 302
    assert client.post("/recipes/logout/").status_code == 200
    assert events() == [
        ("failed", "ada", "203.0.113.7"),
        ("logged_in", "ada", "203.0.113.7"),
        ("logged_out", "ada", "203.0.113.7"),
    ]
    assert [e.user for e in LoginEvent.objects.all()] == [None, ada, ada]


def test_an_anonymous_logout_is_recorded_without_a_user():
    users = []

    def record(sender, user, **kwargs):
        users.append((sender, user))

    user_logged_out.connect(record)
    connect_login_auditing()
    Client().post("/recipes/logout/")
    assert users == [(type(None), None)]
    assert events() == [("logged_out", "", "127.0.0.1")]
    assert LoginEvent.objects.get().user is None


def test_a_forwarded_for_header_does_not_change_the_address(ada):
    connect_login_auditing()
    log_in(Client(), "correct horse", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert events() == [("logged_in", "ada", "127.0.0.1")]


def test_authenticate_without_a_request_records_no_address(ada):
    connect_login_auditing()
    assert authenticate(username="ada", password="wrong") is None
    assert events() == [("failed", "ada", None)]


def test_an_overlong_username_is_cut_to_the_field_length():
    connect_login_auditing()
    authenticate(username="x" * 500, password="wrong")
    assert events() == [("failed", "x" * 150, None)]


def test_connecting_twice_records_once(ada):
    connect_login_auditing()
    connect_login_auditing()
    log_in(Client(), "correct horse")
    assert len(events()) == 1


def test_disconnecting_stops_the_recording(ada):
    connect_login_auditing()
    disconnect_login_auditing()
    log_in(Client(), "wrong")
    log_in(Client(), "correct horse")
    assert events() == []


def test_django_updates_last_login_by_default(ada):
    log_in(Client(), "correct horse")
    ada.refresh_from_db()
    assert ada.last_login is not None


def test_last_login_updates_can_be_stopped(ada):
    assert stop_updating_last_login() is True
    assert stop_updating_last_login() is False
    log_in(Client(), "correct horse")
    ada.refresh_from_db()
    assert ada.last_login is None


def test_auth_ready_connects_update_last_login_again(ada):
    from django.apps import apps

    stop_updating_last_login()
    apps.get_app_config("auth").ready()
    log_in(Client(), "correct horse")
    ada.refresh_from_db()
    assert ada.last_login is not None


def test_the_last_login_receiver_is_connected_without_a_sender():
    from django.contrib.auth.models import update_last_login

    assert user_logged_in.has_listeners(None)
    assert user_logged_in.disconnect(update_last_login) is False
    assert user_logged_in.disconnect(dispatch_uid="update_last_login") is True


def test_a_login_normally_invalidates_password_reset_tokens(ada):
    token = default_token_generator.make_token(ada)
    log_in(Client(), "correct horse")
    ada.refresh_from_db()
    assert default_token_generator.check_token(ada, token) is False


def test_without_last_login_updates_reset_tokens_survive_a_login(ada):
    stop_updating_last_login()
    token = default_token_generator.make_token(ada)
    log_in(Client(), "correct horse")
    ada.refresh_from_db()
    assert default_token_generator.check_token(ada, token) is True


def test_the_last_login_receiver_is_update_last_login_under_its_dispatch_uid():
    from django.contrib.auth.models import update_last_login

    entries = [e for e in user_logged_in.receivers if e[0][0] == "update_last_login"]
    assert len(entries) == 1
    assert entries[0][1]() is update_last_login


def test_user_logged_out_is_sent_with_the_user_class(ada):
    senders = []

    def record(sender, **kwargs):
        senders.append(sender)

    user_logged_out.connect(record)
    client = Client()
    log_in(client, "correct horse")
    client.post("/recipes/logout/")
    assert senders == [User]


def test_ready_methods_run_in_the_order_of_installed_apps(monkeypatch):
    from django.apps.registry import Apps
    from django.conf import settings
    from django.contrib.auth.apps import AuthConfig

    from accounts.apps import AccountsConfig

    order = []
    for config in (AuthConfig, AccountsConfig):
        monkeypatch.setattr(config, "ready", lambda self: order.append(self.label))
    Apps(["accounts", "django.contrib.auth"])
    Apps(["django.contrib.auth", "accounts"])
    assert order == ["accounts", "auth", "auth", "accounts"]
    apps_order = settings.INSTALLED_APPS
    assert apps_order.index("django.contrib.auth") < apps_order.index("accounts")
