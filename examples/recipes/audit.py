"""Audit log: one AuditEntry per change of a Product, with old and new values."""

# --8<-- [start:receivers]
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import AuditEntry, Product

AUDITED_FIELDS = ["name", "price", "active"]


def audited_values(instance, names=AUDITED_FIELDS):
    """The instance's values of these fields, leaving out deferred ones.

    to_python() makes "12.5" and Decimal("12.50") compare equal. A field left
    out by only() or defer() is skipped: reading it would cost a query, and
    after a deletion there is no row left to read it from.
    """
    deferred = instance.get_deferred_fields()
    fields = [instance._meta.get_field(name) for name in names]
    return {
        f.name: f.to_python(f.value_from_object(instance))
        for f in fields
        if f.attname not in deferred
    }


@receiver(pre_save, sender=Product)
def remember_old_values(sender, instance, raw, using, update_fields, **kwargs):
    instance._audit_old_values = {}
    if raw or instance.pk is None:
        return
    # _base_manager: a custom default manager could filter this row out.
    old = sender._base_manager.using(using).filter(pk=instance.pk).first()
    if old is None:  # no such row yet: save() will insert it
        return
    names = AUDITED_FIELDS
    if update_fields is not None:  # save() writes only these fields
        names = [name for name in names if name in update_fields]
    instance._audit_old_values = audited_values(old, names)


@receiver(post_save, sender=Product)
def log_save(sender, instance, created, raw, **kwargs):
    if raw:
        return
    old_values = instance.__dict__.pop("_audit_old_values", {})
    if created:
        action = AuditEntry.Action.CREATED
        changes = {name: [None, new] for name, new in audited_values(instance).items()}
    else:
        action = AuditEntry.Action.UPDATED
        new_values = audited_values(instance, old_values)
        changes = {
            name: [old_values[name], new]
            for name, new in new_values.items()
            if new != old_values[name]
        }
        if not changes:  # nothing audited changed: no entry
            return
    AuditEntry.record(instance, action, changes)


@receiver(post_delete, sender=Product)
def log_delete(sender, instance, **kwargs):
    # During post_delete, instance.pk still holds the deleted row's key.
    changes = {name: [old, None] for name, old in audited_values(instance).items()}
    AuditEntry.record(instance, AuditEntry.Action.DELETED, changes)


# --8<-- [end:receivers]
