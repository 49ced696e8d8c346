"""Receivers of the shop app, connected by ShopConfig.ready()."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ActivityLog, Order
from .signals import order_placed


# --8<-- [start:log_new_order]
@receiver(post_save, sender=Order)
def log_new_order(sender, instance, created, raw, **kwargs):
    # raw is True while `loaddata` saves a fixture: leave the database alone.
    if created and not raw:
        ActivityLog.objects.create(message=f"Order {instance.number} was created")


# --8<-- [end:log_new_order]


# --8<-- [start:log_placed_order]
@receiver(order_placed)
def log_placed_order(sender, order, **kwargs):
    ActivityLog.objects.create(message=f"Order {order.number} was placed")


# --8<-- [end:log_placed_order]
