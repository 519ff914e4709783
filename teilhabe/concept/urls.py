from django.urls import path

from teilhabe.concept.views import editing as views_editing
from teilhabe.concept.views import pages as views
from teilhabe.concept.views import rounds as views_rounds

app_name = "concept"
urlpatterns = [
    path("", views.index, name="index"),
    path("neu/", views_editing.concept_create, name="concept_create"),
    path("<int:concept_id>/", views.dashboard, name="dashboard"),
    path("<int:concept_id>/bearbeiten/", views_editing.concept_edit, name="concept_edit"),
    path("<int:concept_id>/aufbau/", views_editing.structure_page, name="structure"),
    path("<int:concept_id>/massnahmen/", views.measure_list, name="measure_list"),
    path("<int:concept_id>/massnahmen/neu/", views_editing.measure_create, name="measure_create"),
    path("<int:concept_id>/matrix/", views.matrix, name="matrix"),
    path("<int:concept_id>/handlungsfelder/neu/", views_editing.field_create, name="field_create"),
    path("<int:concept_id>/ziele/neu/", views_editing.goal_create, name="goal_create"),
    path("<int:concept_id>/schwerpunkte/neu/", views_editing.focus_create, name="focus_create"),
    path("<int:concept_id>/runden/", views_rounds.round_list, name="round_list"),
    path("<int:concept_id>/runden/neu/", views_rounds.round_create, name="round_create"),
    path("<int:concept_id>/vergleich/", views_rounds.compare, name="compare"),
    path("handlungsfelder/<int:field_id>/bearbeiten/", views_editing.field_edit, name="field_edit"),
    path("handlungsfelder/<int:field_id>/loeschen/", views_editing.field_delete, name="field_delete"),
    path("ziele/<int:goal_id>/bearbeiten/", views_editing.goal_edit, name="goal_edit"),
    path("ziele/<int:goal_id>/loeschen/", views_editing.goal_delete, name="goal_delete"),
    path("massnahmen/<int:measure_id>/", views.measure_detail, name="measure_detail"),
    path("massnahmen/<int:measure_id>/bearbeiten/", views_editing.measure_edit, name="measure_edit"),
    path("massnahmen/<int:measure_id>/loeschen/", views_editing.measure_delete, name="measure_delete"),
    path("schwerpunkte/<int:focus_id>/bearbeiten/", views_editing.focus_edit, name="focus_edit"),
    path("schwerpunkte/<int:focus_id>/loeschen/", views_editing.focus_delete, name="focus_delete"),
    path("status/", views_editing.status_list, name="status_list"),
    path("status/neu/", views_editing.status_create, name="status_create"),
    path("status/<int:status_id>/bearbeiten/", views_editing.status_edit, name="status_edit"),
    path("status/<int:status_id>/loeschen/", views_editing.status_delete, name="status_delete"),
    path("runden/<int:round_id>/", views_rounds.round_detail, name="round_detail"),
    path("runden/<int:round_id>/bearbeiten/", views_rounds.round_edit, name="round_edit"),
    path("runden/<int:round_id>/abschliessen/", views_rounds.round_close, name="round_close"),
    path("runden/<int:round_id>/massnahmen/<int:measure_id>/", views_rounds.report_edit, name="report_edit"),
    path("meldungen/<int:report_id>/pruefen/", views_rounds.report_review, name="report_review"),
    path("meine-meldungen/", views_rounds.my_reports, name="my_reports"),
]

# Import and export (the "concept transfer" part) live in urls_transfer.py; the app works without them.
try:
    from teilhabe.concept.urls_transfer import urlpatterns as transfer_patterns
except ImportError:  # pragma: no cover - only while that part is not there yet
    transfer_patterns = []
HAS_TRANSFER = bool(transfer_patterns)
urlpatterns += transfer_patterns
