"""The series (Kompakt-Info, Com-In …): list, create, page with its issues, edit with layout."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.forms import BulletinForm, NewIssueForm
from teilhabe.bulletins.models import Bulletin, BulletinLayout
from teilhabe.bulletins.services import issues as actions
from teilhabe.bulletins.views.common import form_errors, form_page, is_office
from teilhabe.languages import language_name
from teilhabe.municipalities.scoping import get_scoped_or_404


def _url(request, name, *args):
    return reverse(f"bulletins:{name}", args=[request.municipality.slug, *args])


@member_required
@require_safe
def series_list(request):
    series = (
        Bulletin.objects.for_municipality(request.municipality)
        .annotate(issue_count=Count("issues"))
        .order_by("name")
    )
    return render(request, "bulletins/list.html", {"series": series, "can_edit": is_office(request)})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def series_create(request):
    form = BulletinForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            bulletin = actions.save_bulletin(request.municipality, request.user, form.values())
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Reihe ist angelegt."))
            return redirect(_url(request, "series", bulletin.pk))
    return form_page(request, form, _("Neue Reihe"), _url(request, "list"), multipart=True)


@member_required
@require_safe
def series_detail(request, bulletin_id):
    bulletin = get_scoped_or_404(Bulletin, request, pk=bulletin_id)
    layout = BulletinLayout.objects.filter(bulletin=bulletin).first()
    ctx = {
        "bulletin": bulletin,
        "layout": layout,
        "issues": bulletin.issues.order_by("-number"),
        "language_names": [language_name(code) for code in bulletin.all_languages],
        "can_edit": is_office(request),
    }
    return render(request, "bulletins/series.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def series_edit(request, bulletin_id):
    bulletin = get_scoped_or_404(Bulletin, request, pk=bulletin_id)
    layout = actions.layout_of(bulletin)
    form = BulletinForm(request.POST or None, request.FILES or None, instance=bulletin, layout=layout)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_bulletin(request.municipality, request.user, form.values(), bulletin=bulletin)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Reihe ist gespeichert."))
            return redirect(_url(request, "series", bulletin.pk))
    cancel = _url(request, "series", bulletin.pk)
    return form_page(request, form, _("Reihe bearbeiten"), cancel, multipart=True)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def issue_create(request, bulletin_id):
    bulletin = get_scoped_or_404(Bulletin, request, pk=bulletin_id)
    initial = {"number": actions.next_number(bulletin)}
    form = NewIssueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            issue = actions.create_issue(bulletin, request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Ausgabe ist angelegt."))
            return redirect(_url(request, "issue", issue.pk))
    title = _("Neue Ausgabe: %(name)s") % {"name": bulletin.name}
    return form_page(request, form, title, _url(request, "series", bulletin.pk))
