"""Checks of docs/tools/drf.md that its snippets do not show."""

import base64
import copy
import sys
from importlib.metadata import distribution
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.handlers.base import BaseHandler
from django.db import connection, connections, transaction
from django.db.models.signals import m2m_changed, post_save
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from packaging.specifiers import SpecifierSet
from rest_framework import exceptions, serializers
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from integrations.api import CategoryWithProductsSerializer, ProductViewSet
from inventory.models import Product, Tag
from scripts.project import DJANGO, EXAMPLES, SERIES
from scripts.shell import run_python

DRF = distribution("djangorestframework")


def test_drf_declares_every_supported_django_series():
    classifiers = DRF.metadata.get_all("Classifier")
    for series in SERIES:
        assert f"Framework :: Django :: {series}" in classifiers
    (django_requirement,) = [
        r for r in DRF.requires if r.replace(" ", "").startswith("django")
    ]
    specifier = SpecifierSet(django_requirement.replace(" ", "")[len("django") :])
    assert str(specifier) == ">=5.2"
    assert all(release in specifier for release in DJANGO.values())


def test_the_page_names_the_installed_version():
    page = (EXAMPLES.parent / "docs/tools/drf.md").read_text("utf-8")
    assert f"djangorestframework {DRF.version}" in page


def test_override_settings_of_databases_leaves_atomic_requests_off():
    databases = copy.deepcopy(settings.DATABASES)
    databases["default"]["ATOMIC_REQUESTS"] = True
    with pytest.warns(UserWarning, match="Overriding setting DATABASES"):
        with override_settings(DATABASES=databases):
            assert connections.settings["default"]["ATOMIC_REQUESTS"] is False
            assert connection.settings_dict["ATOMIC_REQUESTS"] is False
    # What Django reads when it wraps a view is the connection's own dict.
    assert connections.settings["default"] is connection.settings_dict


class RejectAfterSave(ProductViewSet):
    def perform_create(self, serializer):
        serializer.save()
        raise exceptions.ValidationError({"sku": "rejected after the save"})


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("atomic_requests", [False, True])
def test_an_error_response_rolls_back_only_with_atomic_requests(atomic_requests):
    """DRF's exception handler calls set_rollback() under ATOMIC_REQUESTS."""
    callbacks = []

    def on_save(sender, instance, **kwargs):
        transaction.on_commit(lambda: callbacks.append(instance.sku))

    post_save.connect(on_save, sender=Product)
    view = RejectAfterSave.as_view({"post": "create"})
    # The handler wraps the view in atomic(); here, as Django does:
    with mock.patch.dict(connection.settings_dict, ATOMIC_REQUESTS=atomic_requests):
        wrapped = BaseHandler().make_view_atomic(view)
        request = APIRequestFactory().post(
            "/", {"sku": "APL-1", "name": "Apples"}, format="json"
        )
        response = wrapped(request)
    assert response.status_code == 400
    if atomic_requests:
        assert (Product.objects.count(), callbacks) == (0, [])
    else:
        assert (Product.objects.count(), callbacks) == (1, ["APL-1"])


@pytest.fixture
def auth_calls():
    """The auth signals sent during the test, in order."""
    calls = []

    def record(sender, signal, **kwargs):
        calls.append(signal)

    user_logged_in.connect(record)
    user_login_failed.connect(record)
    yield calls  # record stays referenced, so connected, until the test ends


@pytest.mark.django_db
def test_token_authentication_sends_no_auth_signal(auth_calls):
    """DRF's TokenAuthentication, with a stand-in for its Token table."""
    ann = get_user_model().objects.create_user("ann", password="correct horse")
    token = SimpleNamespace(user=ann, key="abc")

    class Tokens:
        DoesNotExist = LookupError

        @staticmethod
        def select_related(*fields):
            return Tokens

        @staticmethod
        def get(key):
            if key != token.key:
                raise LookupError
            return token

    class Authentication(TokenAuthentication):
        model = SimpleNamespace(objects=Tokens, DoesNotExist=LookupError)

    request = APIRequestFactory().get("/", HTTP_AUTHORIZATION="Token abc")
    assert Authentication().authenticate(request) == (ann, token)
    request = APIRequestFactory().get("/", HTTP_AUTHORIZATION="Token wrong")
    with pytest.raises(exceptions.AuthenticationFailed):
        Authentication().authenticate(request)
    ann.refresh_from_db()
    assert (auth_calls, ann.last_login) == ([], None)
    # DRF's authentication classes do not even import login().
    assert "login" not in vars(sys.modules["rest_framework.authentication"])


@pytest.mark.django_db
def test_session_authentication_uses_the_login_made_before(auth_calls):
    get_user_model().objects.create_user("ann", password="correct horse")
    client = APIClient()
    with override_settings(ROOT_URLCONF="integrations.api"):
        assert client.login(username="ann", password="correct horse")
        assert auth_calls == [user_logged_in]
        response = client.post("/api/orders/", {"number": "A-1"}, format="json")
        assert response.status_code == 201
        response = client.post("/api/orders/", {"number": "A-2"}, format="json")
        assert response.status_code == 201
    assert auth_calls == [user_logged_in]


class SessionLogin(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        login(request, request.user)
        return Response({"username": request.user.get_username()})


@pytest.mark.django_db
def test_login_in_an_api_view_sets_a_session_cookie(auth_calls):
    ann = get_user_model().objects.create_user("ann", password="correct horse")
    credentials = base64.b64encode(b"ann:correct horse").decode()
    request = APIRequestFactory().post("/", HTTP_AUTHORIZATION=f"Basic {credentials}")
    response = SessionMiddleware(SessionLogin.as_view())(request)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME in response.cookies
    ann.refresh_from_db()
    assert auth_calls == [user_logged_in] and ann.last_login is not None


@pytest.mark.django_db
def test_update_last_login_alone_sends_nothing(auth_calls):
    ann = get_user_model().objects.create_user("ann")
    update_last_login(None, ann)
    ann.refresh_from_db()
    assert auth_calls == [] and ann.last_login is not None


def test_the_admin_imports_every_admin_module_at_startup():
    code = (
        "import sys, django; django.setup(); "
        "print('inventory.admin' in sys.modules, 'django.contrib.admin' in "
        "__import__('django.conf').conf.settings.INSTALLED_APPS)"
    )
    assert run_python(code).stdout.split() == ["True", "True"]


@pytest.fixture
def api():
    with override_settings(ROOT_URLCONF="integrations.api"):
        yield APIClient()


@pytest.mark.django_db
def test_the_same_tags_again_send_no_m2m_changed(api):
    Tag.objects.create(name="fresh")
    data = {"sku": "APL-1", "name": "Apples", "tags": ["fresh"]}
    api.post("/api/products/", data, format="json")
    actions = []

    def record(sender, action, **kwargs):
        actions.append(action)

    m2m_changed.connect(record, sender=Product.tags.through)
    api.patch("/api/products/APL-1/", {"tags": ["fresh"]}, format="json")
    api.patch("/api/products/APL-1/", {"name": "Green apples"}, format="json")
    assert actions == []


class TagAfterSaveViewSet(ProductViewSet):
    def perform_create(self, serializer):
        instance = serializer.save()
        instance.tags.add(Tag.objects.get_or_create(name="new")[0])


@pytest.mark.django_db
def test_perform_create_after_save_keeps_its_tag():
    Tag.objects.create(name="fresh")
    view = TagAfterSaveViewSet.as_view({"post": "create"})
    data = {"sku": "APL-1", "name": "Apples", "tags": ["fresh"]}
    response = view(APIRequestFactory().post("/", data, format="json"))
    assert response.data["tags"] == ["fresh", "new"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("url", "tags"),
    [("/api/products/", ["fresh"]), ("/api/atomic-products/", ["fresh", "new"])],
)
def test_a_tag_added_on_commit_survives_only_in_a_transaction(api, url, tags):
    Tag.objects.create(name="fresh")

    def tag_new_products(sender, instance, created, **kwargs):
        def add_new():
            instance.tags.add(Tag.objects.get_or_create(name="new")[0])

        if created:
            transaction.on_commit(add_new)

    post_save.connect(tag_new_products, sender=Product)
    data = {"sku": "APL-1", "name": "Apples", "tags": ["fresh"]}
    assert api.post(url, data, format="json").status_code == 201
    assert [tag.name for tag in Product.objects.get().tags.all()] == tags


@pytest.mark.django_db
def test_model_serializer_refuses_nested_writes():
    class Nested(CategoryWithProductsSerializer):
        create = serializers.ModelSerializer.create

    serializer = Nested(data={"name": "Fruit", "products": []})
    assert serializer.is_valid(), serializer.errors
    with pytest.raises(AssertionError, match="does not support writable nested"):
        serializer.save()


@pytest.mark.django_db
def test_a_patch_of_one_field_writes_every_column(api):
    Product.objects.create(sku="APL-1", name="Apples", price="2.50")
    with CaptureQueriesContext(connection) as queries:
        api.patch("/api/products/APL-1/", {"price": "2.80"}, format="json")
    (update,) = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    for column in ("sku", "name", "slug", "price", "discontinued", "category_id"):
        assert f'"{column}" =' in update, update
