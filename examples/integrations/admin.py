"""Admin classes for *Signals and the Django admin* (docs/tools/admin.md).

They live on two admin sites of their own, so that they do not replace the
project's admin (where `inventory.admin.ProductAdmin` is registered):

- `site` holds the ways this page recommends;
- `pitfalls` holds the mistakes the page shows, so that they can be run.

Their URLs are in `integrations/urls.py`: /integrations/admin/ and
/integrations/pitfalls/.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.forms.models import BaseInlineFormSet
from django.utils.text import slugify

from accounts.models import Profile, User
from inventory.admin import ProductAdmin
from inventory.models import OutboxMessage, Product

site = admin.AdminSite(name="integrations_admin")
pitfalls = admin.AdminSite(name="integrations_pitfalls")


# --8<-- [start:save_related]
class AnnouncedProductAdmin(ProductAdmin):
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The tags (form.save_m2m()) and the stock levels (the inline) are
        # saved now: post_save of the product was sent before either.
        product = form.instance
        OutboxMessage.objects.create(
            topic="product.saved",
            payload={
                "sku": product.sku,
                "tags": [tag.name for tag in product.tags.all()],
                "stock": sorted(
                    (level.warehouse_id, level.quantity)
                    for level in product.stocklevel_set.all()
                ),
            },
        )


# --8<-- [end:save_related]


# --8<-- [start:profile_inline]
class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


class UserWithProfileAdmin(UserAdmin):
    inlines = [ProfileInline]


# --8<-- [end:profile_inline]


# --8<-- [start:profile_inline_fixed]
class ExistingProfileFormSet(BaseInlineFormSet):
    def save_new(self, form, commit=True):
        # accounts' post_save receiver has already created the user's
        # profile: update that row instead of inserting a second one.
        existing = Profile.objects.filter(user=self.instance).first()
        if existing is not None:
            form.instance.pk = existing.pk
        return super().save_new(form, commit=commit)


class ProfileUpdatingInline(ProfileInline):
    formset = ExistingProfileFormSet


class UserWithProfileUpdatingAdmin(UserAdmin):
    inlines = [ProfileUpdatingInline]


# --8<-- [end:profile_inline_fixed]


# --8<-- [start:two_saves]
class SlugAfterSaveProductAdmin(ProductAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not obj.slug:
            obj.slug = f"{slugify(obj.name)}-{obj.pk}"  # needs the primary key
            obj.save()  # a second save: a second pre_save and post_save


# --8<-- [end:two_saves]


site.register(Product, AnnouncedProductAdmin)
site.register(User, UserWithProfileUpdatingAdmin)
pitfalls.register(Product, SlugAfterSaveProductAdmin)
pitfalls.register(User, UserWithProfileAdmin)
