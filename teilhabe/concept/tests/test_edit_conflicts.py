"""Two people saving the same measure or status report at once: the second is told, keeps their input, and
nothing is silently overwritten (optimistic locking with a version field, services/versions.py)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.services import reporting, versions
from teilhabe.concept.tests.monitoring import build_concept, statuses
from teilhabe.conftest import make_member

CONFLICT = "wurde inzwischen von"


@pytest.fixture
def concept(municipality, department):
    return build_concept(municipality, fields=1, goals=1, measures=2, leads=[department])


@pytest.fixture
def measure(concept):
    return m.Measure.objects.filter(concept=concept).first()


@pytest.fixture
def colleague(municipality):
    return make_member(municipality, "office", "kollegin@example.org")


def measure_form_data(client, measure, **changes):
    """The edit form as the browser would send it: every field's current value, plus `changes`."""
    url = reverse("concept:measure_edit", args=[measure.municipality.slug, measure.pk])
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif value is False:
            continue
        else:
            data[name] = getattr(value, "pk", value)
    data.update(changes)
    return url, data


def test_the_second_measure_save_is_refused_and_keeps_the_input(
    client, measure, office_user, colleague, municipality
):
    other = client.__class__()
    client.force_login(office_user)
    other.force_login(colleague)
    url, mine = measure_form_data(client, measure, title="Sprachkurse für Eltern (Amt)")
    _, theirs = measure_form_data(other, measure, title="Sprachkurse für Eltern (Kollegin)")
    assert mine["version"] == theirs["version"] == 1

    assert other.post(url, theirs).status_code == 302
    response = client.post(url, mine)

    assert response.status_code == 200
    page = response.content.decode()
    assert CONFLICT in page and "kollegin@example.org" in page
    assert 'value="Sprachkurse für Eltern (Amt)"' in page  # the input is still in the form
    measure.refresh_from_db()
    assert measure.title == "Sprachkurse für Eltern (Kollegin)"  # nothing overwritten
    assert measure.version == 2
    # Saving again from the shown form is a deliberate decision, and works.
    again = dict(mine, version=response.context["form"]["version"].value())
    assert client.post(url, again).status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Sprachkurse für Eltern (Amt)"
    assert measure.version == 3


def test_saving_without_a_conflict_moves_the_version_on(client, measure, office_user):
    client.force_login(office_user)
    url, data = measure_form_data(client, measure, title="Neu")
    assert client.post(url, data).status_code == 302
    url, data = measure_form_data(client, measure, title="Noch einmal neu")
    assert client.post(url, data).status_code == 302
    measure.refresh_from_db()
    assert (measure.title, measure.version) == ("Noch einmal neu", 3)


def report_url(a_round, measure):
    return reverse("concept:report_edit", args=[a_round.municipality.slug, a_round.pk, measure.pk])


def test_two_editors_writing_the_first_report_of_a_measure(
    client, concept, measure, department_user, office_user, municipality
):
    vocabulary = statuses(municipality)
    a_round = reporting.open_round(
        concept, "Nächste Runde", datetime.date.today() + datetime.timedelta(days=30)
    )
    other = client.__class__()
    client.force_login(department_user)
    other.force_login(office_user)
    url = report_url(a_round, measure)
    assert client.get(url).context["form"]["version"].value() == 0
    status = vocabulary["in Umsetzung"].pk

    first = other.post(url, {"status": status, "done": "Vom Amt eingetragen.", "version": 0})
    assert first.status_code == 302
    second = client.post(url, {"status": status, "done": "Vom Kulturamt eingetragen.", "version": 0})

    assert second.status_code == 200
    page = second.content.decode()
    assert CONFLICT in page and "Vom Kulturamt eingetragen." in page
    report = m.StatusReport.objects.get(round=a_round, measure=measure)
    assert report.done == "Vom Amt eingetragen."
    assert m.StatusReport.objects.filter(round=a_round, measure=measure).count() == 1


def test_an_editor_with_an_old_form_cannot_undo_the_offices_return(
    client, concept, measure, department_user, office_user, municipality
):
    """The office sends a report back while the editor still has it open: the editor's save is refused."""
    vocabulary = statuses(municipality)
    a_round = reporting.open_round(
        concept, "Nächste Runde", datetime.date.today() + datetime.timedelta(days=30)
    )
    status = vocabulary["in Umsetzung"]
    report = reporting.save_report(
        a_round, measure, department_user, reporting.ReportInput(status, done="Erster Stand."), submit=True
    )
    client.force_login(department_user)
    opened_on = report.version
    reporting.send_back(m.StatusReport.objects.get(pk=report.pk), office_user, "Bitte Zahlen ergänzen.")
    response = client.post(
        report_url(a_round, measure), {"status": status.pk, "done": "Alter Stand.", "version": opened_on}
    )
    # a returned report is the editor's again, but this form predates the return
    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    report.refresh_from_db()
    assert (report.done, report.state) == ("Erster Stand.", m.StatusReport.State.RETURNED)


def test_a_stale_version_is_refused_without_writing(measure):
    mine, theirs = m.Measure.objects.get(pk=measure.pk), m.Measure.objects.get(pk=measure.pk)
    versions.claim_version(theirs, 1, "Diese Maßnahme")
    theirs.title = "Ihre Fassung"
    theirs.save()
    with pytest.raises(versions.EditConflict) as refused:
        versions.claim_version(mine, 1, "Diese Maßnahme")
    assert refused.value.current_version == 2
    measure.refresh_from_db()
    assert (measure.title, measure.version) == ("Ihre Fassung", 2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions: PostgreSQL")
def test_two_simultaneous_saves_on_postgresql_one_wins(municipality, department):
    """Two threads, two connections, the same expected version at the same moment: exactly one save wins."""
    concept = build_concept(municipality, fields=1, goals=1, measures=1, leads=[department])
    measure = m.Measure.objects.get(concept=concept)
    barrier = threading.Barrier(2)
    outcomes = []

    def save(title):
        from django.db import transaction

        try:
            barrier.wait()
            with transaction.atomic():
                mine = m.Measure.objects.get(pk=measure.pk)
                versions.claim_version(mine, 1, "Diese Maßnahme")
                mine.title = title
                mine.save()
            outcomes.append(("saved", title))
        except versions.EditConflict:
            outcomes.append(("refused", title))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o[0] for o in outcomes) == ["refused", "saved"]
    measure.refresh_from_db()
    winner = next(t for o, t in outcomes if o == "saved")
    assert (measure.title, measure.version) == (winner, 2)
