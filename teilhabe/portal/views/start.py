"""The start pages: the list of municipalities, a municipality's home page with its figures and the first-run
guide's state, the office's settings, the public home page, the accessibility statement and the health check."""

import datetime

from django.contrib import messages
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from teilhabe.accounts.decorators import member_required, public_view, role_of, role_required
from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import ADVISORY_BOARD, EDITORS, OFFICE
from teilhabe.municipalities.forms import MunicipalityForm
from teilhabe.municipalities.models import Municipality


def index(request):
    """The start page: a logged-in member goes to their municipality; others see the public list."""
    if request.user.is_authenticated:
        mine = Membership.objects.filter(user=request.user, is_active=True)
        slugs = list(mine.filter(awaiting_acceptance=False).values_list("municipality__slug", flat=True))
        offers = mine.filter(awaiting_acceptance=True).count()
        if len(slugs) == 1 and not offers:
            return redirect("municipalities:home", slugs[0])
        municipalities = (
            Municipality.objects.all()
            if request.user.is_superuser
            else Municipality.objects.filter(slug__in=slugs)
        )
    else:
        municipalities, offers = Municipality.objects.all(), 0
    return render(request, "municipalities/index.html", {"municipalities": municipalities, "offers": offers})


@member_required
def home(request):
    from teilhabe.networks.services.tasks import for_user
    from teilhabe.portal.overview import home_overview

    tasks, overdue = for_user(request.municipality, request.user)
    ctx = {
        "overview": home_overview(request.municipality),
        "my_tasks": tasks,
        "my_overdue": overdue,
        "today": timezone.localdate(),
    }
    role = role_of(request)
    if role == OFFICE or role in EDITORS:
        from teilhabe.concept.services.access import reporting_organisation
        from teilhabe.concept.services.rounds import due_for_home

        organisation = reporting_organisation(role, request.membership)
        ctx.update(due_for_home(request.municipality, organisation, reviews=role == OFFICE))
    if role == ADVISORY_BOARD:
        from teilhabe.reports.services import released_for_board

        ctx["released_reports"] = released_for_board(request.municipality)
    if role == OFFICE:
        from teilhabe.portal.guide import guide_state

        state = guide_state(request.municipality)
        ctx["guide"] = None if state.finished else state
    return render(request, "municipalities/home.html", ctx)


@role_required(OFFICE)
def settings_edit(request):
    form = MunicipalityForm(request.POST or None, request.FILES or None, instance=request.municipality)
    if request.method == "POST" and form.is_valid():
        from teilhabe.municipalities.services import update_municipality

        update_municipality(request.municipality, form.cleaned_data)
        messages.success(request, _("Die Angaben der Kommune wurden gespeichert."))
        return redirect("municipalities:settings", request.municipality.slug)
    return render(request, "municipalities/settings.html", {"form": form})


@require_GET
@public_view
def healthz(request):
    connection.ensure_connection()
    return HttpResponse("ok", content_type="text/plain")


@public_view
def public_home(request):
    from teilhabe.accounts.team import team_groups

    return render(request, "municipalities/public_home.html", {"team": team_groups(request.municipality)})


# When Teilhabe's conformance was last assessed (the statement's "Stand"): the engines of
# teilhabe/tests/test_accessibility.py check every page on every change; update this after a manual review.
ACCESSIBILITY_REVIEWED = datetime.date(2026, 12, 1)


@public_view
def accessibility_statement(request):
    """Erklärung zur Barrierefreiheit (BITV 2.0 § 12b): the municipality's contact and a way to report a barrier."""
    ctx = {"reviewed": ACCESSIBILITY_REVIEWED, "feedback_subject": _("Barriere melden: Teilhabe")}
    return render(request, "municipalities/accessibility_statement.html", ctx)
