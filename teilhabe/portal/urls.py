from django.urls import path

from teilhabe.portal.views import guide, start

# The namespace stays "municipalities": these are the municipality's own pages.
app_name = "municipalities"
urlpatterns = [
    path("", start.home, name="home"),
    path("einstellungen/", start.settings_edit, name="settings"),
    path("einrichtung/", guide.guide, name="guide"),
    path("einrichtung/<slug:guide_step>/", guide.guide_step, name="guide_step"),
]
