"""Writing a text in a language (the German source or a translation), approving a machine translation, asking
the configured machine translation for a draft."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.forms import TextForm
from teilhabe.bulletins.models import BulletinIssue, IssueItem, Text, TextVersion
from teilhabe.bulletins.models.texts import SOURCE_LANGUAGE
from teilhabe.bulletins.output.labels import direction, html_lang
from teilhabe.bulletins.services import machine
from teilhabe.bulletins.services.texts import approve, editorial_of, issue_editable, save_version
from teilhabe.bulletins.views.common import form_errors, form_page, refuse_if_frozen
from teilhabe.languages import language_name
from teilhabe.municipalities.scoping import get_scoped_or_404


def _issue_url(request, issue):
    return reverse("bulletins:issue", args=[request.municipality.slug, issue.pk]) + "#uebersetzungen"


def _text_page(request, issue, text, language, what):
    if language not in issue.bulletin.all_languages:
        raise Http404
    if refused := refuse_if_frozen(request, issue):
        return refused
    german = language == SOURCE_LANGUAGE
    latest = text.versions.filter(language=language).order_by("-number").first() if text.pk else None
    source = (
        None
        if german or not text.pk
        else text.versions.filter(language=SOURCE_LANGUAGE).order_by("-number").first()
    )
    initial = {"title": latest.title, "body": latest.body} if latest else {}
    form = TextForm(request.POST or None, initial=initial, german=german)
    for name in ("title", "body"):
        form.fields[name].widget.attrs.update(lang=html_lang(language), dir=direction(language))
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            save_version(
                text,
                request.user,
                language=language,
                title=values["title"],
                body=values["body"],
                minor=values.get("minor", False),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Fassung ist gespeichert."))
            return redirect(_issue_url(request, issue))
    title = _("%(what)s: %(language)s") % {"what": what, "language": language_name(language)}
    intro = _("Jede Änderung wird als neue Fassung gespeichert; frühere Fassungen bleiben erhalten.")
    return form_page(request, form, title, _issue_url(request, issue), intro=intro, source=source)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def editorial_edit(request, issue_id, bulletin_language):
    issue = get_scoped_or_404(BulletinIssue.objects.select_related("bulletin"), request, pk=issue_id)
    text = issue.texts.filter(kind=Text.Kind.EDITORIAL).first()
    if text is None and request.method == "POST" and issue_editable(issue):
        text = editorial_of(issue)
    elif text is None:  # no write on GET: an unsaved editorial until its first version
        text = Text(municipality=issue.municipality, issue=issue, kind=Text.Kind.EDITORIAL)
    return _text_page(request, issue, text, bulletin_language, _("Vorwort"))


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def item_text_edit(request, item_id, bulletin_language):
    item = get_scoped_or_404(IssueItem.objects.select_related("issue__bulletin", "text"), request, pk=item_id)
    return _text_page(request, item.issue, item.text, bulletin_language, item.get_kind_display())


@role_required(OFFICE)
@require_POST
def version_approve(request, version_id):
    version = get_scoped_or_404(TextVersion.objects.select_related("text__issue"), request, pk=version_id)
    try:
        approve(version, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Die Übersetzung ist als geprüft markiert."))
    return redirect(_issue_url(request, version.text.issue))


@role_required(OFFICE)
@require_POST
def item_machine_translate(request, item_id, bulletin_language):
    item = get_scoped_or_404(IssueItem.objects.select_related("issue__bulletin", "text"), request, pk=item_id)
    if bulletin_language not in item.issue.bulletin.languages:
        raise Http404
    try:
        machine.machine_translate(item.text, request.user, bulletin_language)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Maschinell übersetzt. Bitte prüfen Sie die Übersetzung."))
    return redirect(_issue_url(request, item.issue))
