"""What a backup holds: the models of an installation backup in dependency order, and the models whose rows
belong to one municipality."""

from django.apps import apps

# Rebuilt by `migrate` (content types, permissions) or not worth keeping (sessions).
NOT_BACKED_UP = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
AUDIT_ENTRY = "auditlog.logentry"


def label(model) -> str:
    return model._meta.label_lower


def backed_up_models():
    """Every concrete model whose rows an installation backup holds, in dependency order."""
    wanted = [
        m
        for m in apps.get_models()
        if not m._meta.proxy and m._meta.managed and label(m) not in NOT_BACKED_UP
    ]
    return _dependency_order(wanted)


def _dependency_order(wanted):
    """Models ordered so that every non-nullable foreign key points to a model earlier in the list
    (nullable ones may point later: the restore fills them in afterwards)."""
    remaining = {m: set() for m in wanted}
    for model in wanted:
        for f in model._meta.concrete_fields:
            # a one-to-one field is a foreign key too (registration settings → their activity)
            required = f.is_relation and (f.many_to_one or f.one_to_one) and not f.null
            if required and f.related_model in remaining and f.related_model is not model:
                remaining[model].add(f.related_model)
    ordered = []
    while remaining:
        ready = [m for m, deps in remaining.items() if not deps - set(ordered)]
        if not ready:  # a cycle of required references: keep the rest in app order
            ready = list(remaining)
        for model in ready:
            ordered.append(model)
            del remaining[model]
    return ordered


def municipality_models():
    """Models holding one municipality's rows: every model with a foreign key to Municipality."""
    from teilhabe.municipalities.models import Municipality

    found = []
    for model in backed_up_models():
        for f in model._meta.concrete_fields:
            if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is Municipality:
                found.append((model, f.name))
                break
    return found
