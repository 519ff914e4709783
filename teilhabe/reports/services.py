"""Named actions of the activity report and the generation of a version (frozen data).

`build_data` reads every chosen section from the platform's data into plain JSON; `generate_version` saves
it as a new version (never changing an earlier one). Renderers (reports/render/) read only that data."""

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.reports import catalogue
from teilhabe.reports.builders.context import PUBLIC, Context, iso
from teilhabe.reports.models import ActivityReport, ActivityReportVersion

DATA_FORMAT = 1
FIELDS = ("title", "audience", "period_from", "period_to", "date", "introduction", "outlook")


class ReportError(ValueError):
    pass


def _check(values):
    start, end = values.get("period_from"), values.get("period_to")
    if start and end and start > end:
        raise ReportError(_("Der Zeitraum endet vor seinem Beginn."))


def save_report(municipality, user, values: dict, report: ActivityReport | None = None) -> ActivityReport:
    """Create or update a report: title, audience, period, date, sections (keys in order), texts, notes."""
    _check(values)
    report = report or ActivityReport(municipality=municipality)
    plain = {key: values[key] for key in FIELDS if key in values}
    if "sections" in values:
        plain["sections"] = catalogue.clean_keys(values["sections"])
    elif not report.pk:
        plain["sections"] = list(catalogue.DEFAULT_KEYS)
    if "notes" in values:
        plain["notes"] = {
            k: v.strip() for k, v in (values["notes"] or {}).items() if k in catalogue.BY_KEY and v
        }
    return save_values(report, plain)


def context_for(report: ActivityReport) -> Context:
    return Context(
        municipality=report.municipality,
        period_from=report.period_from,
        period_to=report.period_to,
        date=report.date,
        audience=report.audience,
        title=report.title,
        introduction=report.introduction,
        outlook=report.outlook,
        notes=dict(report.notes or {}),
        section_keys=catalogue.clean_keys(report.sections),
    )


def default_context(municipality, period_from: dt.date, period_to: dt.date, *, audience="advisory_board"):
    """A report of every section for a period, as the command line writes it without a stored report."""
    return Context(
        municipality=municipality,
        period_from=period_from,
        period_to=period_to,
        date=period_to,
        audience=audience,
        title=_("Tätigkeitsbericht %(office)s") % {"office": municipality.office_name},
        section_keys=list(catalogue.DEFAULT_KEYS),
    )


def build_data(ctx: Context, progress=None) -> dict:
    """Every chosen section's data, plain JSON. `progress(step, percent)` is called per section."""
    keys = catalogue.clean_keys(ctx.section_keys)
    titles = [(key, str(catalogue.BY_KEY[key].label)) for key in keys]
    sections = []
    for index, key in enumerate(keys):
        section = catalogue.BY_KEY[key]
        if progress:
            progress(section.label, int(100 * index / len(keys)))
        if key == "agenda":
            from teilhabe.reports.builders.office import agenda

            data = agenda(ctx, titles)
        else:
            data = section.build(ctx)
        sections.append(
            {"key": key, "title": str(section.label), "note": ctx.notes.get(key, ""), "data": data}
        )
    from teilhabe.reports.models import ActivityReport as Report

    return {
        "format": DATA_FORMAT,
        "language": translation.get_language() or "de",
        "title": ctx.title,
        "audience": ctx.audience,
        "audience_label": str(dict(Report.Audience.choices).get(ctx.audience, "")),
        "period_from": iso(ctx.period_from),
        "period_to": iso(ctx.period_to),
        "date": iso(ctx.date),
        "municipality": {"name": ctx.municipality.name, "slug": ctx.municipality.slug},
        "office": ctx.municipality.office_name,
        "introduction": ctx.introduction,
        "outlook": ctx.outlook,
        "sections": sections,
        "assets": ctx.assets,
    }


def generate_version(report: ActivityReport, user=None, progress=None) -> ActivityReportVersion:
    """A new version with the data as it is now; earlier versions stay as they were."""
    data = build_data(context_for(report), progress)
    with transaction.atomic():
        last = (
            ActivityReportVersion.objects.select_for_update()
            .filter(report=report)
            .aggregate(n=Max("number"))["n"]
        )
        version = ActivityReportVersion(
            municipality=report.municipality,
            report=report,
            number=(last or 0) + 1,
            data=data,
            generated_by=user,
        )
        version.save()
    return version


def render_files(version: ActivityReportVersion, formats=("pdf", "pptx", "docx")) -> None:
    """Write the version in each format and keep the files (the downloads serve them)."""
    from teilhabe.reports.models import ReportFile, ReportTemplate
    from teilhabe.reports.render import render

    template = ReportTemplate.objects.for_municipality(version.municipality).first()
    for file_format in formats:
        path = template.file.path if (template and file_format == "pptx") else None
        content = render(version.data, file_format, template=path)
        ReportFile.objects.update_or_create(
            version=version,
            file_format=file_format,
            defaults={"municipality": version.municipality, "content": content, "size": len(content)},
        )


def start_generation(report: ActivityReport, user):
    """Generate a new version as a background job (teilhabe/jobs); the job page shows its progress."""
    from teilhabe.jobs.services import start_job
    from teilhabe.reports.jobs import GENERATE

    return start_job(report.municipality, user, GENERATE, params={"report": report.pk})


def set_published(version: ActivityReportVersion, published: bool, user=None, notify=True) -> None:
    """Release a version to the advisory board (or take it back). A release e-mails the board's members
    a link (reports/notifications.py), once per version; the demo's history (``notify=False``) does not."""
    from teilhabe.reports import notifications

    if version.published != published:
        version.published = published
        version.save(update_fields=["published"])
        if published and notify:
            notifications.version_released(version, user)


def set_public(version: ActivityReportVersion, public: bool) -> None:
    """Put a version on the municipality's public site as PDF, or take it down. Only a version generated for
    the audience "Öffentlichkeit" is published: its data already leaves out what the public must not see
    (non-public activities, networks and pictures, figures without disclosure control; the team's names are
    those marked public in every audience). The PDF is stored once and served as it is from then on."""
    from teilhabe.reports.models import ReportFile

    if not public:
        if version.public_since is not None:
            version.public_since = None
            version.save(update_fields=["public_since"])
        return
    if version.data.get("audience") != PUBLIC:
        raise ReportError(
            _(
                "Veröffentlicht wird nur eine Version für die Zielgruppe „Öffentlichkeit“. Stellen Sie die "
                "Zielgruppe des Berichts um und erzeugen Sie eine neue Version."
            )
        )
    if not ReportFile.objects.filter(version=version, file_format="pdf").exists():
        render_files(version, ["pdf"])
    if version.public_since is None:
        version.public_since = timezone.now()
        version.save(update_fields=["public_since"])


def released_for_board(municipality, limit=3):
    """The newest versions released to the advisory board (for its start page), with their report; one query."""
    return list(
        ActivityReportVersion.objects.for_municipality(municipality)
        .filter(published=True)
        .defer("data")
        .select_related("report")
        .order_by("-generated_at", "-pk")[:limit]
    )


def public_versions(municipality):
    """The versions on the municipality's public site, newest first, with their stored PDF's size (`pdf_size`)
    and the title, period and date as frozen in the version (`frozen_…`); the rest of the data is left out."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.fields.json import KT

    from teilhabe.reports.models import ReportFile

    size = ReportFile.objects.filter(version=OuterRef("pk"), file_format="pdf").values("size")[:1]
    return (
        ActivityReportVersion.objects.for_municipality(municipality)
        .filter(public_since__isnull=False)
        .defer("data")
        .select_related("report")
        .annotate(
            pdf_size=Subquery(size),
            frozen_title=KT("data__title"),
            frozen_from=KT("data__period_from"),
            frozen_to=KT("data__period_to"),
            frozen_date=KT("data__date"),
        )
        .filter(pdf_size__isnull=False)
        .order_by("-frozen_date", "-public_since")
    )


def public_rows(municipality) -> list[dict]:
    """What the public list shows of each published version: title, period, date (as generated), PDF size."""
    day = dt.date.fromisoformat
    return [
        {
            "pk": v.pk,
            "title": v.frozen_title,
            "period_from": day(v.frozen_from),
            "period_to": day(v.frozen_to),
            "date": day(v.frozen_date),
            "size": v.pdf_size,
        }
        for v in public_versions(municipality)
    ]


def delete_report(report: ActivityReport) -> None:
    report.delete()
