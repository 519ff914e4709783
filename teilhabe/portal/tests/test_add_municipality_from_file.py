import json

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from teilhabe.accounts.models import Membership
from teilhabe.concept.models import Status
from teilhabe.directory.models import Organisation
from teilhabe.jobs.models import Job
from teilhabe.municipalities.models import Municipality

HEADER = "Name;AGS;Bundesland;E-Mail;Fachämter\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_it_sets_up_many_municipalities_from_a_csv_and_the_worker_invites_each_office(db, tmp_path, capsys):
    path = write(
        tmp_path,
        "kommunen.csv",
        HEADER
        + 'Stadt Kempten (Allgäu);09763000;BY;Integration@Kempten.de;"Kulturamt; Jugendamt"\n'
        + "Stadt Münster;05515000;NW;integration@muenster.de;\n",
    )
    call_command("add_municipality", "--from", str(path))
    kempten = Municipality.objects.get(ags="09763000")
    assert Municipality.objects.count() == 2
    assert Status.objects.filter(municipality=kempten).count() == 7
    assert sorted(Organisation.objects.filter(municipality=kempten).values_list("name", "kind")) == [
        ("Jugendamt", "department"),
        ("Kulturamt", "department"),
    ]
    membership = Membership.objects.get(municipality=kempten)
    assert membership.role == "office" and membership.user.email == "integration@kempten.de"
    assert membership.invitation_sent_at is not None
    # One job per invitation: the e-mail itself (no job that starts the mail's job).
    jobs = Job.objects.order_by("pk")
    assert [(job.kind, job.state) for job in jobs] == [("notifications.send", "succeeded")] * 2
    assert sorted(m.to[0] for m in mail.outbox) == ["integration@kempten.de", "integration@muenster.de"]
    assert "/konto/" in mail.outbox[0].body
    assert "2 Kommunen angelegt" in capsys.readouterr().out


def test_one_bad_row_saves_nothing_and_every_problem_names_its_row(db, tmp_path):
    Municipality.objects.create(name="Alt", slug="alt", ags="09162000", federal_state="BY")
    path = write(
        tmp_path,
        "kommunen.csv",
        HEADER
        + "Stadt Kempten;09763000;BY;a@kempten.de;\n"
        + "Falsches Land;05515000;BY;a@x.de;\n"
        + "München;09162000;BY;b@x.de;\n"
        + "Kempten doppelt;09763000;BY;keine-adresse;\n"
        + "Irgendwo;12345678;XY;c@x.de;\n",
    )
    with pytest.raises(CommandError) as raised:
        call_command("add_municipality", "--from", str(path))
    message = str(raised.value)
    assert "Es wurde nichts angelegt" in message
    assert (
        "kommunen.csv, Zeile 3, Spalte „AGS“: Der Gemeindeschlüssel passt nicht zum gewählten Bundesland."
        in message
    )
    assert "Zeile 4, Spalte „AGS“: Eine Kommune mit diesem Gemeindeschlüssel gibt es bereits." in message
    assert "Zeile 5, Spalte „AGS“: Derselbe Gemeindeschlüssel steht schon in Zeile 2." in message
    assert "Zeile 5, Spalte „E-Mail“: „keine-adresse“ ist keine gültige E-Mail-Adresse." in message
    assert "Zeile 6, Spalte „Bundesland“" in message
    assert "Zeile 2" not in message.split("Derselbe")[0]  # the good row has no complaint
    assert Municipality.objects.count() == 1
    assert not Membership.objects.exists() and not Job.objects.exists() and not mail.outbox


def test_it_reads_one_municipality_from_json_with_a_departments_list(db, tmp_path):
    path = tmp_path / "kempten.json"
    path.write_text(
        json.dumps(
            {
                "name": "Stadt Kempten",
                "ags": "09763000",
                "state": "Bayern",
                "office_email": "a@kempten.de",
                "departments": ["Kulturamt", "Stadtbibliothek", "Kulturamt"],
            }
        )
    )
    call_command("add_municipality", "--from", str(path))
    municipality = Municipality.objects.get(ags="09763000")
    assert municipality.federal_state == "BY"
    assert Organisation.objects.filter(municipality=municipality).count() == 2
    assert len(mail.outbox) == 1


def test_it_reads_an_xlsx_sheet_with_other_headers_and_a_key_typed_as_a_number(db, tmp_path):
    from teilhabe.sheets import Column, Out, write_xlsx

    columns = [Column("Kommune"), Column("Gemeindeschlüssel"), Column("State"), Column("Office e-mail")]
    rows = [["Stadt Kempten", 9763000, "BY", "a@kempten.de"], ["Stadt Münster", "05515000", "NW", "b@x.de"]]
    path = tmp_path / "kommunen.xlsx"
    path.write_bytes(write_xlsx([Out("Kommunen", columns, rows)]))
    call_command("add_municipality", "--from", str(path))
    assert Municipality.objects.filter(ags__in=["09763000", "05515000"]).count() == 2


def test_a_file_without_the_required_columns_is_refused(db, tmp_path):
    path = write(tmp_path, "k.csv", "Name;Ort\nKempten;Allgäu\n")
    with pytest.raises(CommandError, match="Es fehlen die Spalten „AGS“, „Bundesland“, „E-Mail“"):
        call_command("add_municipality", "--from", str(path))


def test_a_garbled_json_file_is_refused_in_german(db, tmp_path):
    path = write(tmp_path, "k.json", "{nicht json")
    with pytest.raises(CommandError, match="kein lesbares JSON"):
        call_command("add_municipality", "--from", str(path))
