"""Root URLs. Everything of a municipality lives under /<municipality_slug>/ (see accounts/middleware.py)."""

from django.contrib import admin
from django.urls import include, path

from teilhabe import media
from teilhabe.accounts import language
from teilhabe.api.api import api
from teilhabe.portal.views import start as municipality_views

municipality_patterns = [
    path("", include("teilhabe.portal.urls")),
    path("adressbuch/", include("teilhabe.directory.urls")),
    path("verlauf/", include("teilhabe.audit.urls")),
    path("konto/", include("teilhabe.accounts.municipality_urls")),
    path("konzept/", include("teilhabe.concept.urls")),
    path("aktivitaeten/", include("teilhabe.activities.urls")),
    path("netzwerke/", include("teilhabe.networks.urls")),
    path("foerderprogramme/", include("teilhabe.programmes.urls")),
    path("berichte/", include("teilhabe.reports.urls")),
    path("oeffentlich/berichte/", include("teilhabe.reports.public_urls")),
    path("faktencheck/", include("teilhabe.statistics.urls")),
    path("aufgaben/", include("teilhabe.portal.job_urls")),
    path("oeffentlich/", include("teilhabe.portal.public_urls")),
    path("oeffentlich/konzept/", include("teilhabe.concept.public_urls")),
    path("oeffentlich/faktencheck/", include("teilhabe.statistics.public_urls")),
    path("oeffentlich/aktivitaeten/", include("teilhabe.registrations.public_urls")),
    path("oeffentlich/kalender/", include("teilhabe.activities.public_urls")),
    path("anmeldungen/", include("teilhabe.registrations.urls")),
    path("oeffentlich/netzwerke/", include("teilhabe.networks.public_urls")),
    path("verteiler/", include("teilhabe.bulletins.list_urls")),
    path("oeffentlich/abo/", include("teilhabe.bulletins.subscription_urls")),
    path("flyer/", include("teilhabe.bulletins.leaflet_urls")),
    path("oeffentlich/flyer/", include("teilhabe.bulletins.leaflet_public_urls")),
    path("informationen/", include("teilhabe.bulletins.urls")),
    path("oeffentlich/informationen/", include("teilhabe.bulletins.public_urls")),
]

urlpatterns = [
    path("", municipality_views.index, name="home"),
    path("konto/api-schluessel/", include("teilhabe.api.token_urls")),
    path("konto/", include("teilhabe.accounts.urls")),
    path("api/v1/", api.urls),
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("system/admin/", admin.site.urls),
    path("healthz", municipality_views.healthz, name="healthz"),
    path("media/<slug:folder>/<str:name>", media.serve, name="media"),
    path("<slug:municipality_slug>/", include(municipality_patterns)),
]
