from django.core.paginator import Paginator
from django.shortcuts import render

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.audit.services import entries_for_municipality


@role_required(OFFICE)
def log(request):
    entries = entries_for_municipality(request.municipality)
    page = Paginator(entries, 50).get_page(request.GET.get("seite"))
    return render(request, "audit/log.html", {"page": page})
