"""Leaflet pages: the office's list (which are older than their data), create and edit, the preview (HTML),
the PDF, "neu erstellen" (a new Stand), "Druckfassung erstellen" (a frozen copy of the PDF, listed on the
leaflet's page and downloaded as it was made); and the public page the QR code leads to."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import member_required, public_view, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.leaflet_forms import LEAFLET_FIELDS, LeafletForm, initial_of
from teilhabe.bulletins.models import Leaflet, LeafletPrint
from teilhabe.bulletins.services import leaflets as service
from teilhabe.downloads import attachment, download_name
from teilhabe.languages import language_name
from teilhabe.municipalities.scoping import get_scoped_or_404

PRINT_WORD = pgettext_lazy("Dateiname", "Druckfassung")


@member_required
@require_safe
def leaflet_list(request):
    leaflets = list(service.with_outdated(Leaflet.objects.for_municipality(request.municipality)))
    for leaflet in leaflets:
        leaflet.changes = service.changes(leaflet)
        leaflet.language_label = language_name(leaflet.language)
    return render(
        request,
        "bulletins/leaflets/list.html",
        {"leaflets": leaflets, "outdated": sum(1 for leaflet in leaflets if leaflet.changes)},
    )


def _form(request, leaflet):
    initial = (
        initial_of(leaflet)
        if leaflet
        else {"language": "de", "format": Leaflet.Format.A4, "show_pictures": True}
    )
    form = LeafletForm(request.POST or None, initial=initial, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in LEAFLET_FIELDS}
        leaflet = service.save_leaflet(request.municipality, leaflet, values)
        messages.success(request, _("Der Flyer ist gespeichert; Stand ist heute."))
        return redirect("leaflets:detail", request.municipality.slug, leaflet.pk)
    return render(request, "bulletins/leaflets/form.html", {"form": form, "leaflet": leaflet})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def leaflet_create(request):
    return _form(request, None)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def leaflet_edit(request, leaflet_id):
    return _form(request, get_scoped_or_404(Leaflet, request, pk=leaflet_id))


@member_required
@require_safe
def leaflet_detail(request, leaflet_id):
    leaflet = get_scoped_or_404(service.with_outdated(Leaflet.objects.all()), request, pk=leaflet_id)
    context = service.leaflet_context(leaflet)
    context["changes"] = service.changes(leaflet)
    context["language_label"] = language_name(leaflet.language)
    context["prints"] = list(leaflet.prints.select_related("created_by")[:50])
    return render(request, "bulletins/leaflets/detail.html", context)


@member_required
@require_safe
def leaflet_pdf(request, leaflet_id):
    leaflet = get_scoped_or_404(Leaflet, request, pk=leaflet_id)
    response = HttpResponse(service.render_pdf(leaflet), content_type="application/pdf")
    stand = timezone.localtime(leaflet.stand_at).date()
    name = download_name(pgettext("Dateiname", "Flyer"), leaflet.title, leaflet.language, stand, ext="pdf")
    response["Cache-Control"] = "private, no-store"
    return attachment(response, name)


@role_required(OFFICE)
@require_POST
def leaflet_renew(request, leaflet_id):
    leaflet = service.renew_leaflet(get_scoped_or_404(Leaflet, request, pk=leaflet_id))
    messages.success(request, _("„%(title)s“ hat einen neuen Stand: heute.") % {"title": leaflet.title})
    return redirect("leaflets:list", request.municipality.slug)


@role_required(OFFICE)
@require_POST
def leaflet_print(request, leaflet_id):
    frozen = service.create_print(get_scoped_or_404(Leaflet, request, pk=leaflet_id), request.user)
    messages.success(
        request,
        _("Die Druckfassung von „%(title)s“ ist gespeichert; Stand ist heute.")
        % {"title": frozen.leaflet.title},
    )
    return redirect(
        reverse("leaflets:detail", args=[request.municipality.slug, frozen.leaflet_id]) + "#druckfassungen"
    )


@member_required
@require_safe
def leaflet_print_file(request, leaflet_print_id):
    """A frozen print as it was made (never rendered again)."""
    frozen = get_scoped_or_404(LeafletPrint.objects.select_related("leaflet"), request, pk=leaflet_print_id)
    try:
        data = frozen.file.open("rb").read()
    except FileNotFoundError:
        raise Http404 from None
    finally:
        frozen.file.close()
    leaflet = frozen.leaflet
    day = timezone.localtime(frozen.created_at).date()
    name = download_name(
        pgettext("Dateiname", "Flyer"), leaflet.title, leaflet.language, day, PRINT_WORD, ext="pdf"
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return attachment(response, name)


@public_view
@require_safe
def leaflet_public(request, leaflet_id):
    """What the leaflet's QR code opens: its activities (linked to their public pages) and organisations,
    current; no contacts (nothing personal on a public page)."""
    leaflet = get_scoped_or_404(Leaflet, request, pk=leaflet_id)
    return render(request, "bulletins/leaflets/public.html", service.leaflet_context(leaflet, public=True))
