"""The site with one view marked too openly (the audit log for every member), for test_role_walk.py."""

from django.urls import include, path

from teilhabe import urls as site
from teilhabe.accounts.decorators import member_required
from teilhabe.audit import views as audit_views


@member_required
def too_open_log(request):
    return audit_views.log.__wrapped__(request)


municipality_patterns = [
    path("verlauf/", include(([path("", too_open_log, name="log")], "audit"))),
    *[p for p in site.municipality_patterns if str(p.pattern) != "verlauf/"],
]
urlpatterns = [
    *[p for p in site.urlpatterns if str(p.pattern) != "<slug:municipality_slug>/"],
    path("<slug:municipality_slug>/", include(municipality_patterns)),
]
