"""An issue: its page (items in order, state, translation overview), edit, items added, removed and moved,
the state, the preview per language and the PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.forms import IssueForm, ItemForm, ItemTopicsForm, ScheduleForm
from teilhabe.bulletins.models import BulletinIssue, IssueItem, Text, Topic
from teilhabe.bulletins.models.texts import SOURCE_LANGUAGE
from teilhabe.bulletins.services import issues as actions
from teilhabe.bulletins.services import machine, sources
from teilhabe.bulletins.services.pdf import render_issue_pdf
from teilhabe.bulletins.services.texts import Versions, overview
from teilhabe.bulletins.views.common import form_errors, form_page, is_office, refuse_if_frozen
from teilhabe.bulletins.views.public import issue_page_context, language_links
from teilhabe.downloads import attachment, download_name
from teilhabe.languages import language_name
from teilhabe.municipalities.scoping import get_scoped_or_404


def _url(request, name, *args):
    return reverse(f"bulletins:{name}", args=[request.municipality.slug, *args])


def _issue(request, issue_id):
    return get_scoped_or_404(BulletinIssue.objects.select_related("bulletin"), request, pk=issue_id)


def _language(issue, language):
    if language not in issue.bulletin.all_languages:
        raise Http404
    return language


@member_required
@require_safe
def issue_detail(request, issue_id):
    issue = _issue(request, issue_id)
    items = list(
        IssueItem.objects.filter(issue=issue)
        .select_related("text", "activity__venue", "activity__registration_settings", "network")
        .prefetch_related("topics")
        .order_by("position", "pk")
    )
    editorial = Text.objects.filter(issue=issue, kind=Text.Kind.EDITORIAL).first()
    freeze = sources.freeze_of(issue)
    rows = overview(issue, items, editorial)
    languages = [code for code in issue.bulletin.all_languages if code != "de"]
    ctx = {
        "issue": issue,
        "bulletin": issue.bulletin,
        "rows": rows,
        "languages": [(code, language_name(code)) for code in languages],
        "editable": is_office(request) and not issue.frozen and freeze is None,
        "can_edit": is_office(request),
        "freeze": freeze,
        "previews": language_links(issue, "bulletins:preview", request.municipality.slug),
        "schedule_form": ScheduleForm(initial={"scheduled_for": issue.scheduled_for}),
        "machine": machine.translator() is not None,
        "item_count": len(items),
        "has_topics": Topic.objects.for_municipality(request.municipality).exists(),
    }
    return render(request, "bulletins/issue.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def issue_edit(request, issue_id):
    issue = _issue(request, issue_id)
    if refused := refuse_if_frozen(request, issue):
        return refused
    form = IssueForm(request.POST or None, initial={"number": issue.number, "issue_date": issue.issue_date})
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_issue(issue, request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Ausgabe ist gespeichert."))
            return redirect(_url(request, "issue", issue.pk))
    return form_page(request, form, _("Ausgabe bearbeiten"), _url(request, "issue", issue.pk))


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def item_add(request, issue_id):
    issue = _issue(request, issue_id)
    if refused := refuse_if_frozen(request, issue):
        return refused
    form = ItemForm(request.POST or None, municipality=request.municipality, initial={"kind": "activity"})
    if request.method == "POST" and form.is_valid():
        kind, values = form.values()
        try:
            actions.add_item(issue, request.user, kind, **values)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Der Beitrag ist hinzugefügt."))
            return redirect(_url(request, "issue", issue.pk) + "#beitraege")
    intro = _(
        "Übernommene Beiträge bleiben mit ihrer Quelle verbunden und zeigen deren aktuellen Stand, bis die "
        "Ausgabe versendet wird."
    )
    return form_page(request, form, _("Beitrag hinzufügen"), _url(request, "issue", issue.pk), intro=intro)


def _item(request, item_id):
    return get_scoped_or_404(IssueItem.objects.select_related("issue__bulletin", "text"), request, pk=item_id)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def item_topics(request, item_id):
    item = _item(request, item_id)
    if refused := refuse_if_frozen(request, item.issue):
        return refused
    back = _url(request, "issue", item.issue_id) + "#beitraege"
    form = ItemTopicsForm(  # (an empty POST is a choice too: no topic, for everyone)
        request.POST if request.method == "POST" else None,
        municipality=request.municipality,
        initial={"topics": list(item.topics.all())},
    )
    if request.method == "POST" and form.is_valid() and "topics" in form.fields:
        try:
            actions.set_item_topics(item, request.user, form.cleaned_data["topics"])
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Themen des Beitrags sind gespeichert."))
            return redirect(back)
    german = Versions.of([item.text]).latest(item.text_id, SOURCE_LANGUAGE)
    title = _("Themen des Beitrags „%(title)s“") % {"title": german.title if german else item}
    intro = (
        ""
        if "topics" in form.fields
        else _("Es gibt noch keine Themen; legen Sie sie bei den Verteilern an.")
    )
    return form_page(request, form, title, back, intro=intro)


def _refused(request, error, issue):
    messages.error(request, " ".join(error.messages))
    return redirect(_url(request, "issue", issue.pk))


@role_required(OFFICE)
@require_POST
def item_remove(request, item_id):
    item = _item(request, item_id)
    try:
        actions.remove_item(item, request.user)
    except ValidationError as error:
        return _refused(request, error, item.issue)
    messages.success(request, _("Der Beitrag ist entfernt."))
    return redirect(_url(request, "issue", item.issue_id) + "#beitraege")


@role_required(OFFICE)
@require_POST
def item_move(request, item_id):
    item = _item(request, item_id)
    direction = -1 if request.POST.get("richtung") == "hoch" else 1
    try:
        actions.move_item(item, request.user, direction)
    except ValidationError as error:
        return _refused(request, error, item.issue)
    return redirect(_url(request, "issue", item.issue_id) + "#beitraege")


@role_required(OFFICE)
@require_POST
def issue_state(request, issue_id):
    issue = _issue(request, issue_id)
    form = ScheduleForm(request.POST)
    state = request.POST.get("stand")
    try:
        if not form.is_valid():
            raise ValidationError(_("Bitte geben Sie einen gültigen Zeitpunkt an."))
        actions.set_state(issue, request.user, state, form.cleaned_data.get("scheduled_for"))
    except ValidationError as error:
        return _refused(request, error, issue)
    messages.success(request, _("Der Stand der Ausgabe ist gespeichert."))
    return redirect(_url(request, "issue", issue.pk))


@member_required
@require_safe
def preview(request, issue_id, bulletin_language):
    issue = _issue(request, issue_id)
    language = _language(issue, bulletin_language)
    ctx = issue_page_context(request, issue, language, "bulletins:preview")
    return render(request, "bulletins/preview.html", ctx)


@member_required
@require_safe
def issue_pdf(request, issue_id, bulletin_language):
    issue = _issue(request, issue_id)
    language = _language(issue, bulletin_language)
    response = HttpResponse(render_issue_pdf(issue, language), content_type="application/pdf")
    name = download_name(
        pgettext_lazy("Dateiname", "Ausgabe"), issue.bulletin.name, issue.number, language, ext="pdf"
    )
    return attachment(response, name)
