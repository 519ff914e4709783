"""Importing an existing distribution list (office only): upload -> preview job -> confirm -> import job
(bulletins/jobs.py, services/list_import.py), as for the directory and the activities; and the template."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins import jobs as bulletin_jobs
from teilhabe.bulletins.list_forms import ListImportForm
from teilhabe.bulletins.list_layout import template_xlsx
from teilhabe.bulletins.models import DistributionList
from teilhabe.downloads import attachment, download_name
from teilhabe.jobs import flow
from teilhabe.municipalities.scoping import get_scoped_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _list(request, distribution_list_id):
    return get_scoped_or_404(
        DistributionList.objects.select_related("bulletin"), request, pk=distribution_list_id
    )


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def import_upload(request, distribution_list_id):
    """Store the file privately and start the preview job; its page shows what would happen."""
    dlist = _list(request, distribution_list_id)
    form = ListImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        params = {"list": dlist.pk, **form.params()}
        return flow.start_preview(request, bulletin_jobs.IMPORT_PREVIEW, [form.cleaned_data["file"]], params)
    return render(request, "bulletins/lists/import_upload.html", {"form": form, "list": dlist})


@role_required(OFFICE)
@require_POST
def import_confirm(request, distribution_list_id):
    """Confirm a preview of this list: a second job reads the same file again, from scratch, and saves it."""
    dlist = _list(request, distribution_list_id)
    again = reverse("distribution:import", args=[request.municipality.slug, dlist.pk])

    def params(preview):
        if preview.params.get("list") != dlist.pk:
            return redirect(again)
        return dict(preview.params)

    return flow.confirm_preview(
        request, bulletin_jobs.IMPORT_PREVIEW, bulletin_jobs.IMPORT, upload_again=again, params=params
    )


@role_required(OFFICE)
@require_safe
def import_template(request):
    response = HttpResponse(template_xlsx(), content_type=XLSX)
    response["Cache-Control"] = "private, no-store"
    return attachment(response, download_name(pgettext("Dateiname", "Vorlage-Verteiler"), ext="xlsx"))
