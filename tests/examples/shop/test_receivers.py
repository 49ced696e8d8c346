import pytest
from django.core import serializers

from shop.models import ActivityLog, Order
from shop.services import place_order

pytestmark = pytest.mark.django_db


def messages():
    return list(ActivityLog.objects.values_list("message", flat=True))


def test_a_new_order_is_logged_once():
    order = Order.objects.create(number="T-1")
    order.status = Order.Status.PAID
    order.save()
    assert messages() == ["Order T-1 was created"]


def test_loading_a_fixture_logs_nothing():
    data = serializers.serialize("json", [Order(pk=7, number="F-1")])
    for obj in serializers.deserialize("json", data):
        obj.save()  # DeserializedObject.save() sends post_save with raw=True
    assert Order.objects.get(pk=7).number == "F-1"
    assert messages() == []


def test_placing_an_order_logs_creation_then_placement():
    place_order("T-2")
    assert messages() == ["Order T-2 was created", "Order T-2 was placed"]
