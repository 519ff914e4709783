from django.urls import path

from teilhabe.activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("vergangene/", views.past_list, name="past"),
    path("kalender/", views.month_calendar, name="calendar"),
    path("neu/", views.activity_create, name="create"),
    path("<int:activity_id>/", views.activity_detail, name="detail"),
    path("<int:activity_id>/bearbeiten/", views.activity_edit, name="edit"),
    path("<int:activity_id>/stand/", views.activity_state, name="state"),
    path("<int:activity_id>/beteiligte/neu/", views.partner_add, name="partner_add"),
    path("beteiligte/<int:partner_id>/austragen/", views.partner_remove, name="partner_remove"),
    path("<int:activity_id>/bilder/neu/", views.picture_add, name="picture_add"),
    path("bilder/<int:picture_id>/", views.picture_edit, name="picture_edit"),
    path("bilder/<int:picture_id>/datei", views.picture_file, name="picture_file"),
    path("<int:activity_id>/anhaenge/neu/", views.attachment_add, name="attachment_add"),
    path("anhaenge/<int:attachment_id>/loeschen/", views.attachment_delete, name="attachment_delete"),
    path("anhaenge/<int:attachment_id>/datei", views.attachment_file, name="attachment_file"),
]
