"""Custom signals sent by the shop app."""

from django.dispatch import Signal

# --8<-- [start:order_placed]
order_placed = Signal()
"""Sent by `shop.services.place_order()` after a new order is saved.

Sender: the `Order` class.

Keyword arguments:
    order: the `Order` instance that was placed.
"""
# --8<-- [end:order_placed]
