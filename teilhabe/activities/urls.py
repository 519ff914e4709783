from django.urls import path

from teilhabe.activities.views import feeds, pages, transfer, vocabulary

app_name = "activities"
urlpatterns = [
    path("", pages.activity_list, name="list"),
    path("vergangene/", pages.past_list, name="past"),
    path("kalender/", pages.month_calendar, name="calendar"),
    # calendar feeds (views/feeds.py)
    path("kalender-abo/", feeds.subscription, name="subscription"),
    path("kalender-abo/erneuern/", feeds.subscription_renew, name="subscription_renew"),
    path("kalender-abo/<str:feed_token>.ics", feeds.personal_feed, name="personal_feed"),
    path("neu/", pages.activity_create, name="create"),
    path("<int:activity_id>/", pages.activity_detail, name="detail"),
    path("<int:activity_id>/bearbeiten/", pages.activity_edit, name="edit"),
    path("<int:activity_id>/stand/", pages.activity_state, name="state"),
    path("<int:activity_id>/beteiligte/neu/", pages.partner_add, name="partner_add"),
    path("beteiligte/<int:partner_id>/austragen/", pages.partner_remove, name="partner_remove"),
    path("<int:activity_id>/bilder/neu/", pages.picture_add, name="picture_add"),
    path("bilder/<int:picture_id>/", pages.picture_edit, name="picture_edit"),
    path("bilder/<int:picture_id>/datei", pages.picture_file, name="picture_file"),
    path("<int:activity_id>/anhaenge/neu/", pages.attachment_add, name="attachment_add"),
    path("anhaenge/<int:attachment_id>/loeschen/", pages.attachment_delete, name="attachment_delete"),
    path("anhaenge/<int:attachment_id>/datei", pages.attachment_file, name="attachment_file"),
    # export of a year and import (views/transfer.py)
    path("export/", transfer.export_page, name="export"),
    path(
        "export/aktivitaeten.xlsx",
        transfer.export_download,
        {"export_format": "xlsx"},
        name="export_xlsx",
    ),
    path("export/aktivitaeten.csv", transfer.export_download, {"export_format": "csv"}, name="export_csv"),
    path("export/vorlage.xlsx", transfer.export_template, name="export_template"),
    path("import/", transfer.import_upload, name="import"),
    path("import/bestaetigen/", transfer.import_confirm, name="import_confirm"),
    # places and target groups (views/vocabulary.py)
    path("orte/", vocabulary.venue_list, name="venue_list"),
    path("orte/neu/", vocabulary.venue_create, name="venue_create"),
    path("orte/<int:venue_id>/", vocabulary.venue_edit, name="venue_edit"),
    path("zielgruppen/", vocabulary.target_group_list, name="target_group_list"),
    path("zielgruppen/neu/", vocabulary.target_group_create, name="target_group_create"),
    path("zielgruppen/<int:target_group_id>/", vocabulary.target_group_edit, name="target_group_edit"),
]
