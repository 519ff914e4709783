"""Form fields announced with their help text and errors (used by templates/forms/form.html)."""

from django import template

register = template.Library()


def hint_id(field) -> str:
    return f"{field.auto_id}_helptext"  # Django's own name for it, so its default reference matches


def error_id(field) -> str:
    return f"{field.auto_id}_error"


@register.filter
def hint_id_of(field) -> str:
    return hint_id(field)


@register.filter
def error_id_of(field) -> str:
    return error_id(field)


@register.filter
def first_input_id(field) -> str:
    """Where an error summary's link goes: the field's input, or the first option of a group of options."""
    return field.id_for_label or f"{field.auto_id}_0"


@register.filter
def described(field):
    """The field's widget with aria-describedby naming its hint and its error message (those that exist).

    A form with errors gives the focus to its error summary, so no field keeps an `autofocus` of its own."""
    ids = []
    if field.help_text:
        ids.append(hint_id(field))
    if field.errors:
        ids.append(error_id(field))
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.form.errors:
        attrs["autofocus"] = False  # Django leaves out a boolean attribute set to False
    return field.as_widget(attrs=attrs or None)
