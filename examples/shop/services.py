"""Service functions: the shop's business operations."""

from django.db import transaction

from .models import Order
from .signals import order_placed


# --8<-- [start:place_order]
def place_order(number, customer=None):
    """Create an order and tell the rest of the project about it."""
    with transaction.atomic():
        order = Order.objects.create(number=number, customer=customer)
        order_placed.send(sender=Order, order=order)
    return order


# --8<-- [end:place_order]
