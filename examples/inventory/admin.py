from django.contrib import admin

from .models import Category, Product, StockLevel, Tag, Unit, Warehouse


class StockLevelInline(admin.TabularInline):
    model = StockLevel
    extra = 0


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["sku", "name", "price", "discontinued"]
    filter_horizontal = ["tags"]
    inlines = [StockLevelInline]


admin.site.register([Category, Tag, Unit, Warehouse])
