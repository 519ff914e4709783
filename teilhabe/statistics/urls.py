from django.urls import path

from teilhabe.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("stadtteile/", views.districts, name="districts"),
    path("staatsangehoerigkeiten/", views.nationalities, name="nationalities"),
    path("altersaufbau/", views.pyramid, name="pyramid"),
    path("export/<slug:factcheck_table>.<slug:factcheck_format>", views.export, name="export"),
    path("registerauszug/", views.upload_extract, name="upload_extract"),
    path("statistiktabelle/", views.upload_table, name="upload_table"),
    path(
        "statistiktabelle/kennzahlen.xlsx",
        views.table_export,
        {"export_format": "xlsx"},
        name="table_export_xlsx",
    ),
    path(
        "statistiktabelle/kennzahlen.csv",
        views.table_export,
        {"export_format": "csv"},
        name="table_export_csv",
    ),
    path("statistiktabelle/vorlage.xlsx", views.table_template, name="table_template"),
    path("definition/", views.set_lead, name="set_lead"),
    path("stadtteilkarte/", views.district_map, name="district_map"),
    path("stadtteilkarte/oeffentlich/", views.district_map_public, name="district_map_public"),
]
