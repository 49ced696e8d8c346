"""Receivers of the inventory app, connected by InventoryConfig.ready().

Each receiver is connected with a sender, so it runs for inventory models
only: the rest of the project never pays for it.
"""

from django.apps import apps as global_apps
from django.db import router, transaction
from django.db.models import Sum
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import OutboxMessage, PriceChange, Product, StockMovement
from .services import send_out_of_stock_email


# --8<-- [start:for_subclasses]
def receiver_for_subclasses(signal, base, **options):
    """Like @receiver(signal, sender=base), plus every proxy and child of base.

    A signal matches its sender by identity: a receiver connected with
    sender=Product is not called for a proxy or a multi-table child.
    """

    def connect(func):
        for model in global_apps.get_models():
            if issubclass(model, base):
                signal.connect(func, sender=model, **options)
        return func

    return connect


# --8<-- [end:for_subclasses]


# --8<-- [start:record_price_change]
@receiver_for_subclasses(post_save, Product)
def record_price_change(sender, instance, created, raw, update_fields, **kwargs):
    if created or raw:
        return
    if update_fields is not None and "price" not in update_fields:
        return  # the price column was not written
    if instance.has_changed("price"):  # None: the price was not loaded
        PriceChange.objects.create(
            product=instance,
            old_price=instance.loaded_value("price"),
            new_price=instance.price,
        )


# --8<-- [end:record_price_change]


# --8<-- [start:outbox]
@receiver_for_subclasses(post_save, Product)
def announce_new_product(sender, instance, created, raw, **kwargs):
    # post_save runs inside the transaction of the save, if there is one:
    # then the message is stored if, and only if, the product is. Save
    # products inside atomic() (services.create_product() does): in
    # autocommit mode the product is already committed here.
    if created and not raw:
        OutboxMessage.objects.create(
            topic="product.created",
            payload={"sku": instance.sku, "name": instance.name},
        )


# --8<-- [end:outbox]


# --8<-- [start:out_of_stock]
@receiver(post_save, sender=StockMovement)
def warn_when_out_of_stock(sender, instance, created, raw, using, **kwargs):
    if not created or raw or instance.quantity >= 0:
        return
    stock = StockMovement.objects.using(using).filter(product=instance.product_id)
    left = stock.aggregate(total=Sum("quantity"))["total"]
    if left <= 0 < left - instance.quantity:  # this movement emptied the stock
        product_id = instance.product_id

        def email_purchasing():
            send_out_of_stock_email(product_id)

        # Not now: the movement may still be rolled back. After the commit;
        # robust: a mail server that is down is logged, and does not turn a
        # committed movement into an error for the code that saved it. (A
        # def, not a functools.partial: see docs/orm/transactions.md.)
        transaction.on_commit(email_purchasing, using=using, robust=True)


# --8<-- [end:out_of_stock]


# --8<-- [start:default_units]
DEFAULT_UNITS = {"pcs": "piece", "kg": "kilogram", "l": "litre"}


def create_default_units(sender, using, apps=global_apps, **kwargs):
    """Create the default units after migrate (and flush); safe to run again.

    migrate passes the migrated state's registry as apps; flush passes none.
    """
    try:
        Unit = apps.get_model("inventory", "Unit")
    except LookupError:
        return  # migrated back to before Unit existed
    if not router.allow_migrate_model(using, Unit):
        return
    for code, name in DEFAULT_UNITS.items():
        Unit.objects.using(using).get_or_create(code=code, defaults={"name": name})


# --8<-- [end:default_units]
