from accounts.models import User
from shop.models import ActivityLog, Order


def test_str():
    assert str(Order(number="S-1")) == "S-1"
    assert str(ActivityLog(message="hello")) == "hello"
    assert User._meta.label == "accounts.User"
