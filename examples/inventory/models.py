"""Models of the inventory app, used by the pages of *Signals and the ORM*.

The app has one model of each kind the ORM pages need: an abstract base,
a concrete model with a proxy and a multi-table child, many-to-many fields
with and without a custom through model, foreign keys with different
``on_delete`` behaviours, and an outbox table.
"""

from django.db import models, transaction

from .signals import products_updated


# --8<-- [start:timestamped]
class Timestamped(models.Model):
    """Abstract base: adds creation and modification times."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


# --8<-- [end:timestamped]


# --8<-- [start:loaded_values]
class RemembersLoadedValues(models.Model):
    """Keeps the field values read from the database, to compare on save."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        # **kwargs: Django 6.1 passes fetch_mode=, older versions nothing.
        instance = super().from_db(db, field_names, values, **kwargs)
        # Only the fields that were loaded: .only() and .defer() leave out some.
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance

    def loaded_value(self, field_name):
        """The value of field_name in the database, as far as this instance knows.

        None if the field was not loaded (see .only() and .defer()).
        """
        field = self._meta.get_field(field_name)
        return getattr(self, "_loaded_values", {}).get(field.attname)

    def has_changed(self, field_name):
        """Whether field_name differs from its loaded value; None if unknown."""
        field = self._meta.get_field(field_name)
        loaded = getattr(self, "_loaded_values", {})
        if field.attname not in loaded:
            return None
        # Compare Python values: "2.80" assigned by hand equals Decimal("2.80").
        return loaded[field.attname] != field.to_python(getattr(self, field.attname))

    def save(self, **kwargs):
        super().save(**kwargs)
        # The saved fields now hold the database's values: the new baseline.
        self._remember_values(kwargs.get("update_fields"))

    def refresh_from_db(self, using=None, fields=None, **kwargs):
        super().refresh_from_db(using=using, fields=fields, **kwargs)
        self._remember_values(fields)

    def _remember_values(self, field_names):
        if field_names is None:
            deferred = self.get_deferred_fields()
            fields = [
                field
                for field in self._meta.concrete_fields
                if field.attname not in deferred
            ]
        else:
            fields = [self._meta.get_field(name) for name in field_names]
        self._loaded_values = {
            **getattr(self, "_loaded_values", {}),
            **{
                field.attname: field.to_python(getattr(self, field.attname))
                for field in fields
            },
        }


# --8<-- [end:loaded_values]


class Unit(models.Model):
    """A unit of measure. The default units are created by post_migrate."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=30)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


class Category(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        verbose_name_plural = "categories"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.CharField(max_length=30, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Warehouse(models.Model):
    """A warehouse is identified by a short code: its primary key is set by hand."""

    code = models.CharField(max_length=10, primary_key=True)
    name = models.CharField(max_length=50)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


# --8<-- [start:product]
class ProductQuerySet(models.QuerySet):
    # --8<-- [start:update_and_notify]
    def update_and_notify(self, **values):
        """Like update(), and sends products_updated with the updated rows.

        The signal is sent inside the transaction of the update, as post_save
        is: what receivers write commits or rolls back with it.
        """
        with transaction.atomic(using=self.db):
            # After the update the filter may match other rows: read them
            # first, and lock them (on databases that can) so that they
            # cannot change between the read and the update.
            pks = list(self.select_for_update().values_list("pk", flat=True))
            rows = self.model._base_manager.using(self.db).filter(pk__in=pks)
            count = rows.update(**values)
            products_updated.send(sender=self.model, pks=pks, fields=frozenset(values))
        return count

    # --8<-- [end:update_and_notify]


class Product(RemembersLoadedValues, Timestamped):
    sku = models.CharField("SKU", max_length=20, unique=True)
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    discontinued = models.BooleanField(default=False)
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Many-to-many with the through model Django creates: Product.tags.through.
    tags = models.ManyToManyField(Tag, blank=True, related_name="products")
    # Many-to-many with our own through model, which holds a quantity.
    warehouses = models.ManyToManyField(
        Warehouse, through="StockLevel", blank=True, related_name="products"
    )

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["sku"]

    def __str__(self):
        return self.sku


# --8<-- [end:product]


# --8<-- [start:subclasses]
class DiscontinuedProductManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(discontinued=True)


class DiscontinuedProduct(Product):
    """A proxy: same table as Product, other Python behaviour."""

    objects = DiscontinuedProductManager()

    class Meta:
        proxy = True


class PerishableProduct(Product):
    """Multi-table inheritance: a row in Product's table plus one in its own."""

    shelf_life_days = models.PositiveIntegerField(default=7)


# --8<-- [end:subclasses]


class StockLevel(models.Model):
    """The custom through model of Product.warehouses."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE)
    quantity = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "warehouse"], name="unique_stock_level"
            )
        ]

    def __str__(self):
        return f"{self.product_id}@{self.warehouse_id}: {self.quantity}"


class StockMovement(models.Model):
    """Goods in (positive quantity) or out (negative). Deleted with its product."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="movements"
    )
    quantity = models.IntegerField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.quantity:+d}"


class PriceChange(models.Model):
    """Price history, written by a post_save receiver."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="price_changes"
    )
    old_price = models.DecimalField(max_digits=8, decimal_places=2)
    new_price = models.DecimalField(max_digits=8, decimal_places=2)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.old_price} -> {self.new_price}"


# --8<-- [start:outbox]
class OutboxMessage(models.Model):
    """A message to another system, written in the transaction of the change."""

    topic = models.CharField(max_length=50)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.topic


# --8<-- [end:outbox]
