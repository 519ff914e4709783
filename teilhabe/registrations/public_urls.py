"""Public activity pages (no login, nothing personal): the list, one activity with its registration form,
the cancellation link, released pictures."""

from django.urls import path

from teilhabe.registrations.views import public as views

app_name = "events"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("<int:activity_id>/", views.activity_detail, name="detail"),
    path("<int:activity_id>/angemeldet/", views.thanks, name="thanks"),
    path("abmelden/<str:cancel_token>/", views.cancel, name="cancel"),
    path("bilder/<int:picture_id>/", views.picture_file, name="picture"),
]
