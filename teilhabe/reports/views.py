"""Report pages: the office lists, creates and edits reports, generates versions (a background job),
releases them to the advisory board or publishes them on the public site, compares two versions and keeps its
PowerPoint template; the board reads and downloads released versions; anyone reads the published ones' PDFs
on the public site."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import public_view, role_of, role_required
from teilhabe.accounts.roles import ADVISORY_BOARD, OFFICE
from teilhabe.downloads import attachment, download_name
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.reports import services, templates_pptx
from teilhabe.reports.comparison import compare
from teilhabe.reports.forms import ReportForm, TemplateForm
from teilhabe.reports.models import ActivityReport, ActivityReportVersion, ReportFile, ReportTemplate
from teilhabe.reports.render import MIME

READERS = (OFFICE, ADVISORY_BOARD)


def _versions(request):
    versions = ActivityReportVersion.objects.for_municipality(request.municipality).defer("data")
    if role_of(request) != OFFICE:
        versions = versions.filter(published=True)
    return versions


@role_required(*READERS)
@require_safe
def report_list(request):
    is_office = role_of(request) == OFFICE
    versions = _versions(request).select_related("generated_by").order_by("-number")
    reports = (
        ActivityReport.objects.for_municipality(request.municipality)
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="shown_versions"))
        .order_by("-date", "-pk")
    )
    if not is_office:
        reports = reports.filter(versions__published=True).distinct()
    return render(request, "reports/list.html", {"reports": list(reports), "is_office": is_office})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def report_create(request):
    today = timezone.localdate()
    initial = {
        "title": _("Tätigkeitsbericht %(year)s") % {"year": today.year},
        "audience": ActivityReport.Audience.ADVISORY_BOARD,
        "period_from": today.replace(month=1, day=1),
        "period_to": today.replace(month=12, day=31),
        "date": today,
    }
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        report = services.save_report(request.municipality, request.user, form.values())
        messages.success(request, _("Der Bericht ist angelegt. Erzeugen Sie jetzt eine erste Version."))
        return redirect(report.get_absolute_url())
    return render(request, "reports/form.html", {"form": form, "title": _("Neuer Tätigkeitsbericht")})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def report_edit(request, activity_report_id):
    report = get_scoped_or_404(ActivityReport, request, pk=activity_report_id)
    form = ReportForm(request.POST or None, initial=ReportForm.initial_for(report))
    if request.method == "POST" and form.is_valid():
        services.save_report(request.municipality, request.user, form.values(), report)
        messages.success(request, _("Der Bericht ist gespeichert. Erzeugte Versionen bleiben, wie sie sind."))
        return redirect(report.get_absolute_url())
    return render(request, "reports/form.html", {"form": form, "title": report.title, "report": report})


@role_required(OFFICE)
@require_safe
def report_detail(request, activity_report_id):
    report = get_scoped_or_404(ActivityReport, request, pk=activity_report_id)
    versions = list(
        report.versions.defer("data")
        .select_related("generated_by")
        .annotate(n_files=Count("files"))
        .order_by("-number")
    )
    from teilhabe.reports import catalogue

    ctx = {
        "report": report,
        "versions": versions,
        "sections": [catalogue.BY_KEY[k].label for k in report.sections if k in catalogue.BY_KEY],
        "template": ReportTemplate.objects.for_municipality(request.municipality).first(),
        "template_form": TemplateForm(),
        "formats": list(MIME),
    }
    return render(request, "reports/detail.html", ctx)


@role_required(OFFICE)
@require_POST
def report_generate(request, activity_report_id):
    report = get_scoped_or_404(ActivityReport, request, pk=activity_report_id)
    job = services.start_generation(report, request.user)
    return redirect(job.get_absolute_url())


def _version(request, report_version_id):
    return get_scoped_or_404(
        _versions(request).defer(None).select_related("report", "generated_by"), request, pk=report_version_id
    )


@role_required(*READERS)
@require_safe
def version_detail(request, report_version_id):
    version = _version(request, report_version_id)
    from teilhabe.reports.render.document import document, text_lines

    parts = [(part.title, text_lines(part)) for part in document(version.data)]
    files = {
        f.file_format: f.size for f in ReportFile.objects.filter(version=version).only("file_format", "size")
    }
    others = list(_versions(request).filter(report=version.report).exclude(pk=version.pk).order_by("-number"))
    ctx = {
        "version": version,
        "parts": parts,
        "files": [(fmt, files.get(fmt)) for fmt in MIME],
        "others": others,
        "is_office": role_of(request) == OFFICE,
    }
    return render(request, "reports/version.html", ctx)


@role_required(*READERS)
@require_safe
def version_download(request, report_version_id, report_format):
    if report_format not in MIME:
        raise Http404
    version = _version(request, report_version_id)
    stored = ReportFile.objects.filter(version=version, file_format=report_format).first()
    if stored is not None:
        content = bytes(stored.content)
    else:  # a version made outside the job: written from its frozen data, the same every time
        from teilhabe.reports.render import render as render_format

        content = render_format(version.data, report_format)
    name = download_name(
        pgettext("Dateiname", "Taetigkeitsbericht"),
        version.report.date,
        "v%s" % version.number,
        ext=report_format,
    )
    return attachment(HttpResponse(content, content_type=MIME[report_format]), name)


def _switch(request, report_version_id, field, action, done, undone):
    """A POSTed on/off switch of a version (`field` is "1" or "0"), then back to the version's page."""
    version = _version(request, report_version_id)
    on = request.POST.get(field) == "1"
    try:
        action(version, on)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, (done if on else undone) % {"n": version.number})
    return redirect(version.get_absolute_url())


@role_required(OFFICE)
@require_POST
def version_publish(request, report_version_id):
    """Release to the advisory board, or take the release back."""
    return _switch(
        request,
        report_version_id,
        "published",
        lambda version, on: services.set_published(version, on, user=request.user),
        _("Version %(n)s ist für den Integrationsbeirat freigegeben."),
        _("Die Freigabe von Version %(n)s ist zurückgenommen."),
    )


@role_required(OFFICE)
@require_POST
def version_public(request, report_version_id):
    """Put on the public site as PDF, or take it off."""
    return _switch(
        request,
        report_version_id,
        "public",
        services.set_public,
        _("Version %(n)s steht als PDF auf den öffentlichen Seiten."),
        _("Version %(n)s ist von den öffentlichen Seiten genommen."),
    )


@public_view
@require_safe
def public_list(request):
    """The published reports of the municipality: title, period, date, size of the PDF."""
    rows = services.public_rows(request.municipality)
    return render(request, "reports/public_list.html", {"versions": rows})


@public_view
@require_safe
def public_pdf(request, report_version_id):
    """A published version's PDF as it was stored when it was published."""
    version = get_scoped_or_404(services.public_versions(request.municipality), request, pk=report_version_id)
    stored = ReportFile.objects.get(version=version, file_format="pdf")
    name = download_name(pgettext("Dateiname", "Taetigkeitsbericht"), version.frozen_date, ext="pdf")
    return attachment(HttpResponse(bytes(stored.content), content_type=MIME["pdf"]), name)


@role_required(*READERS)
@require_safe
def version_compare(request, report_version_id):
    version = _version(request, report_version_id)
    other_id = request.GET.get("mit", "")
    candidates = _versions(request).filter(report=version.report).exclude(pk=version.pk).defer("data")
    other = None
    if other_id.isdigit():
        other = candidates.defer(None).filter(pk=int(other_id)).first()
        if other is None:
            raise Http404
    else:
        other = candidates.defer(None).filter(number__lt=version.number).order_by("-number").first()
    ctx = {
        "version": version,
        "other": other,
        "candidates": list(candidates.order_by("-number")),
        "rows": compare(other.data, version.data) if other else [],
    }
    return render(request, "reports/compare.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def template_upload(request):
    template = ReportTemplate.objects.for_municipality(request.municipality).first()
    form = TemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("delete") and template:
        templates_pptx.delete_template(template)
        messages.success(request, _("Die PowerPoint-Vorlage ist entfernt."))
        return redirect("reports:template", request.municipality.slug)
    if request.method == "POST" and form.is_valid():
        try:
            templates_pptx.save_template(request.municipality, request.user, form.cleaned_data["file"])
        except services.ReportError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request, _("Die PowerPoint-Vorlage ist gespeichert und wird für neue Versionen verwendet.")
            )
            return redirect("reports:template", request.municipality.slug)
    return render(request, "reports/template.html", {"form": form, "template": template})
