"""Import and export of concepts (included into the concept namespace by urls.py)."""

from django.urls import path

from teilhabe.concept.views import transfer as views

urlpatterns = [
    path("<int:concept_id>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:concept_id>/export.csv", views.export_csv, name="export_csv"),
    path("runden/<int:round_id>/export.xlsx", views.round_export_xlsx, name="round_export_xlsx"),
    path("runden/<int:round_id>/export.csv", views.round_export_csv, name="round_export_csv"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/bestaetigen/", views.import_confirm, name="import_confirm"),
]
