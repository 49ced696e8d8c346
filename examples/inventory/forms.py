from django import forms

from .models import Product


# --8<-- [start:product_form]
class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ["sku", "name", "price", "tags"]


# --8<-- [end:product_form]
