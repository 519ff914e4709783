from django.urls import path

from teilhabe.municipalities import views

app_name = "municipalities"
urlpatterns = [
    path("", views.home, name="home"),
    path("einstellungen/", views.settings_edit, name="settings"),
    path("einrichtung/", views.guide, name="guide"),
    path("einrichtung/<slug:guide_step>/", views.guide_step, name="guide_step"),
]
