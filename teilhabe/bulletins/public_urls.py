"""The public archive of sent issues (no login, nothing personal): the list, an issue per language as a page
and as PDF, the series' header picture."""

from django.urls import path

from teilhabe.bulletins.views import public as views

app_name = "bulletins_public"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("<int:issue_id>/<str:bulletin_language>/", views.issue_page, name="issue"),
    path("<int:issue_id>/<str:bulletin_language>/pdf/", views.issue_pdf, name="pdf"),
    path("reihe/<int:bulletin_id>/kopfbild/", views.header_image, name="header"),
]
