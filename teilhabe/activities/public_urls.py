"""The public calendar feed of a municipality (no login; public activities only)."""

from django.urls import path

from teilhabe.activities.views import feeds

app_name = "feeds"
urlpatterns = [
    path("aktivitaeten.ics", feeds.public_feed, name="public"),
]
