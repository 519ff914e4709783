import datetime

import pytest
from django.urls import reverse

from teilhabe.networks.models import Idea, Meeting, Network, NetworkMember, Task
from teilhabe.networks.services import ideas, tasks
from teilhabe.networks.tests.helpers import contact, meeting, member, network, organisation, url

D = datetime.date


def _many(municipality, count):
    """`count` networks, each with members, a meeting, tasks and an idea (bulk: the point is the pages)."""
    orgs = Organisation_bulk(municipality, 10)
    nets = Network.objects.bulk_create(
        Network(municipality=municipality, name=f"Netzwerk {i}", public=True) for i in range(count)
    )
    NetworkMember.objects.bulk_create(
        NetworkMember(municipality=municipality, network=n, organisation=orgs[(i + k) % 10])
        for i, n in enumerate(nets)
        for k in range(3)
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(municipality=municipality, network=n, date=D(2024, 5, 1), topics=["Kultur"]) for n in nets
    )
    Task.objects.bulk_create(
        Task(
            municipality=municipality,
            network=m.network,
            meeting=m,
            title=f"Aufgabe {i}",
            due_on=D(2024, 6, 1),
        )
        for i, m in enumerate(meetings)
    )
    Idea.objects.bulk_create(
        Idea(municipality=municipality, network=n, meeting=m, title=f"Idee {i}")
        for i, (n, m) in enumerate(zip(nets, meetings, strict=True))
    )
    return nets[0]


def Organisation_bulk(municipality, count):
    from teilhabe.directory.models import Organisation

    return Organisation.objects.bulk_create(
        Organisation(municipality=municipality, kind="partner", name=f"Träger {i}") for i in range(count)
    )


@pytest.mark.parametrize("count", [3, 300])
@pytest.mark.parametrize("page", ["list", "detail", "idea_list", "meeting_detail", "public"])
def test_pages_stay_within_a_fixed_number_of_queries(
    client, municipality, office_user, django_assert_max_num_queries, count, page
):
    first = _many(municipality, count)
    if count > 3:  # the first network's own rows grow too
        Task.objects.bulk_create(
            Task(municipality=municipality, network=first, title=f"Mehr {i}", due_on=D(2024, 6, 1))
            for i in range(count)
        )
    target = {
        "list": url("list", municipality),
        "detail": url("detail", municipality, first.pk),
        "idea_list": url("idea_list", municipality),
        "meeting_detail": url("meeting_detail", municipality, first.meetings.get().pk),
        "public": reverse("networks_public:list", args=[municipality.slug]),
    }[page]
    client.force_login(office_user)
    client.get(target)
    with django_assert_max_num_queries(20):
        response = client.get(target)
    assert response.status_code == 200


def test_the_network_page_shows_members_meetings_open_tasks_ideas_and_what_arose(
    client, municipality, office_user
):
    communities = network(municipality)
    ukr = organisation(municipality, "Ukrainischer Verein")
    member(communities, organisation=ukr, role="Mitglied")
    session = meeting(communities, topics="Klimaschutz")
    tasks.save_task(
        municipality, None, {"title": "Raum anfragen", "meeting": session, "due_on": D(2020, 1, 1)}
    )
    done = tasks.save_task(municipality, None, {"title": "Erledigtes", "meeting": session})
    tasks.set_done(done, None)
    cafe = ideas.save_idea(municipality, None, {"title": "Sprachcafé", "meeting": session})
    ideas.take_up_as_activity(cafe, office_user)
    ideas.save_idea(municipality, None, {"title": "Fußballturnier", "network": communities})
    client.force_login(office_user)
    page = client.get(communities.get_absolute_url()).content.decode()
    for text in [
        "Ukrainischer Verein",
        "Klimaschutz",
        "Raum anfragen",
        "überfällig",
        "Fußballturnier",
        "Sprachcafé",
    ]:
        assert text in page
    assert "Erledigtes" not in page
    cafe.refresh_from_db()
    activity_page = client.get(cafe.activity.get_absolute_url()).content.decode()
    assert "Entstanden aus Idee „Sprachcafé“" in activity_page


def test_the_public_page_shows_organisations_but_no_persons(client, municipality):
    communities = network(municipality, public=True, purpose="Themenbezogene Treffen")
    ukr = organisation(municipality, "Ukrainischer Verein", email="info@ukr.example")
    iryna = contact(municipality, ukr, "Iryna Melnyk", "iryna@ukr.example")
    member(communities, contact=iryna, role="Sprecherin")
    network(municipality, name="Internes Netzwerk", public=False)
    page = client.get(reverse("networks_public:list", args=[municipality.slug])).content.decode()
    assert "Netzwerk der migrantischen Communitys" in page and "Ukrainischer Verein" in page
    assert "Iryna" not in page and "@" not in page and "Sprecherin" not in page
    assert "Internes Netzwerk" not in page


def test_editors_of_a_member_organisation_add_meetings_and_tasks_others_do_not(
    client, municipality, partner, partner_user, department_user, board_user
):
    communities = network(municipality)
    member(communities, organisation=partner)
    client.force_login(partner_user)
    response = client.post(url("meeting_create", municipality, communities.pk), {"date": "2024-06-12"})
    session = Meeting.objects.get()
    assert response.status_code == 302
    response = client.post(
        url("meeting_edit", municipality, session.pk),
        {"date": "2024-06-12", "minutes": "<p>Gut</p><script>x</script>"},
    )
    session.refresh_from_db()
    assert response.status_code == 302 and session.minutes == "<p>Gut</p>"
    response = client.post(
        url("task_create", municipality, communities.pk), {"title": "Raum", "meeting": session.pk}
    )
    assert response.status_code == 302 and Task.objects.get().network == communities
    assert client.get(url("edit", municipality, communities.pk)).status_code == 403  # the office's
    for user in (department_user, board_user):
        client.force_login(user)
        assert client.get(url("meeting_create", municipality, communities.pk)).status_code == 403
        assert client.get(url("meeting_edit", municipality, session.pk)).status_code == 403
        assert client.get(url("detail", municipality, communities.pk)).status_code == 200


def test_the_start_page_shows_the_users_overdue_tasks(client, municipality, office_user):
    tasks.save_task(
        municipality,
        None,
        {"title": "Förderbericht schreiben", "assignee_user": office_user, "due_on": D(2020, 1, 1)},
    )
    client.force_login(office_user)
    page = client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    assert "Ihre offenen Aufgaben" in page and "Förderbericht schreiben" in page and "überfällig" in page


def test_the_ideas_list_filters_by_state(client, municipality, board_user):
    ideas.save_idea(municipality, None, {"title": "Fußballturnier", "state": "considering"})
    ideas.save_idea(municipality, None, {"title": "Kinderfest", "state": "new"})
    client.force_login(board_user)
    page = client.get(url("idea_list", municipality) + "?stand=considering").content.decode()
    assert "Fußballturnier" in page and "Kinderfest" not in page


def test_the_office_turns_an_idea_into_a_measure_and_the_measure_page_says_so(
    client, municipality, office_user
):
    from teilhabe.concept.samples import measure

    existing = measure(municipality)
    existing.concept.is_current = True
    existing.concept.save()
    idea = ideas.save_idea(municipality, None, {"title": "Kinderfest 2025"})
    client.force_login(office_user)
    response = client.post(
        url("idea_to_measure", municipality, idea.pk),
        {"goal": existing.goal.pk, "number": "9.9", "title": "Gemeinsames Kinderfest 2025"},
    )
    idea.refresh_from_db()
    assert response.status_code == 302 and idea.measure.title == "Gemeinsames Kinderfest 2025"
    page = client.get(response["Location"]).content.decode()
    assert "Entstanden aus Idee „Kinderfest 2025“" in page
