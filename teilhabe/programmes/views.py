"""Programme pages: list, programme page with the budget overview per year (chart and table), funding rows and
report deadlines, forms, XLSX export. The office edits; the advisory board reads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from teilhabe.accounts.decorators import role_of, role_required
from teilhabe.accounts.roles import ADVISORY_BOARD, OFFICE
from teilhabe.downloads import attachment, download_name
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.networks.views import form_errors, form_page
from teilhabe.programmes import services
from teilhabe.programmes.forms import BudgetForm, DeadlineForm, FundingForm, ProgrammeForm
from teilhabe.programmes.models import Funding, Programme

READERS = (OFFICE, ADVISORY_BOARD)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@role_required(*READERS)
@require_safe
def programme_list(request):
    programmes = list(
        Programme.objects.for_municipality(request.municipality)
        .select_related("funder")
        .prefetch_related("budgets", "fundings")
        .order_by("name")
    )
    rows = [(p, services.overview(p, list(p.fundings.all()))) for p in programmes]
    ctx = {"rows": rows, "is_office": role_of(request) == OFFICE}
    return render(request, "programmes/list.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def programme_create(request):
    form = ProgrammeForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.save_programme(request.municipality, request.user, form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Das Förderprogramm ist angelegt."))
            return redirect(programme.get_absolute_url())
    return form_page(
        request, form, _("Neues Förderprogramm"), f"/{request.municipality.slug}/foerderprogramme/"
    )


@role_required(*READERS)
@require_safe
def programme_detail(request, programme_id):
    programme = get_scoped_or_404(
        Programme.objects.select_related("funder").prefetch_related("budgets"), request, pk=programme_id
    )
    fundings = list(programme.fundings.select_related("activity").order_by("year", "activity__title"))
    rows = services.overview(programme, fundings)
    deadlines = services.deadlines_of(programme)
    ctx = {
        "programme": programme,
        "rows": rows,
        "chart": services.chart(programme, rows),
        "fundings": fundings,
        "deadlines": deadlines,
        "today": timezone.localdate(),
        "is_office": role_of(request) == OFFICE,
    }
    return render(request, "programmes/detail.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def programme_edit(request, programme_id):
    programme = get_scoped_or_404(Programme, request, pk=programme_id)
    form = ProgrammeForm(request.POST or None, municipality=request.municipality, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_programme(
                request.municipality, request.user, form.cleaned_data, programme=programme
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect(programme.get_absolute_url())
    title = _("„%(name)s“ bearbeiten") % {"name": programme.name}
    return form_page(request, form, title, programme.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def budget_edit(request, programme_id):
    programme = get_scoped_or_404(Programme, request, pk=programme_id)
    form = BudgetForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_budget(
                programme, request.user, form.cleaned_data["year"], form.cleaned_data["amount"]
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Das Jahresbudget ist gespeichert."))
            return redirect(programme.get_absolute_url())
    title = _("Jahresbudget: %(name)s") % {"name": programme.name}
    return form_page(request, form, title, programme.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def funding_add(request, programme_id):
    programme = get_scoped_or_404(Programme, request, pk=programme_id)
    form = FundingForm(
        request.POST or None, municipality=request.municipality, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_funding(programme, request.user, form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Förderung ist eingetragen."))
            return redirect(programme.get_absolute_url())
    title = _("Förderung eintragen: %(name)s") % {"name": programme.name}
    return form_page(request, form, title, programme.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def funding_edit(request, funding_id):
    funding = get_scoped_or_404(
        Funding.objects.select_related("programme", "activity"), request, pk=funding_id
    )
    programme = funding.programme
    form = FundingForm(request.POST or None, municipality=request.municipality, instance=funding)
    if request.method == "POST" and "delete" in request.POST:
        services.delete_funding(funding, request.user)
        messages.success(request, _("Die Förderung ist gelöscht."))
        return redirect(programme.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        try:
            services.save_funding(programme, request.user, form.cleaned_data, funding=funding)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Förderung ist gespeichert."))
            return redirect(programme.get_absolute_url())
    title = _("Förderung: %(activity)s") % {"activity": funding.activity.title}
    return form_page(request, form, title, programme.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def deadline_add(request, programme_id):
    programme = get_scoped_or_404(Programme, request, pk=programme_id)
    form = DeadlineForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_report_deadline(programme, request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Frist ist eingetragen."))
            return redirect(programme.get_absolute_url())
    title = _("Berichtsfrist: %(name)s") % {"name": programme.name}
    return form_page(request, form, title, programme.get_absolute_url())


@role_required(*READERS)
@require_safe
def programme_export(request, programme_id):
    programme = get_scoped_or_404(Programme, request, pk=programme_id)
    response = HttpResponse(services.export_xlsx(programme), content_type=XLSX)
    name = download_name(pgettext_lazy("Dateiname", "Förderprogramm"), programme.name, ext="xlsx")
    return attachment(response, name)
