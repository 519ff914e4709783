"""The concept's public page (no login, nothing personal): only what the office published."""

from django.urls import path

from teilhabe.concept.views import public as views

app_name = "concept_public"
urlpatterns = [path("", views.concept, name="concept")]
