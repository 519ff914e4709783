"""Reports and their versions: the data is frozen at generation, generating again makes a new version, the
chosen sections come in their order, the team shows names only where marked public, the public audience
gets disclosure control."""

import datetime

import pytest
from django.core.management import call_command

from teilhabe.reports.models import ActivityReportVersion, FrozenVersionError
from teilhabe.reports.services import ReportError, generate_version, save_report, set_published
from teilhabe.reports.tests.conftest import team_member

D = datetime.date


def _report(municipality, **values):
    base = {
        "title": "Bericht 2024",
        "audience": "advisory_board",
        "period_from": D(2024, 1, 1),
        "period_to": D(2024, 12, 31),
        "date": D(2024, 6, 4),
        "sections": ["title", "team", "contact"],
    }
    return save_report(municipality, None, {**base, **values})


def _section(version, key):
    return next(s for s in version.data["sections"] if s["key"] == key)


def test_a_generated_version_keeps_its_data_when_the_data_changes(municipality, office_user):
    municipality.office_email = "alt@example.org"
    municipality.save()
    report = _report(municipality, introduction="Erste Einleitung")
    first = generate_version(report, office_user)
    municipality.office_email = "neu@example.org"
    municipality.save()
    save_report(municipality, None, {"introduction": "Zweite Einleitung"}, report)
    second = generate_version(report, office_user)
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert _section(first, "contact")["data"]["email"] == "alt@example.org"
    assert first.data["introduction"] == "Erste Einleitung"
    assert _section(second, "contact")["data"]["email"] == "neu@example.org"
    assert second.data["introduction"] == "Zweite Einleitung"


def test_a_version_refuses_to_be_changed_except_for_its_release(municipality):
    version = generate_version(_report(municipality))
    version.data = {"sections": []}
    with pytest.raises(FrozenVersionError):
        version.save()
    set_published(version, True)
    assert ActivityReportVersion.objects.get(pk=version.pk).published
    assert ActivityReportVersion.objects.get(pk=version.pk).data["sections"]


def test_sections_come_in_the_chosen_order_each_once(municipality):
    report = _report(municipality, sections=["contact", "bogus", "title", "contact"])
    assert report.sections == ["contact", "title"]
    version = generate_version(report)
    assert [s["key"] for s in version.data["sections"]] == ["contact", "title"]


def test_the_period_must_not_end_before_it_begins(municipality):
    with pytest.raises(ReportError):
        _report(municipality, period_from=D(2024, 5, 1), period_to=D(2024, 4, 1))


def test_the_team_shows_functions_and_only_public_names(municipality):
    team_member(
        municipality, "Priska Hecht", team_function="Sachgebietsleitung", name_public=True, team_order=1
    )
    team_member(
        municipality, "Karl Frick", team_function="Mitarbeiter*innen", name_public=False, team_order=2
    )
    groups = _section(generate_version(_report(municipality)), "team")["data"]["groups"]
    assert groups == [
        {"function": "Sachgebietsleitung", "names": ["Priska Hecht"], "unnamed": 0},
        {"function": "Mitarbeiter*innen", "names": [], "unnamed": 1},
    ]


def test_notes_belong_to_chosen_sections(municipality):
    report = _report(municipality, notes={"team": "Neu im Team", "nonsense": "x"})
    assert report.notes == {"team": "Neu im Team"}
    assert _section(generate_version(report), "team")["note"] == "Neu im Team"


def test_the_command_writes_the_report(db, tmp_path, municipality, capsys):
    out = tmp_path / "bericht.pdf"
    call_command(
        "report",
        municipality="musterstadt",
        period_from="2024-01-01",
        period_to="31.12.2024",
        file_format="pdf",
        out=str(out),
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert "bericht.pdf" in capsys.readouterr().out


def test_the_command_names_an_unknown_municipality(db, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nirgendwo"):
        call_command(
            "report",
            municipality="nirgendwo",
            period_from="2024-01-01",
            period_to="2024-12-31",
            file_format="pdf",
            out=str(tmp_path / "x.pdf"),
        )
