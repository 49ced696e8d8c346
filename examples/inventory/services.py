"""Service functions: the inventory's business operations."""

from django.core.mail import send_mail
from django.db import transaction

from .models import Product


# --8<-- [start:create_product]
def create_product(sku, name, price=0, tags=()):
    """Create a product with its tags, in one transaction."""
    with transaction.atomic():
        product = Product.objects.create(sku=sku, name=name, price=price)
        product.tags.set(tags)
    return product


# --8<-- [end:create_product]


# --8<-- [start:send_out_of_stock_email]
def send_out_of_stock_email(product_id):
    """Tell purchasing that a product ran out. Runs after the commit."""
    # Read the row now: it may have changed, or gone, since the commit.
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return
    send_mail(
        subject=f"Out of stock: {product.sku}",
        message=f"{product.name} ({product.sku}) is out of stock.",
        from_email=None,
        recipient_list=["purchasing@example.com"],
    )


# --8<-- [end:send_out_of_stock_email]
