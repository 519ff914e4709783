"""The public list of networks: organisations only, never persons."""

from django.urls import path

from teilhabe.networks import views

app_name = "networks_public"
urlpatterns = [path("", views.public_list, name="list")]
