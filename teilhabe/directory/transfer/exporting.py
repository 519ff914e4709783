"""Exporting the directory in its layouts (directory/layout.py).

Exported contacts: every contact except those whose consent was withdrawn or whose data was erased: their
data must not leave the system any more. The consent columns travel with each row, so a list can be checked.
"""

from teilhabe import sheets
from teilhabe.directory.layout import CONTACTS, ORGANISATIONS, export_yes_no
from teilhabe.directory.models import Contact, Organisation


def organisation_rows(municipality):
    organisations = (
        Organisation.objects.for_municipality(municipality).select_related("parent").order_by("name")
    )
    for o in organisations:
        yield ORGANISATIONS.out_row(
            {
                "kind": o.get_kind_display(),
                "name": o.name,
                "short_name": o.short_name,
                "parent": o.parent.name if o.parent else "",
                "address": o.address,
                "website": o.website,
                "email": o.email,
                "phone": o.phone,
                "languages": ", ".join(o.language_names()),
                "notes": o.notes,
            }
        )


def exported_contacts(municipality):
    return (
        Contact.objects.for_municipality(municipality)
        .filter(erased_at__isnull=True, consent_withdrawn=False)
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )


def contact_rows(municipality, *, dates_as_text=False):
    for c in exported_contacts(municipality):
        consent_date = c.consent_date
        if dates_as_text and consent_date:
            consent_date = consent_date.strftime("%d.%m.%Y")
        yield CONTACTS.out_row(
            {
                "organisation": c.organisation.name,
                "name": c.name,
                "function": c.function,
                "email": c.email,
                "phone": c.phone,
                "languages": ", ".join(c.language_names()),
                "consent_purpose": c.consent_purpose,
                "consent_date": consent_date,
                "consent_method": c.get_consent_method_display() if c.consent_method else "",
                "consent_withdrawn": export_yes_no(c.consent_withdrawn),
            }
        )


def export_xlsx(municipality) -> bytes:
    return sheets.write_xlsx(
        [
            sheets.Out(ORGANISATIONS.title(), ORGANISATIONS.out_columns(), organisation_rows(municipality)),
            sheets.Out(CONTACTS.title(), CONTACTS.out_columns(), contact_rows(municipality)),
        ]
    )


def export_csv(municipality, table, *, encoding="utf-8-sig", delimiter=";") -> bytes:
    """table: "organisations" or "contacts". Raises SheetError when the encoding cannot hold a value."""
    if table == "contacts":
        return sheets.write_csv(
            CONTACTS.headers(),
            contact_rows(municipality, dates_as_text=True),
            encoding=encoding,
            delimiter=delimiter,
        )
    return sheets.write_csv(
        ORGANISATIONS.headers(), organisation_rows(municipality), encoding=encoding, delimiter=delimiter
    )
