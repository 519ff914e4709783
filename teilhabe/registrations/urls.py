from django.urls import path

from teilhabe.registrations.views import staff as views

app_name = "registrations"
urlpatterns = [
    path("aktivitaet/<int:activity_id>/", views.participant_list, name="participants"),
    path("aktivitaet/<int:activity_id>/einstellungen/", views.settings_edit, name="settings"),
    path("aktivitaet/<int:activity_id>/teilnahme/", views.attendance, name="attendance"),
    path("aktivitaet/<int:activity_id>/teilnehmende.xlsx", views.export_xlsx, name="export_xlsx"),
    path("aktivitaet/<int:activity_id>/anwesenheitsliste.pdf", views.sign_in_sheet, name="sign_in_sheet"),
    path("<int:registration_id>/abmelden/", views.cancel_registration, name="cancel"),
    path("regeln/", views.policy_edit, name="policy"),
    path("datenschutz/", views.privacy_search, name="privacy"),
]
