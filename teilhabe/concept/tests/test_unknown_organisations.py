"""Unknown organisations in the concept import are a choice, not an error: grouped, proposed, decided, and
created with the concept in one transaction; nothing is saved while any is undecided."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.concept.models import Concept, Measure
from teilhabe.concept.tests.sheets import STANDARD_HEADER, xlsx_bytes
from teilhabe.directory.models import Organisation
from teilhabe.jobs.models import Job

pytestmark = pytest.mark.django_db


def row(number, lead, involved=""):
    return [
        "1",
        "Sprache",
        "1.1",
        "Sprache fördern",
        number,
        f"Maßnahme {number}",
        lead,
        involved,
        "",
        "",
        "",
    ]


ROWS = [
    STANDARD_HEADER,
    row("1.1.1", "Kulturamt", "Ukrainischer Verein"),
    row("1.1.2", "Kultur-Amt", "Caritasverband Musterstadt e.V."),
    row("1.1.3", "Amt f. Jugendarbeit", "Jobcenter"),
]


@pytest.fixture
def youth(municipality):
    return Organisation.objects.create(
        municipality=municipality, kind="department", name="Amt für Jugendarbeit"
    )


def start_preview(client, municipality, rows=ROWS):
    upload = SimpleUploadedFile("konzept.xlsx", xlsx_bytes(rows))
    response = client.post(
        reverse("concept:import_upload", args=[municipality.slug]),
        {"concept": "neu", "title": "KIK", "short_name": "KIK", "file": upload},
        follow=True,
    )
    return Job.objects.get(kind="concept.import_preview"), response.content.decode()


def confirm(client, municipality, preview, data):
    return client.post(
        reverse("concept:import_confirm", args=[municipality.slug]), {"job": preview.pk, **data}
    )


def test_the_preview_lists_each_unknown_name_with_its_rows_a_proposal_and_the_closest_names(
    client, municipality, office_user, youth
):
    client.force_login(office_user)
    preview, content = start_preview(client, municipality)
    assert preview.state == Job.State.SUCCEEDED
    groups = preview.result["unknown_organisations"]
    assert [(g["name"], g["rows"], g["kind"]) for g in groups] == [
        ("Kulturamt", [2, 3], "department"),
        ("Ukrainischer Verein", [2], "community"),
        ("Caritasverband Musterstadt e.V.", [3], "partner"),
        ("Amt f. Jugendarbeit", [4], "department"),
        ("Jobcenter", [4], "partner"),
    ]
    assert groups[0]["spellings"] == ["Kulturamt", "Kultur-Amt"]
    assert groups[3]["suggestions"] == [{"id": youth.pk, "name": "Amt für Jugendarbeit"}]
    assert "Schreibweisen: „Kulturamt“, „Kultur-Amt“" in content
    assert "Zuordnen zu „Amt für Jugendarbeit“ (Vorschlag)" in content
    assert "Anlegen als Community (Vorschlag)" in content
    assert not Concept.objects.exists()


def test_nothing_is_saved_until_each_unknown_organisation_is_decided(
    client, municipality, office_user, youth
):
    client.force_login(office_user)
    preview, _content = start_preview(client, municipality)
    response = confirm(
        client, municipality, preview, {"choice-0": "create:department", "choice-1": "create:community"}
    )
    assert response["Location"] == preview.get_absolute_url()
    assert not Job.objects.filter(kind="concept.import").exists()
    assert not Concept.objects.exists() and Organisation.objects.count() == 1


def test_the_chosen_organisations_are_created_with_the_concept_and_mapped_ones_used(
    client, municipality, office_user, youth
):
    client.force_login(office_user)
    caritas = Organisation.objects.create(municipality=municipality, kind="partner", name="Caritasverband")
    preview, _content = start_preview(client, municipality)
    confirm(
        client,
        municipality,
        preview,
        {
            "choice-0": "create:department",
            "choice-1": "create:community",
            "choice-2": "create:partner",
            "other-2": str(caritas.pk),  # the whole directory's choice wins over the radio button
            "choice-3": f"map:{youth.pk}",
            "choice-4": "create:partner",
        },
    )
    job = Job.objects.get(kind="concept.import")
    assert job.state == Job.State.SUCCEEDED, job.error
    assert sorted(Organisation.objects.values_list("name", "kind")) == [
        ("Amt für Jugendarbeit", "department"),
        ("Caritasverband", "partner"),
        ("Jobcenter", "partner"),
        ("Kulturamt", "department"),
        ("Ukrainischer Verein", "community"),
    ]
    measures = {m.number: m for m in Measure.objects.select_related("lead")}
    assert measures["1.1.1"].lead.name == measures["1.1.2"].lead.name == "Kulturamt"
    assert measures["1.1.3"].lead == youth
    assert [o.name for o in measures["1.1.2"].involved.all()] == ["Caritasverband"]
    assert job.result["new_organisations"][0] == {"name": "Kulturamt", "kind_label": "Amt / Dienststelle"}


def test_concept_and_organisations_are_saved_together_or_not_at_all(
    client, municipality, office_user, youth, monkeypatch
):
    from teilhabe.concept.importing import saving

    client.force_login(office_user)
    preview, _content = start_preview(client, municipality)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(saving, "_save_measure", broken)
    decisions = {f"choice-{i}": "create:partner" for i in range(5)}
    confirm(client, municipality, preview, decisions)
    assert Job.objects.get(kind="concept.import").state == Job.State.FAILED
    assert not Concept.objects.exists()
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Amt für Jugendarbeit"]


def test_a_forged_choice_of_another_municipalitys_organisation_is_refused(
    client, municipality, other_municipality, office_user, youth
):
    client.force_login(office_user)
    foreign = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremd")
    preview, _content = start_preview(client, municipality)
    decisions = {f"choice-{i}": "create:partner" for i in range(5)}
    decisions["choice-4"] = f"map:{foreign.pk}"
    response = confirm(client, municipality, preview, decisions)
    assert response["Location"] == preview.get_absolute_url()
    assert not Job.objects.filter(kind="concept.import").exists()
