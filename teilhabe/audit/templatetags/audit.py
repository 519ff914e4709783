"""{% history obj %}: the Verlauf of any audited object, rendered with audit/history.html."""

from django import template

from teilhabe.audit.services import history_for

register = template.Library()


@register.inclusion_tag("audit/history.html", takes_context=True)
def history(context, obj, limit=30, heading_level=2):
    entries = history_for(obj, limit=limit)
    return {
        "history": entries,
        "is_truncated": len(entries) >= limit,
        "log_object": obj,
        "heading_level": heading_level,
        "municipality": context.get("municipality"),
        "is_office": context.get("is_office"),
    }


@register.filter
def model_key(obj):
    """ "directory.contact" for a Contact: the log page's value for its object type filter."""
    return f"{obj._meta.app_label}.{obj._meta.model_name}"
