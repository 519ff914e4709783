"""The office's privacy search for the distribution lists: one address, its Auskunft as JSON, its erasure."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.list_forms import PrivacySearchForm
from teilhabe.bulletins.services import privacy
from teilhabe.downloads import attachment, download_name


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def privacy_search(request):
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = PrivacySearchForm(data)
    found, searched = None, False
    if form.is_valid():
        searched = True
        found = privacy.find(request.municipality, form.cleaned_data["adresse"])
        if request.method == "POST" and found is not None:
            if request.POST.get("action") == "export":
                body = privacy.export_subscriber(found, request.user)
                response = HttpResponse(body, content_type="application/json; charset=utf-8")
                response["Cache-Control"] = "private, no-store"
                name = download_name(
                    pgettext("Dateiname", "Auskunft Verteiler"), timezone.localdate(), ext="json"
                )
                return attachment(response, name)
            if request.POST.get("action") == "erase":
                privacy.erase_subscriber(found, request.user)
                messages.success(request, _("Die Adresse und ihre Einwilligungsnachweise sind gelöscht."))
                return redirect("distribution:privacy", request.municipality.slug)
    ctx = {"form": form, "found": found, "searched": searched}
    if found is not None:
        ctx["subscriptions"] = found.subscriptions.select_related("distribution_list__bulletin")
        ctx["consents"] = found.consents.select_related("distribution_list__bulletin")
    return render(request, "bulletins/lists/privacy.html", ctx)
