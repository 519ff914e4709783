"""The public page of a leaflet, where its QR code leads (/<slug>/oeffentlich/flyer/): nothing personal."""

from django.urls import path

from teilhabe.bulletins.views import leaflets as views

app_name = "public_leaflets"
urlpatterns = [path("<int:leaflet_id>/", views.leaflet_public, name="detail")]
