"""Transparency pages: readable without login, never personal data."""

from django.urls import path

from teilhabe.portal.views import public_pages
from teilhabe.portal.views import start as views

app_name = "public"
urlpatterns = [
    path("", views.public_home, name="home"),
    path("barrierefreiheit/", views.accessibility_statement, name="accessibility"),
    path("impressum/", public_pages.imprint, name="imprint"),
    path("datenschutz/", public_pages.privacy, name="privacy"),
    path("leichte-sprache/", public_pages.easy_read, name="easy_read"),
]
