from django.urls import path

from teilhabe.networks import views

app_name = "networks"
urlpatterns = [
    path("", views.network_list, name="list"),
    path("neu/", views.network_create, name="create"),
    path("<int:network_id>/", views.network_detail, name="detail"),
    path("<int:network_id>/bearbeiten/", views.network_edit, name="edit"),
    path("<int:network_id>/mitglieder/neu/", views.member_add, name="member_add"),
    path("mitglieder/<int:network_member_id>/austragen/", views.member_remove, name="member_remove"),
    path("<int:network_id>/treffen/neu/", views.meeting_create, name="meeting_create"),
    path("treffen/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("treffen/<int:meeting_id>/bearbeiten/", views.meeting_edit, name="meeting_edit"),
    path("treffen/<int:meeting_id>/einladen/", views.meeting_invite, name="meeting_invite"),
    path(
        "treffen/<int:meeting_id>/protokoll-versenden/",
        views.meeting_send_minutes,
        name="meeting_send_minutes",
    ),
    path("treffen/<int:meeting_id>/termin.ics", views.meeting_ics, name="meeting_ics"),
    path("<int:network_id>/aufgaben/neu/", views.task_create, name="task_create"),
    path("aufgaben/<int:task_id>/", views.task_edit, name="task_edit"),
    path("aufgaben/<int:task_id>/erledigt/", views.task_done, name="task_done"),
    path("ideen/", views.idea_list, name="idea_list"),
    path("ideen/neu/", views.idea_create, name="idea_create"),
    path("ideen/<int:idea_id>/", views.idea_detail, name="idea_detail"),
    path("ideen/<int:idea_id>/bearbeiten/", views.idea_edit, name="idea_edit"),
    path("ideen/<int:idea_id>/als-aktivitaet/", views.idea_to_activity, name="idea_to_activity"),
    path("ideen/<int:idea_id>/als-massnahme/", views.idea_to_measure, name="idea_to_measure"),
]
