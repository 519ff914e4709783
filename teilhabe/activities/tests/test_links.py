import datetime

from django.urls import reverse

from teilhabe.activities.services.links import dashboard
from teilhabe.activities.tests.helpers import activity
from teilhabe.concept import models as cm
from teilhabe.concept.samples import measure

D = datetime.date


def test_measure_organisation_and_dashboard_show_the_activity(client, municipality, office_user, partner):
    client.force_login(office_user)
    implemented = measure(municipality)
    cm.ensure_default_statuses(municipality)
    started = cm.Status.objects.filter(
        municipality=municipality, counts_as_started=True, counts_as_implemented=False
    ).first()
    quiet = measure(municipality)
    quiet.goal = implemented.goal
    quiet.field_of_action = implemented.field_of_action
    quiet.concept = implemented.concept
    quiet.current_status = started
    quiet.save()
    implemented.current_status = started
    implemented.save()
    fair = activity(
        municipality,
        title="Jobbörse",
        starts_on=D.today() - datetime.timedelta(days=30),
        organisation=partner,
        measures=[implemented],
    )
    page = client.get(
        reverse("concept:measure_detail", args=[municipality.slug, implemented.pk])
    ).content.decode()
    assert "Jobbörse" in page
    page = client.get(partner.get_absolute_url()).content.decode()
    assert "Jobbörse" in page and "federführend" in page
    figures = dashboard(implemented.concept)
    assert [f.activity_count for f in figures["fields"] if f.pk == implemented.field_of_action_id] == [1]
    assert figures["quiet_measures"] == [quiet]
    page = client.get(
        reverse("concept:dashboard", args=[municipality.slug, implemented.concept_id])
    ).content.decode()
    assert "ohne Aktivität in den letzten 12 Monaten" in page and fair.title not in page
