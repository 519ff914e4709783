"""Root URLs. Everything of a municipality lives under /<municipality_slug>/ (see municipalities/middleware.py)."""

from django.contrib import admin
from django.urls import include, path

from teilhabe import media
from teilhabe.accounts import language
from teilhabe.municipalities import views as municipality_views

municipality_patterns = [
    path("", include("teilhabe.municipalities.urls")),
    path("adressbuch/", include("teilhabe.directory.urls")),
    path("verlauf/", include("teilhabe.audit.urls")),
    path("konto/", include("teilhabe.accounts.municipality_urls")),
    path("konzept/", include("teilhabe.concept.urls")),
    path("aktivitaeten/", include("teilhabe.activities.urls")),
    path("faktencheck/", include("teilhabe.statistics.urls")),
    path("aufgaben/", include("teilhabe.jobs.urls")),
    path("oeffentlich/", include("teilhabe.municipalities.public_urls")),
    path("oeffentlich/faktencheck/", include("teilhabe.statistics.public_urls")),
]

urlpatterns = [
    path("", municipality_views.index, name="home"),
    path("konto/", include("teilhabe.accounts.urls")),
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("system/admin/", admin.site.urls),
    path("healthz", municipality_views.healthz, name="healthz"),
    path("media/<slug:folder>/<str:name>", media.serve, name="media"),
    path("<slug:municipality_slug>/", include(municipality_patterns)),
]
