"""The public list of networks: organisations only, never persons."""

from django.urls import path

from teilhabe.networks.views import networks

app_name = "networks_public"
urlpatterns = [path("", networks.public_list, name="list")]
