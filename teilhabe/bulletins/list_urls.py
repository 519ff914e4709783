"""The office's pages of the distribution lists and of sending (/<slug>/verteiler/…)."""

from django.urls import path

from teilhabe.bulletins.views import forwarding, list_import, lists, privacy, sending

app_name = "distribution"

urlpatterns = [
    path("", lists.index, name="index"),
    path("neu/", lists.list_form, name="create"),
    path("<int:distribution_list_id>/", lists.detail, name="detail"),
    path("<int:distribution_list_id>/bearbeiten/", lists.list_form, name="edit"),
    path("<int:distribution_list_id>/ansprechpersonen/", lists.add_contacts, name="add_contacts"),
    path("<int:distribution_list_id>/import/", list_import.import_upload, name="import"),
    path("<int:distribution_list_id>/import/bestaetigen/", list_import.import_confirm, name="import_confirm"),
    path("import/vorlage.xlsx", list_import.import_template, name="import_template"),
    path("eintrag/<int:subscription_id>/abmelden/", lists.remove, name="remove"),
    path("empfaenger/<int:subscriber_id>/freigeben/", lists.lift_suspension, name="lift_suspension"),
    path("themen/", lists.topics, name="topics"),
    path("weitergeben/beitrag/<int:item_id>/", forwarding.forward_item, name="forward_item"),
    path("weitergeben/aktivitaet/<int:activity_id>/", forwarding.forward_activity, name="forward_activity"),
    path("interessen/person/<int:contact_id>/", forwarding.contact_topics, name="contact_topics"),
    path(
        "interessen/organisation/<int:organisation_id>/",
        forwarding.organisation_topics,
        name="organisation_topics",
    ),
    path("datenschutz/", privacy.privacy_search, name="privacy"),
    path("versand/<int:issue_id>/", sending.send_page, name="send"),
    path("versand/<int:issue_id>/test/", sending.test_send, name="test_send"),
    path("versand/<int:issue_id>/planen/", sending.schedule, name="schedule"),
    path("versand/<int:issue_id>/fortsetzen/", sending.resume, name="resume"),
    path("versand/<int:issue_id>/aufheben/", sending.unschedule, name="unschedule"),
]
