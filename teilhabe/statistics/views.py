"""Faktencheck pages: internal (any member reads, the office uploads) and public (disclosure control)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.decorators.http import require_POST, require_safe

from teilhabe.accounts.decorators import member_required, public_view, role_of, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.downloads import attachment, download_name
from teilhabe.jobs.services import save_private_upload, start_job
from teilhabe.statistics import charts, district_maps, exports, geo, services, table_file, tables
from teilhabe.statistics import jobs as statistics_jobs
from teilhabe.statistics.forms import (
    DistrictMapForm,
    DistrictMapPublicForm,
    LeadForm,
    RegisterExtractForm,
    StatisticsTableForm,
)
from teilhabe.statistics.models import FactCheck, lead_of

INTERNAL = "statistics"
PUBLIC = "statistics_public"

PAGES = [
    ("overview", "index", gettext_lazy("Übersicht")),
    ("districts", "districts", gettext_lazy("Stadtteile")),
    ("nationalities", "nationalities", gettext_lazy("Staatsangehörigkeiten")),
    ("pyramid", "pyramid", gettext_lazy("Altersaufbau")),
]


def _is_office(request) -> bool:
    return role_of(request) == OFFICE


def _threshold(municipality) -> int:
    return municipality.publication_threshold


def _parse(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _chosen(request, dates, name, default):
    chosen = _parse(request.GET.get(name))
    return chosen if chosen in dates else default


def _context(request, page: str, public: bool) -> dict:
    namespace = PUBLIC if public else INTERNAL
    tabs = []
    for key, public_name, label in PAGES:
        url_name = public_name if public else key
        tabs.append(
            {
                "label": label,
                "url": reverse("%s:%s" % (namespace, url_name), args=[request.municipality.slug]),
                "active": key == page,
            }
        )
    return {
        "public": public,
        "namespace": namespace,
        "tabs": tabs,
        "threshold": _threshold(request.municipality),
        "page": page,
    }


def _dates(request) -> list:
    """The reference dates, read once per request: every table of a page needs them."""
    if not hasattr(request, "_fact_check_dates"):
        request._fact_check_dates = tables.available_dates(request.municipality)
    return request._fact_check_dates


def _comparison_dates(request, dates):
    default_b = dates[-1] if dates else None
    default_a = dates[-2] if len(dates) > 1 else None
    a = _chosen(request, dates, "stichtag1", default_a)
    b = _chosen(request, dates, "stichtag2", default_b)
    return [d for d in (a, b) if d is not None]


def build_table(request, key: str, public: bool):
    """The table `key` for the request's municipality and chosen dates (None if there is no data)."""
    municipality = request.municipality
    threshold = _threshold(municipality)
    dates = _dates(request)
    if not dates:
        return None
    if key == "comparison":
        return tables.comparison_table(
            municipality, _comparison_dates(request, dates), public=public, threshold=threshold
        )
    if key == "timeseries":
        return tables.timeseries_table(municipality, dates=dates, public=public, threshold=threshold)
    if key == "categories":
        return tables.category_table(
            municipality, _comparison_dates(request, dates)[-1], public=public, threshold=threshold
        )
    date = _chosen(request, dates, "stichtag", dates[-1])
    if key == "district_map":
        view, _choices = _district_map(request, date, public)
        if view is None:
            raise Http404
        return view.table
    builders = {
        "districts": tables.district_table,
        "nationalities": tables.nationality_table,
        "pyramid": tables.pyramid_table,
    }
    if key not in builders:
        raise Http404
    return builders[key](municipality, date, public=public, threshold=threshold)


def _overview(request, public: bool):
    dates = _dates(request)
    ctx = _context(request, "overview", public)
    ctx["dates"] = dates
    if dates:
        comparison = build_table(request, "comparison", public)
        timeseries = build_table(request, "timeseries", public)
        ctx["categories"] = build_table(request, "categories", public)
        ctx.update(
            comparison=comparison,
            selected=_comparison_dates(request, dates),
            timeseries=timeseries,
            timeseries_chart=charts.timeseries_chart(timeseries, _("Anteile im Zeitverlauf"))
            if len(dates) > 1
            else "",
        )
    if not public:
        if _is_office(request):
            ctx["lead_form"] = LeadForm(initial={"lead": lead_of(request.municipality)})
        ctx["fact_checks"] = (
            FactCheck.objects.for_municipality(request.municipality)
            .select_related("created_by")
            .order_by("-reference_date")
        )
    return render(request, "statistics/overview.html", ctx)


# Heading and lead of the pages that show one table at one reference date.
DATE_PAGES = {
    "districts": (
        gettext_lazy("Stadtteile"),
        gettext_lazy("Einwohner mit Migrationshintergrund und Ausländer je Stadtteil."),
    ),
    "nationalities": (
        gettext_lazy("Staatsangehörigkeiten"),
        gettext_lazy("Die 20 häufigsten Staatsangehörigkeiten der Ausländer."),
    ),
    "pyramid": (
        gettext_lazy("Altersaufbau"),
        gettext_lazy("Altersgruppen nach Geschlecht und Migrationshintergrund."),
    ),
}


def _indicator(request) -> str:
    """GET ``kennzahl``: what the map shows (``nationality``: the one of GET ``staatsangehoerigkeit``)."""
    chosen = request.GET.get("kennzahl")
    if chosen in district_maps.MAP_INDICATORS or chosen == district_maps.NATIONALITY:
        return chosen
    if not chosen and request.GET.get("staatsangehoerigkeit"):
        return district_maps.NATIONALITY
    return district_maps.default_indicator(request.municipality)


def _nationalities(request, date, public: bool) -> district_maps.NationalityChoices:
    return district_maps.nationality_choices(
        request.municipality, date, public=public, threshold=_threshold(request.municipality)
    )


def _chosen_nationality(request) -> str:
    return (request.GET.get("staatsangehoerigkeit") or "").strip().upper()


def _district_map(request, date, public: bool):
    """The choropleth and its table (None: no map, no figures, or not published) and the nationalities
    the map can show (None without a map)."""
    district_map = district_maps.map_of(request.municipality)
    if district_map is None or (public and not district_map.public):
        return None, None
    indicator = _indicator(request)
    nationalities = _nationalities(request, date, public)
    nationality = nationalities.valid(_chosen_nationality(request))
    view = district_maps.district_map_view(
        request.municipality,
        date,
        indicator,
        public=public,
        threshold=_threshold(request.municipality),
        district_map=district_map,
        nationality=nationality if indicator == district_maps.NATIONALITY else None,
    )
    return view, nationalities


def _date_page(request, page: str, public: bool):
    dates = _dates(request)
    ctx = _context(request, page, public)
    ctx["dates"] = dates
    ctx["heading"], ctx["lead"] = DATE_PAGES[page]
    if dates:
        table = build_table(request, page, public)
        ctx["table"] = table
        ctx["selected_date"] = _chosen(request, dates, "stichtag", dates[-1])
        if page == "districts":
            ctx["district_map"], nationalities = _district_map(request, ctx["selected_date"], public)
            ctx["indicators"] = district_maps.indicator_choices()
            ctx["indicator"] = _indicator(request)
            if nationalities is not None:
                ctx["nationalities"] = nationalities.choices
                ctx["nationality"] = nationalities.valid(_chosen_nationality(request))
            ctx["manage_map"] = _is_office(request) and not public
        chart = {"districts": charts.district_chart, "pyramid": charts.pyramid_chart}.get(page)
        if ctx.get("district_map"):
            chart = None  # the map shows the districts; the bar chart would repeat it
        ctx["chart"] = chart(table, table.title) if chart and table.rows else ""
    return render(
        request, "statistics/districts.html" if page == "districts" else "statistics/date_page.html", ctx
    )


#: The word for each table in its download's name (the URL keeps the English key).
EXPORT_NAMES = {
    "comparison": pgettext_lazy("Dateiname", "Vergleich"),
    "timeseries": pgettext_lazy("Dateiname", "Entwicklung"),
    "categories": pgettext_lazy("Dateiname", "Migrationshintergrund"),
    "districts": pgettext_lazy("Dateiname", "Stadtteile"),
    "district_map": pgettext_lazy("Dateiname", "Stadtteilkarte"),
    "nationalities": pgettext_lazy("Dateiname", "Staatsangehörigkeiten"),
    "pyramid": pgettext_lazy("Dateiname", "Altersaufbau"),
}


def _export(request, factcheck_table: str, factcheck_format: str, public: bool):
    if factcheck_format not in exports.CONTENT_TYPES or factcheck_table not in EXPORT_NAMES:
        raise Http404
    table = build_table(request, factcheck_table, public)
    if table is None:  # nothing stored yet: an empty file rather than an error
        table = tables.Table(key=factcheck_table, title=_("Faktencheck Migration"), header=[], rows=[])
    data = exports.table_to_csv(table) if factcheck_format == "csv" else exports.table_to_xlsx(table)
    name = download_name(
        pgettext("Dateiname", "Faktencheck"),
        EXPORT_NAMES[factcheck_table],
        request.municipality.slug,
        None if public else pgettext_lazy("Dateiname", "intern"),
        ext=factcheck_format,
    )
    return attachment(HttpResponse(data, content_type=exports.CONTENT_TYPES[factcheck_format]), name)


# --- internal pages ----------------------------------------------------------------------------


@member_required
def overview(request):
    return _overview(request, public=False)


@member_required
def districts(request):
    return _date_page(request, "districts", public=False)


@member_required
def nationalities(request):
    return _date_page(request, "nationalities", public=False)


@member_required
def pyramid(request):
    return _date_page(request, "pyramid", public=False)


@member_required
def export(request, factcheck_table, factcheck_format):
    return _export(request, factcheck_table, factcheck_format, public=False)


@role_required(OFFICE)
def upload_extract(request):
    """Store the extract privately and start the job (statistics/jobs.py); the job page shows progress."""
    form = RegisterExtractForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = [save_private_upload(request.municipality, request.user, form.cleaned_data["file"])]
        if form.cleaned_data.get("columns"):
            uploads.append(
                save_private_upload(request.municipality, request.user, form.cleaned_data["columns"])
            )
        job = start_job(
            request.municipality,
            request.user,
            statistics_jobs.REGISTER_EXTRACT,
            params={"reference_date": form.cleaned_data["reference_date"].isoformat()},
            uploads=uploads,
            keep_upload=form.cleaned_data["keep_file"],
        )
        return redirect(job)
    ctx = _context(request, "upload", False)
    ctx.update(form=form, title=_("Registerauszug hochladen"), kind="extract")
    return render(request, "statistics/upload.html", ctx)


@role_required(OFFICE)
def upload_table(request):
    form = StatisticsTableForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = save_private_upload(request.municipality, request.user, form.cleaned_data["file"])
        job = start_job(request.municipality, request.user, statistics_jobs.TABLE, uploads=[upload])
        return redirect(job)
    ctx = _context(request, "upload", False)
    ctx.update(form=form, title=_("Tabelle des Statistikamts importieren"), kind="table")
    return render(request, "statistics/upload.html", ctx)


@role_required(OFFICE)
@require_safe
def table_export(request, export_format):
    """The stored figures as the statistics office's table (statistics/table_file.py): it imports back."""
    data = table_file.export_xlsx(request.municipality) if export_format == "xlsx" else None
    if export_format == "csv":
        data = table_file.export_csv(request.municipality)
    if data is None:
        raise Http404
    what = pgettext("Dateiname", "Kennzahlen")
    name = download_name(
        pgettext("Dateiname", "Faktencheck"), what, request.municipality.slug, ext=export_format
    )
    return attachment(HttpResponse(data, content_type=exports.CONTENT_TYPES[export_format]), name)


@role_required(OFFICE)
@require_safe
def table_template(request):
    """The empty table with notes on each column."""
    name = download_name(pgettext("Dateiname", "Vorlage-Kennzahlen"), ext="xlsx")
    return attachment(
        HttpResponse(table_file.template_xlsx(), content_type=exports.CONTENT_TYPES["xlsx"]), name
    )


@role_required(OFFICE)
def district_map(request):
    """The office uploads its district boundaries (checked at once, small files) and sees how they match."""
    municipality = request.municipality
    form = DistrictMapForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > geo.MAX_FILE_BYTES:  # before reading it into memory
            form.add_error("file", str(geo.DistrictMapError(upload.name, [geo.too_large(upload.size)])))
        else:
            try:
                stored, read = district_maps.store_district_map(
                    municipality,
                    upload.read(),
                    upload.name,
                    user=request.user,
                    key_property=form.cleaned_data["key_property"] or None,
                )
            except geo.DistrictMapError as error:
                form.add_error("file", str(error))
            else:
                messages.success(request, district_maps.stored_message(stored, read))
                return redirect(reverse("statistics:district_map", args=[municipality.slug]))
    current = district_maps.map_of(municipality)
    ctx = _context(request, "upload", False)
    ctx.update(
        form=form,
        current=current,
        shape_count=current.shapes.count() if current else 0,
        coverage=district_maps.coverage(municipality, current) if current else None,
        public_form=DistrictMapPublicForm(initial={"public": current.public}) if current else None,
        max_megabytes=geo.MAX_FILE_BYTES // 1_000_000,
    )
    return render(request, "statistics/district_map.html", ctx)


@role_required(OFFICE)
@require_POST
def district_map_public(request):
    """The office decides whether the map appears on the public pages."""
    current = district_maps.map_of(request.municipality)
    form = DistrictMapPublicForm(request.POST)
    if current is not None and form.is_valid():
        district_maps.set_district_map_public(current, form.cleaned_data["public"])
        messages.success(
            request,
            _("Die Karte erscheint jetzt auf den öffentlichen Seiten.")
            if current.public
            else _("Die Karte erscheint nicht mehr auf den öffentlichen Seiten."),
        )
    return redirect(reverse("statistics:district_map", args=[request.municipality.slug]))


@role_required(OFFICE)
@require_POST
def set_lead(request):
    """The office chooses which definition its pages and reports lead with."""
    form = LeadForm(request.POST)
    if form.is_valid():
        services.set_lead(request.municipality, form.cleaned_data["lead"])
        messages.success(request, _("Die vorrangige Definition wurde gespeichert."))
    return redirect(reverse("statistics:overview", args=[request.municipality.slug]))


# --- public transparency pages -----------------------------------------------------------------


@public_view
def public_overview(request):
    return _overview(request, public=True)


@public_view
def public_districts(request):
    return _date_page(request, "districts", public=True)


@public_view
def public_nationalities(request):
    return _date_page(request, "nationalities", public=True)


@public_view
def public_pyramid(request):
    return _date_page(request, "pyramid", public=True)


@public_view
def public_export(request, factcheck_table, factcheck_format):
    return _export(request, factcheck_table, factcheck_format, public=True)
