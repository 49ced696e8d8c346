"""Custom signals of the inventory app."""

from django.dispatch import Signal

# --8<-- [start:products_updated]
products_updated = Signal()
"""Sent by `ProductQuerySet.update_and_notify()` after a bulk update, inside
the transaction of the update.

Sender: the model class of the queryset.

Keyword arguments:
    pks: the primary keys of the updated rows, a list.
    fields: the names of the updated fields, a frozenset.
"""
# --8<-- [end:products_updated]
