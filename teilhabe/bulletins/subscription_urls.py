"""Public pages of the distribution lists (/<slug>/oeffentlich/abo/…)."""

from django.urls import path

from teilhabe.bulletins.views import subscriptions as views

app_name = "subscriptions"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:distribution_list_id>/", views.signup, name="signup"),
    path("<int:distribution_list_id>/danke/", views.thanks, name="thanks"),
    path("bestaetigen/<str:confirm_token>/", views.confirm, name="confirm"),
    path("abmelden/<str:unsubscribe_token>/", views.unsubscribe, name="unsubscribe"),
    path("einstellungen/<str:preferences_token>/", views.preferences, name="preferences"),
]
