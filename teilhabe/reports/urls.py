from django.urls import path

from teilhabe.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("neu/", views.report_create, name="create"),
    path("vorlage/", views.template_upload, name="template"),
    path("<int:activity_report_id>/", views.report_detail, name="detail"),
    path("<int:activity_report_id>/bearbeiten/", views.report_edit, name="edit"),
    path("<int:activity_report_id>/erzeugen/", views.report_generate, name="generate"),
    path("versionen/<int:report_version_id>/", views.version_detail, name="version"),
    path("versionen/<int:report_version_id>/vergleich/", views.version_compare, name="compare"),
    path("versionen/<int:report_version_id>/freigabe/", views.version_publish, name="publish"),
    path("versionen/<int:report_version_id>/veroeffentlichen/", views.version_public, name="public"),
    path(
        "versionen/<int:report_version_id>/bericht.<str:report_format>",
        views.version_download,
        name="download",
    ),
]
