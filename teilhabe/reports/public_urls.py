"""The published reports on the municipality's public site (no login): the list and each one's stored PDF."""

from django.urls import path

from teilhabe.reports import views

app_name = "reports_public"
urlpatterns = [
    path("", views.public_list, name="list"),
    path("<int:report_version_id>/bericht.pdf", views.public_pdf, name="pdf"),
]
