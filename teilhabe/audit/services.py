"""Reading the audit trail (django-auditlog's LogEntry) within one municipality."""

from auditlog.models import LogEntry


def entries_for_municipality(municipality):
    # Every audited model stores its municipality in additional_data (MunicipalityOwned.get_additional_data).
    return (
        LogEntry.objects.filter(additional_data__municipality_id=municipality.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


def entries_for_object(obj):
    return LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp", "-pk")
