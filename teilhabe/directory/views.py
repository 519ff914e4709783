from django.shortcuts import render

from teilhabe.accounts.decorators import member_required
from teilhabe.directory.models import Contact, Organisation
from teilhabe.municipalities.scoping import get_scoped_or_404


@member_required
def organisation_list(request):
    organisations = Organisation.objects.for_municipality(request.municipality).select_related("parent")
    return render(request, "directory/organisation_list.html", {"organisations": organisations})


@member_required
def organisation_detail(request, organisation_id):
    organisation = get_scoped_or_404(Organisation, request, pk=organisation_id)
    return render(request, "directory/organisation_detail.html", {"organisation": organisation})


@member_required
def contact_detail(request, contact_id):
    contact = get_scoped_or_404(Contact.objects.select_related("organisation"), request, pk=contact_id)
    return render(request, "directory/contact_detail.html", {"contact": contact})
