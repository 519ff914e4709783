"""Passing one item straight on ("Direkt weitergeben", office only): from an issue's item or an activity, the
office picks a topic and a language; the page proposes the organisations and contacts interested in that topic
(those that may not be e-mailed are shown with the reason, without a box to tick) and a preview; the office
ticks and sends (a job). Also the topics an organisation or a contact asked to hear about (a form in the
section this app adds to their directory pages) and those sections' values."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.activities.models import Activity
from teilhabe.bulletins.forwarding_forms import ChooseForm, InterestsForm, SendForm
from teilhabe.bulletins.models import ForwardingRecipient, IssueItem, Topic
from teilhabe.bulletins.output.labels import html_lang
from teilhabe.bulletins.services import forwarding as service
from teilhabe.directory.models import Contact, Organisation
from teilhabe.municipalities.scoping import get_scoped_or_404

SECTION_LIMIT = 50


def _page(request, *, item=None, activity=None):
    municipality = request.municipality
    languages = service.languages_for(item=item, activity=activity)
    data = request.POST if request.method == "POST" else (request.GET if "thema" in request.GET else None)
    choose = ChooseForm(data, municipality=municipality, languages=languages, initial={"sprache": "de"})
    candidates, preview, form = [], None, None
    topic = language = None
    if choose.is_valid():
        topic, language = choose.cleaned_data["thema"], choose.cleaned_data["sprache"]
        candidates = service.candidates(municipality, topic, item=item, activity=activity)
        form = SendForm(
            request.POST if request.method == "POST" else None,
            municipality=municipality,
            languages=languages,
            candidates=candidates,
            initial={"thema": topic.pk, "sprache": language},
        )
        if request.method == "POST" and form.is_valid():
            try:
                forwarding = service.forward(
                    municipality,
                    request.user,
                    topic=topic,
                    language=language,
                    chosen=form.cleaned_data["recipients"],
                    item=item,
                    activity=activity,
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Der Beitrag wird weitergegeben."))
                return redirect(forwarding.job.get_absolute_url())
        preview = service.content(municipality, topic, language, item=item, activity=activity)
    ctx = {
        "item": item,
        "activity": activity,
        "choose": choose,
        "form": form,
        "topic": topic,
        "candidates": candidates,
        "sendable": [c for c in candidates if c.sendable],
        "blocked": [c for c in candidates if not c.sendable],
        "preview": preview,
        "preview_lang": html_lang(language) if language else "",
        "has_topics": Topic.objects.for_municipality(municipality).exists(),
    }
    return render(request, "bulletins/forwarding/page.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def forward_item(request, item_id):
    item = get_scoped_or_404(IssueItem.objects.select_related("issue__bulletin", "text"), request, pk=item_id)
    return _page(request, item=item)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def forward_activity(request, activity_id):
    activity = get_scoped_or_404(Activity.objects.select_related("venue"), request, pk=activity_id)
    return _page(request, activity=activity)


def _save_interests(request, obj):
    form = InterestsForm(request.POST, municipality=request.municipality)
    if form.is_valid():
        try:
            service.save_interests(obj, form.cleaned_data["topics"], request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Die Themen sind gespeichert."))
    else:
        messages.error(request, _("Bitte wählen Sie nur vorhandene Themen."))
    return redirect(obj.get_absolute_url() + "#weitergeben")


@role_required(OFFICE)
@require_POST
def contact_topics(request, contact_id):
    return _save_interests(request, get_scoped_or_404(Contact, request, pk=contact_id))


@role_required(OFFICE)
@require_POST
def organisation_topics(request, organisation_id):
    return _save_interests(request, get_scoped_or_404(Organisation, request, pk=organisation_id))


# --- sections on the directory's and the activities' pages (teilhabe/sections.py) ------------------------


def _records(**lookup):
    return list(
        ForwardingRecipient.objects.filter(**lookup)
        .select_related("forwarding__sent_by", "forwarding__topic")
        .order_by("-forwarding__sent_at", "-pk")[:SECTION_LIMIT]
    )


def _interests(obj, field):
    topics = list(Topic.objects.filter(municipality_id=obj.municipality_id).order_by("name"))
    chosen = set(Topic.objects.filter(**{field: obj}).values_list("pk", flat=True))
    form = InterestsForm(municipality=obj.municipality, initial={"topics": sorted(chosen)})
    form.fields["topics"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])
    return {
        "interest_topics": [t for t in topics if t.pk in chosen],
        "interests_form": form if topics else None,
    }


def contact_section(contact):
    return {"forwardings": _records(contact=contact), **_interests(contact, "contacts")}


def organisation_section(organisation):
    return {
        "organisation_forwardings": _records(organisation=organisation),
        **_interests(organisation, "organisations"),
    }


def activity_section(activity):
    return {"forwardable": activity.public and activity.state != Activity.State.IDEA}
