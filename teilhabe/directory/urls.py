from django.urls import path

from teilhabe.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("organisationen/<int:organisation_id>/", views.organisation_detail, name="organisation_detail"),
    path("personen/<int:contact_id>/", views.contact_detail, name="contact_detail"),
]
