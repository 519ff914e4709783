"""Organisation pages: list with search and filters, detail with everything linked to it, edit, delete."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, ProtectedError, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from teilhabe import sections
from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.directory import services
from teilhabe.directory.forms import OrganisationFilterForm, OrganisationForm
from teilhabe.directory.models import Organisation
from teilhabe.directory.permissions import can_edit_organisation, can_see_personal_data, is_office
from teilhabe.municipalities.scoping import get_scoped_or_404

PAGE_SIZE = 50


def filter_organisations(organisations, *, q="", kind="", language=""):
    if q:
        organisations = organisations.filter(
            Q(name__icontains=q) | Q(short_name__icontains=q) | Q(notes__icontains=q)
        )
    if kind:
        organisations = organisations.filter(kind=kind)
    if language:
        # languages is a JSON list of codes; the quoted code matches one element (SQLite and PostgreSQL)
        organisations = organisations.filter(languages__icontains=f'"{language}"')
    return organisations


@member_required
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = filter_organisations(
        Organisation.objects.for_municipality(request.municipality),
        q=filters.get("q", "").strip(),
        kind=filters.get("art", ""),
        language=filters.get("sprache", ""),
    )
    visible_contacts = Q()
    if not is_office(request):  # the same people the detail page shows to other roles
        visible_contacts = Q(
            contacts__consent_withdrawn=False, contacts__erased_at=None, contacts__consent_date__isnull=False
        )
    organisations = (
        organisations.select_related("parent")
        .annotate(contact_count=Count("contacts", filter=visible_contacts))
        .order_by("name")
    )
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    ctx = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "is_filtered": bool(filters and any(filters.values())),
    }
    return render(request, "directory/organisation_list.html", ctx)


@member_required
def organisation_detail(request, organisation_id):
    organisation = get_scoped_or_404(
        Organisation.objects.select_related("parent"), request, pk=organisation_id
    )
    contacts = organisation.contacts.all()
    if not can_see_personal_data(request):
        contacts = contacts.filter(consent_withdrawn=False, erased_at=None, consent_date__isnull=False)
    ctx = {
        "organisation": organisation,
        "children": organisation.children.all(),
        "contacts": list(contacts),
        "led_measures": list(organisation.led_measures.select_related("current_status").order_by("sort_key")),
        "involved_measures": list(
            organisation.involved_measures.select_related("current_status", "lead").order_by("sort_key")
        ),
        "can_edit": can_edit_organisation(request, organisation),
        "show_personal_data": can_see_personal_data(request),
        **sections.context("directory.organisation", organisation),
    }
    return render(request, "directory/organisation_detail.html", ctx)


@role_required(OFFICE)
def organisation_create(request):
    form = OrganisationForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(request.municipality, form.cleaned_data)
        messages.success(
            request, _("Die Organisation „%(name)s“ wurde angelegt.") % {"name": organisation.name}
        )
        return redirect(organisation)
    return render(request, "directory/organisation_form.html", {"form": form, "organisation": None})


@role_required(OFFICE)
def organisation_edit(request, organisation_id):
    organisation = get_scoped_or_404(Organisation, request, pk=organisation_id)
    return _edit(request, organisation, restricted=False)


@role_required(DEPARTMENT_EDITOR, PARTNER_EDITOR)
def own_organisation_edit(request):
    """Editors keep the record of the organisation they act for up to date (and no other)."""
    organisation_id = request.membership.organisation_id if request.membership else None
    if organisation_id is None:
        raise Http404
    organisation = get_scoped_or_404(Organisation, request, pk=organisation_id)
    return _edit(request, organisation, restricted=True)


def _edit(request, organisation, *, restricted):
    form = OrganisationForm(
        request.POST or None, instance=organisation, municipality=request.municipality, restricted=restricted
    )
    if request.method == "POST" and form.is_valid():
        services.update_organisation(organisation, form.cleaned_data)
        messages.success(request, _("Die Änderungen wurden gespeichert."))
        return redirect(organisation)
    ctx = {"form": form, "organisation": organisation, "restricted": restricted}
    return render(request, "directory/organisation_form.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def organisation_delete(request, organisation_id):
    organisation = get_scoped_or_404(Organisation, request, pk=organisation_id)
    blockers = deletion_blockers(organisation)
    if request.method == "POST" and not blockers:
        name = organisation.name
        try:
            organisation.delete()
        except ProtectedError:
            messages.error(
                request,
                _("„%(name)s“ kann nicht gelöscht werden, weil noch Daten daran hängen.") % {"name": name},
            )
            return redirect(organisation)
        messages.success(request, _("Die Organisation „%(name)s“ wurde gelöscht.") % {"name": name})
        return redirect("directory:organisation_list", request.municipality.slug)
    if request.method == "POST":
        messages.error(request, blockers[0])
    ctx = {
        "organisation": organisation,
        "blockers": blockers,
        "contact_count": organisation.contacts.count(),
        "child_count": organisation.children.count(),
    }
    return render(
        request,
        "directory/organisation_confirm_delete.html",
        ctx,
        status=409 if blockers and request.method == "POST" else 200,
    )


def deletion_blockers(organisation):
    """German reasons why the organisation must stay (it is referenced with PROTECT)."""
    reasons = []
    led = organisation.led_measures.count()
    if led:
        reasons.append(
            ngettext(
                "„%(name)s“ ist bei %(count)s Maßnahme federführend und kann deshalb nicht gelöscht werden. "
                "Bitte tragen Sie dort zuerst eine andere federführende Stelle ein.",
                "„%(name)s“ ist bei %(count)s Maßnahmen federführend und kann deshalb nicht gelöscht werden. "
                "Bitte tragen Sie dort zuerst eine andere federführende Stelle ein.",
                led,
            )
            % {"name": organisation.name, "count": led}
        )
    members = organisation.memberships.count()
    if members:
        reasons.append(
            ngettext(
                "Für „%(name)s“ ist noch %(count)s Benutzerkonto eingetragen. "
                "Bitte ordnen Sie es zuerst einer anderen Organisation zu.",
                "Für „%(name)s“ sind noch %(count)s Benutzerkonten eingetragen. "
                "Bitte ordnen Sie diese zuerst einer anderen Organisation zu.",
                members,
            )
            % {"name": organisation.name, "count": members}
        )
    return reasons
