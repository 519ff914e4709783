"""The small shared step of named actions: put plain values on a model instance and save it.

A named action (a service function: `directory.services.update_organisation`, `concept.services.structure.
save_status`, …) takes the instance and plain values (a form's `cleaned_data` is such a dict, but the action
takes no form), saves with `save()` so django-auditlog records each changed field, and does what else belongs
to the change. `save_values` is its first step:

    def update_organisation(organisation, values):
        with transaction.atomic():
            return save_values(organisation, values)
"""

from django.db import transaction


def save_values(instance, values: dict):
    """Set each value on its model field (a file field takes an upload, False to clear it, or the file it
    has), save, then set the many-to-many values. Returns the instance."""
    meta = instance._meta
    later = {}
    with transaction.atomic():
        for name, value in values.items():
            field = meta.get_field(name)
            if field.many_to_many:
                later[name] = value
            else:
                field.save_form_data(instance, value)
        instance.save()
        for name, value in later.items():
            getattr(instance, name).set(value)
    return instance
