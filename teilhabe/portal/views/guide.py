"""The first-run guide's pages (teilhabe/portal/guide.py): the list of steps and one step's page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE


@role_required(OFFICE)
def guide(request):
    """The first-run guide: its steps with what each is for and whether it is done."""
    from teilhabe.portal import guide as setup

    if request.method == "POST":
        if request.POST.get("action") == "finish":
            setup.finish_guide(request.municipality)
            messages.success(
                request,
                _("Der Einrichtungsassistent ist beendet. Sie finden ihn jederzeit in den Einstellungen."),
            )
            return redirect("municipalities:home", request.municipality.slug)
        if request.POST.get("action") == "reopen":
            setup.reopen_guide(request.municipality)
        return redirect("municipalities:guide", request.municipality.slug)
    return render(request, "municipalities/guide.html", {"guide": setup.guide_state(request.municipality)})


@role_required(OFFICE)
def guide_step(request, guide_step):
    from teilhabe.municipalities.forms import OfficeContactForm
    from teilhabe.portal import guide as setup
    from teilhabe.portal.forms import OrganisationListForm

    if guide_step not in setup.BY_KEY:
        raise Http404
    municipality = request.municipality
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action in ("skip", "resume", "confirm"):
        {"skip": setup.skip_step, "resume": setup.resume_step, "confirm": setup.confirm_step}[action](
            municipality, guide_step
        )
        return _after_step(request, guide_step, action)
    form = None
    if guide_step == "contact":
        form = OfficeContactForm(
            request.POST if action == "save" else None,
            request.FILES if action == "save" else None,
            instance=municipality,
        )
        if action == "save" and form.is_valid():
            from teilhabe.municipalities.services import update_municipality

            update_municipality(municipality, form.cleaned_data)
            setup.confirm_step(municipality, guide_step)
            messages.success(request, _("Die Kontaktdaten wurden gespeichert."))
            return _after_step(request, guide_step, "confirm")
    elif guide_step == "organisations":
        form = OrganisationListForm(request.POST if action == "save" else None)
        if action == "save" and form.is_valid():
            result = setup.create_organisations(
                municipality, form.cleaned_data["names"], form.cleaned_data["kind"]
            )
            created, existing = len(result.created), len(result.existing)
            text = ngettext(
                "%(count)s Organisation angelegt.", "%(count)s Organisationen angelegt.", created
            ) % {"count": created}
            if existing:
                text += " " + ngettext(
                    "%(count)s war schon im Adressbuch.", "%(count)s waren schon im Adressbuch.", existing
                ) % {"count": existing}
            messages.success(request, text)
            return redirect("municipalities:guide_step", municipality.slug, guide_step)
    state = setup.guide_state(municipality)
    ctx = {
        "guide": state,
        "current": state.get(guide_step),
        "form": form,
        **_step_context(request, guide_step),
    }
    return render(request, "municipalities/guide_step.html", ctx)


def _after_step(request, key, action):
    from teilhabe.portal import guide as setup

    if action == "resume":
        return redirect("municipalities:guide_step", request.municipality.slug, key)
    following = setup.STEP_KEYS.index(key) + 1
    if following < len(setup.STEP_KEYS):
        return redirect("municipalities:guide_step", request.municipality.slug, setup.STEP_KEYS[following])
    return redirect("municipalities:guide", request.municipality.slug)


def _step_context(request, key) -> dict:
    """What a step's page shows besides its form: bounded queries, nothing written."""
    from django.apps import apps

    municipality = request.municipality
    if key == "statuses":
        Status = apps.get_model("concept", "Status")
        return {"statuses": list(Status.objects.filter(municipality=municipality).order_by("order", "pk"))}
    if key == "organisations":
        Organisation = apps.get_model("directory", "Organisation")
        organisations = Organisation.objects.filter(municipality=municipality)
        return {
            "organisation_count": organisations.count(),
            "organisation_names": list(organisations.values_list("name", flat=True)[:12]),
        }
    if key in ("concept", "round"):
        Concept = apps.get_model("concept", "Concept")
        ReportingRound = apps.get_model("concept", "ReportingRound")
        concept = Concept.objects.filter(municipality=municipality).order_by("-is_current", "-pk").first()
        rounds = ReportingRound.objects.filter(municipality=municipality).order_by("-pk")
        return {"concept": concept, "latest_round": rounds.first()}
    if key == "team":
        Membership = apps.get_model("accounts", "Membership")
        members = Membership.objects.filter(municipality=municipality, is_active=True)
        return {"member_count": members.count()}
    return {}
