"""The profile page's API token actions (under /konto/api-schluessel/, not per municipality)."""

from django.urls import path

from teilhabe.api import views

app_name = "api_tokens"
urlpatterns = [
    path("", views.token_create, name="create"),
    path("<int:token_id>/widerrufen/", views.token_revoke, name="revoke"),
]
