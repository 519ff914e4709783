from django.urls import path

from teilhabe.programmes import views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("neu/", views.programme_create, name="create"),
    path("<int:programme_id>/", views.programme_detail, name="detail"),
    path("<int:programme_id>/bearbeiten/", views.programme_edit, name="edit"),
    path("<int:programme_id>/budget/", views.budget_edit, name="budget"),
    path("<int:programme_id>/foerderungen/neu/", views.funding_add, name="funding_add"),
    path("foerderungen/<int:funding_id>/", views.funding_edit, name="funding_edit"),
    path("<int:programme_id>/fristen/neu/", views.deadline_add, name="deadline_add"),
    path("<int:programme_id>/export.xlsx", views.programme_export, name="export"),
]
