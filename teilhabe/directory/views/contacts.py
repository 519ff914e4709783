"""Contact pages: detail, create, edit, delete, consent withdrawal, Auskunft (JSON) and erasure."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from teilhabe import sections
from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.directory import privacy, services
from teilhabe.directory.forms import ContactFilterForm, ContactForm
from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.permissions import can_see_personal_data
from teilhabe.downloads import attachment, download_name
from teilhabe.municipalities.scoping import get_scoped_or_404

CONSENT_FILTERS = {
    "gueltig": Q(consent_date__isnull=False, consent_withdrawn=False, erased_at=None),
    "fehlt": Q(consent_date__isnull=True, consent_withdrawn=False, erased_at=None),
    "widerrufen": Q(consent_withdrawn=True, erased_at=None),
    "geloescht": Q(erased_at__isnull=False),
}


@role_required(OFFICE)
def contact_list(request):
    form = ContactFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    contacts = Contact.objects.for_municipality(request.municipality).select_related("organisation")
    q = filters.get("q", "").strip()
    if q:
        contacts = contacts.filter(
            Q(name__icontains=q)
            | Q(function__icontains=q)
            | Q(email__icontains=q)
            | Q(organisation__name__icontains=q)
        )
    if filters.get("einwilligung"):
        contacts = contacts.filter(CONSENT_FILTERS[filters["einwilligung"]])
    if filters.get("sprache"):
        contacts = contacts.filter(languages__icontains=f'"{filters["sprache"]}"')
    page = Paginator(contacts.order_by("name", "pk"), 50).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    ctx = {"form": form, "page": page, "query": query.urlencode(), "is_filtered": any(filters.values())}
    return render(request, "directory/contact_list.html", ctx)


def _contact(request, contact_id):
    return get_scoped_or_404(
        Contact.objects.select_related("organisation", "municipality"), request, pk=contact_id
    )


@member_required
def contact_detail(request, contact_id):
    contact = _contact(request, contact_id)
    show_personal_data = can_see_personal_data(request)
    if not show_personal_data and not contact.has_consent:
        # Without valid consent the person is not shown outside the office (same answer as a missing id).
        raise Http404
    ctx = {"contact": contact, "show_personal_data": show_personal_data}
    if show_personal_data:  # what higher apps hold about the person (teilhabe/sections.py): the office's
        ctx.update(sections.context("directory.contact", contact))
    return render(request, "directory/contact_detail.html", ctx)


@role_required(OFFICE)
def contact_create(request, organisation_id):
    organisation = get_scoped_or_404(Organisation, request, pk=organisation_id)
    form = ContactForm(
        request.POST or None, municipality=request.municipality, initial={"organisation": organisation.pk}
    )
    if request.method == "POST" and form.is_valid():
        contact = services.create_contact(request.municipality, form.cleaned_data)
        messages.success(request, _("%(name)s wurde angelegt.") % {"name": contact.name})
        return redirect(contact)
    return render(
        request, "directory/contact_form.html", {"form": form, "organisation": organisation, "contact": None}
    )


@role_required(OFFICE)
def contact_edit(request, contact_id):
    contact = _contact(request, contact_id)
    if contact.erased_at:
        messages.error(
            request, _("Die Personendaten wurden gelöscht; der Eintrag kann nicht mehr bearbeitet werden.")
        )
        return redirect(contact)
    form = ContactForm(request.POST or None, instance=contact, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        services.update_contact(contact, form.cleaned_data)
        messages.success(request, _("Die Änderungen wurden gespeichert."))
        return redirect(contact)
    ctx = {"form": form, "organisation": contact.organisation, "contact": contact}
    return render(request, "directory/contact_form.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def contact_delete(request, contact_id):
    contact = _contact(request, contact_id)
    if request.method == "POST":
        organisation = contact.organisation
        privacy.delete_contact(contact, request.user)
        messages.success(request, _("Die Ansprechperson wurde gelöscht."))
        return redirect(organisation)
    return render(request, "directory/contact_confirm.html", {"contact": contact, "action": "delete"})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def contact_withdraw(request, contact_id):
    contact = _contact(request, contact_id)
    if request.method == "POST":
        privacy.withdraw_consent(contact)
        messages.success(
            request,
            _(
                "Der Widerruf wurde eingetragen. Bitte löschen (anonymisieren) Sie die Daten, wenn sie nicht mehr gebraucht werden."
            ),
        )
        return redirect(contact)
    return render(request, "directory/contact_confirm.html", {"contact": contact, "action": "withdraw"})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def contact_export(request, contact_id):
    contact = _contact(request, contact_id)
    if request.method == "POST":
        data = privacy.export_contact(contact, request.user)
        name = download_name(pgettext("Dateiname", "Auskunft-Ansprechperson"), contact.pk, ext="json")
        return attachment(HttpResponse(data, content_type="application/json; charset=utf-8"), name)
    return render(request, "directory/contact_confirm.html", {"contact": contact, "action": "export"})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def contact_erase(request, contact_id):
    contact = _contact(request, contact_id)
    if contact.erased_at:
        messages.info(request, _("Die Personendaten wurden bereits gelöscht."))
        return redirect(contact)
    if request.method == "POST":
        privacy.erase_contact(contact, request.user)
        messages.success(request, _("Die Personendaten wurden gelöscht. Der Eintrag bleibt anonym erhalten."))
        return redirect(contact)
    return render(request, "directory/contact_confirm.html", {"contact": contact, "action": "erase"})
