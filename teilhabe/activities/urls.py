from django.urls import path

from teilhabe.activities import views, views_transfer, views_vocabulary

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("vergangene/", views.past_list, name="past"),
    path("kalender/", views.month_calendar, name="calendar"),
    path("neu/", views.activity_create, name="create"),
    path("<int:activity_id>/", views.activity_detail, name="detail"),
    path("<int:activity_id>/bearbeiten/", views.activity_edit, name="edit"),
    path("<int:activity_id>/stand/", views.activity_state, name="state"),
    path("<int:activity_id>/beteiligte/neu/", views.partner_add, name="partner_add"),
    path("beteiligte/<int:partner_id>/austragen/", views.partner_remove, name="partner_remove"),
    path("<int:activity_id>/bilder/neu/", views.picture_add, name="picture_add"),
    path("bilder/<int:picture_id>/", views.picture_edit, name="picture_edit"),
    path("bilder/<int:picture_id>/datei", views.picture_file, name="picture_file"),
    path("<int:activity_id>/anhaenge/neu/", views.attachment_add, name="attachment_add"),
    path("anhaenge/<int:attachment_id>/loeschen/", views.attachment_delete, name="attachment_delete"),
    path("anhaenge/<int:attachment_id>/datei", views.attachment_file, name="attachment_file"),
    # export of a year and import (views_transfer.py)
    path("export/", views_transfer.export_page, name="export"),
    path(
        "export/aktivitaeten.xlsx",
        views_transfer.export_download,
        {"export_format": "xlsx"},
        name="export_xlsx",
    ),
    path(
        "export/aktivitaeten.csv", views_transfer.export_download, {"export_format": "csv"}, name="export_csv"
    ),
    path("export/vorlage.xlsx", views_transfer.export_template, name="export_template"),
    path("import/", views_transfer.import_upload, name="import"),
    path("import/bestaetigen/", views_transfer.import_confirm, name="import_confirm"),
    # places and target groups (views_vocabulary.py)
    path("orte/", views_vocabulary.venue_list, name="venue_list"),
    path("orte/neu/", views_vocabulary.venue_create, name="venue_create"),
    path("orte/<int:venue_id>/", views_vocabulary.venue_edit, name="venue_edit"),
    path("zielgruppen/", views_vocabulary.target_group_list, name="target_group_list"),
    path("zielgruppen/neu/", views_vocabulary.target_group_create, name="target_group_create"),
    path("zielgruppen/<int:target_group_id>/", views_vocabulary.target_group_edit, name="target_group_edit"),
]
