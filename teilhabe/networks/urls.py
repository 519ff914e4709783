from django.urls import path

from teilhabe.networks.views import ideas, meetings, networks, tasks

app_name = "networks"
urlpatterns = [
    path("", networks.network_list, name="list"),
    path("neu/", networks.network_create, name="create"),
    path("<int:network_id>/", networks.network_detail, name="detail"),
    path("<int:network_id>/bearbeiten/", networks.network_edit, name="edit"),
    path("<int:network_id>/mitglieder/neu/", networks.member_add, name="member_add"),
    path("mitglieder/<int:network_member_id>/austragen/", networks.member_remove, name="member_remove"),
    path("<int:network_id>/treffen/neu/", meetings.meeting_create, name="meeting_create"),
    path("treffen/<int:meeting_id>/", meetings.meeting_detail, name="meeting_detail"),
    path("treffen/<int:meeting_id>/bearbeiten/", meetings.meeting_edit, name="meeting_edit"),
    path("treffen/<int:meeting_id>/loeschen/", meetings.meeting_delete, name="meeting_delete"),
    path("treffen/<int:meeting_id>/einladen/", meetings.meeting_invite, name="meeting_invite"),
    path(
        "treffen/<int:meeting_id>/protokoll-versenden/",
        meetings.meeting_send_minutes,
        name="meeting_send_minutes",
    ),
    path("treffen/<int:meeting_id>/termin.ics", meetings.meeting_ics, name="meeting_ics"),
    path("<int:network_id>/aufgaben/neu/", tasks.task_create, name="task_create"),
    path("aufgaben/<int:task_id>/", tasks.task_edit, name="task_edit"),
    path("aufgaben/<int:task_id>/erledigt/", tasks.task_done, name="task_done"),
    path("ideen/", ideas.idea_list, name="idea_list"),
    path("ideen/neu/", ideas.idea_create, name="idea_create"),
    path("ideen/<int:idea_id>/", ideas.idea_detail, name="idea_detail"),
    path("ideen/<int:idea_id>/bearbeiten/", ideas.idea_edit, name="idea_edit"),
    path("ideen/<int:idea_id>/loeschen/", ideas.idea_delete, name="idea_delete"),
    path("ideen/<int:idea_id>/als-aktivitaet/", ideas.idea_to_activity, name="idea_to_activity"),
    path("ideen/<int:idea_id>/als-massnahme/", ideas.idea_to_measure, name="idea_to_measure"),
]
