"""The responsibility matrix (Schnittstellenmanagement): for each organisation and field of action, how many
measures it leads and how many it is involved in. Four queries whatever the size."""

from dataclasses import dataclass

from django.db.models import Count

from teilhabe.concept.models import FieldOfAction, Measure
from teilhabe.directory.models import Organisation


@dataclass
class MatrixCell:
    field_of_action: FieldOfAction
    lead: int
    involved: int


@dataclass
class MatrixRow:
    organisation: Organisation
    cells: list
    lead: int
    involved: int


def responsibility_matrix(concept):
    fields = list(FieldOfAction.objects.filter(concept=concept).order_by("number"))
    lead_counts = (
        Measure.objects.filter(concept=concept, lead__isnull=False)
        .values_list("lead_id", "field_of_action_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    through = Measure.involved.through
    involved_counts = (
        through.objects.filter(measure__concept=concept)
        .values_list("organisation_id", "measure__field_of_action_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    leads = {(org, fld): n for org, fld, n in lead_counts}
    involved = {(org, fld): n for org, fld, n in involved_counts}
    org_ids = {org for org, _ in leads} | {org for org, _ in involved}
    organisations = Organisation.objects.filter(
        pk__in=org_ids, municipality_id=concept.municipality_id
    ).select_related("municipality")
    rows = []
    kind_order = {Organisation.Kind.DEPARTMENT: 0, Organisation.Kind.PARTNER: 1}
    for organisation in sorted(organisations, key=lambda o: (kind_order.get(o.kind, 2), o.name.casefold())):
        cells = [
            MatrixCell(f, leads.get((organisation.pk, f.pk), 0), involved.get((organisation.pk, f.pk), 0))
            for f in fields
        ]
        rows.append(
            MatrixRow(
                organisation,
                cells,
                sum(cell.lead for cell in cells),
                sum(cell.involved for cell in cells),
            )
        )
    return fields, rows
