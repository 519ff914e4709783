"""The office's job pages (teilhabe/portal/views/jobs.py); the namespace stays "jobs"."""

from django.urls import path

from teilhabe.portal.views import jobs as views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:job_id>/", views.job_detail, name="detail"),
    path("<int:job_id>/fortschritt/", views.job_progress, name="progress"),
    path("<int:job_id>/datei-loeschen/", views.delete_upload, name="delete_upload"),
]
