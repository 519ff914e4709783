# Placeholder until the statistics app fills it: the URL name "index" must stay (linked from public pages).
from django.urls import path

from teilhabe.municipalities.views import public_home

app_name = "statistics_public"
urlpatterns = [path("", public_home, name="index")]
