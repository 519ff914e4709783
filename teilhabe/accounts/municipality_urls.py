"""User management of one municipality (office staff)."""

from django.urls import path

from teilhabe.accounts import views

app_name = "members"
urlpatterns = [
    path("benutzer/", views.member_list, name="list"),
]
