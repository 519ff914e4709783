from django.urls import path

from teilhabe.statistics import views

app_name = "statistics_public"
urlpatterns = [
    path("", views.public_overview, name="index"),
    path("stadtteile/", views.public_districts, name="districts"),
    path("staatsangehoerigkeiten/", views.public_nationalities, name="nationalities"),
    path("altersaufbau/", views.public_pyramid, name="pyramid"),
    path("export/<slug:factcheck_table>.<slug:factcheck_format>", views.public_export, name="export"),
]
