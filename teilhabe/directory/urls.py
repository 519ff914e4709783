from django.urls import path

from teilhabe.directory.views import contacts, organisations, transfer

app_name = "directory"
urlpatterns = [
    path("", organisations.organisation_list, name="organisation_list"),
    path("neu/", organisations.organisation_create, name="organisation_create"),
    path("meine-organisation/bearbeiten/", organisations.own_organisation_edit, name="own_organisation_edit"),
    path(
        "organisationen/<int:organisation_id>/", organisations.organisation_detail, name="organisation_detail"
    ),
    path(
        "organisationen/<int:organisation_id>/bearbeiten/",
        organisations.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisationen/<int:organisation_id>/loeschen/",
        organisations.organisation_delete,
        name="organisation_delete",
    ),
    path(
        "organisationen/<int:organisation_id>/personen/neu/", contacts.contact_create, name="contact_create"
    ),
    path("personen/", contacts.contact_list, name="contact_list"),
    path("personen/<int:contact_id>/", contacts.contact_detail, name="contact_detail"),
    path("personen/<int:contact_id>/bearbeiten/", contacts.contact_edit, name="contact_edit"),
    path("personen/<int:contact_id>/loeschen/", contacts.contact_delete, name="contact_delete"),
    path("personen/<int:contact_id>/widerruf/", contacts.contact_withdraw, name="contact_withdraw"),
    path("personen/<int:contact_id>/auskunft/", contacts.contact_export, name="contact_export"),
    path("personen/<int:contact_id>/anonymisieren/", contacts.contact_erase, name="contact_erase"),
    path("import/", transfer.import_upload, name="import"),
    path("import/bestaetigen/", transfer.import_confirm, name="import_confirm"),
    path("export/", transfer.export_page, name="export"),
    path("export/adressbuch.xlsx", transfer.export_download, {"export_format": "xlsx"}, name="export_xlsx"),
    path(
        "export/organisationen.csv",
        transfer.export_download,
        {"export_format": "organisationen-csv"},
        name="export_organisations_csv",
    ),
    path(
        "export/ansprechpersonen.csv",
        transfer.export_download,
        {"export_format": "ansprechpersonen-csv"},
        name="export_contacts_csv",
    ),
]
