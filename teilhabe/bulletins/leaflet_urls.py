"""The office's leaflet pages (/<slug>/flyer/)."""

from django.urls import path

from teilhabe.bulletins.views import leaflets as views

app_name = "leaflets"
urlpatterns = [
    path("", views.leaflet_list, name="list"),
    path("neu/", views.leaflet_create, name="create"),
    path("<int:leaflet_id>/", views.leaflet_detail, name="detail"),
    path("<int:leaflet_id>/bearbeiten/", views.leaflet_edit, name="edit"),
    path("<int:leaflet_id>/pdf/", views.leaflet_pdf, name="pdf"),
    path("<int:leaflet_id>/neu-erstellen/", views.leaflet_renew, name="renew"),
    path("<int:leaflet_id>/druckfassung/", views.leaflet_print, name="print"),
    path("druckfassungen/<int:leaflet_print_id>/", views.leaflet_print_file, name="print_file"),
]
