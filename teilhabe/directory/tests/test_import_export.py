import csv
import io

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from teilhabe.directory import layout, transfer
from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.tests.helpers import contact, url
from teilhabe.jobs.models import Job, PrivateUpload
from teilhabe.sheets import Out, SheetError, write_xlsx

ORGS = (
    "Art;Name;Kurzname;Übergeordnete Einheit;Anschrift;Website;E-Mail;Telefon;Sprachen;Notizen\n"
    "Amt;Büro OB;OB;;Rathausplatz 1;;;;Deutsch;\n"
    "department;Gleichstellungsstelle;GS;Büro OB;;www.musterstadt.example/gs;gs@musterstadt.example;;de;\n"
    "Verein;Türkischer Elternverein e.V.;TEV;;;;;0851 12;Türkisch, Deutsch;Treffen donnerstags\n"
)
CONTACTS = (
    "Organisation;Name;Funktion;E-Mail;Telefon;Sprachen;Einwilligung Zweck;Einwilligung am;Einwilligung wie;widerrufen\n"
    "TEV;Ayşe Yılmaz;Vorsitzende;ayse@tev.example;;tr, de;Netzwerkeinladungen;27.02.2024;schriftlich;nein\n"
    "Gleichstellungsstelle;Petra Lang;Leitung;p.lang@musterstadt.example;;;;;;\n"
)


def as_file(text, encoding="utf-8", delimiter=";"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for line in text.strip().split("\n"):
        writer.writerow(line.split(";"))
    return buffer.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_import_reads_csv_in_every_encoding_and_separator(municipality, encoding, delimiter):
    contacts = CONTACTS.replace("Ayşe Yılmaz", "Ayse Yilmaz") if encoding == "cp1252" else CONTACTS
    result = transfer.import_directory(
        municipality,
        [
            ("organisationen.csv", as_file(ORGS, encoding, delimiter)),
            ("kontakte.csv", as_file(contacts, encoding, delimiter)),
        ],
    )
    assert result.errors == []
    gs = Organisation.objects.get(name="Gleichstellungsstelle")
    assert gs.parent.name == "Büro OB" and gs.website == "https://www.musterstadt.example/gs"
    tev = Organisation.objects.get(short_name="TEV")
    assert tev.kind == "community" and tev.languages == ["tr", "de"]
    person = Contact.objects.get(organisation=tev)
    assert person.has_consent and person.consent_method == "written" and person.languages == ["tr", "de"]
    assert not Contact.objects.get(name="Petra Lang").has_consent


def test_import_reads_xlsx_with_both_sheets(municipality):
    orgs = [line.split(";") for line in ORGS.strip().split("\n")]
    contacts = [line.split(";") for line in CONTACTS.strip().split("\n")]
    data = write_xlsx(
        [Out("Organisationen", orgs[0], orgs[1:]), Out("Ansprechpersonen", contacts[0], contacts[1:])]
    )
    result = transfer.import_directory(municipality, [("adressbuch.xlsx", data)])
    assert result.errors == []
    assert Organisation.objects.count() == 3 and Contact.objects.count() == 2


def test_every_bad_cell_is_reported_with_file_row_and_column_and_nothing_is_saved(municipality):
    before = LogEntry.objects.count()
    bad = (
        CONTACTS
        + "TEV;Max Muster;;keine-mail;;Klingonisch;;;;vielleicht\nUnbekannt e.V.;Eva;;;;;;;;\nTEV;;;;;;;;;\n"
    )
    result = transfer.import_directory(
        municipality, [("organisationen.csv", ORGS.encode()), ("kontakte.csv", bad.encode())]
    )
    assert (
        "kontakte.csv, Zeile 4, Spalte „E-Mail“: „keine-mail“ ist keine gültige E-Mail-Adresse."
        in result.errors
    )
    assert (
        "kontakte.csv, Zeile 4, Spalte „Sprachen“: „Klingonisch“ ist keine bekannte Sprache." in result.errors
    )
    assert (
        "kontakte.csv, Zeile 4, Spalte „widerrufen“: Bitte „ja“ oder „nein“ eintragen, nicht „vielleicht“."
        in result.errors
    )
    assert (
        "kontakte.csv, Zeile 5, Spalte „Organisation“: „Unbekannt e.V.“ gibt es weder im Adressbuch noch in der Datei."
        in result.errors
    )
    assert "kontakte.csv, Zeile 6, Spalte „Name“: Der Name fehlt." in result.errors
    assert Organisation.objects.count() == 0 and Contact.objects.count() == 0
    assert LogEntry.objects.count() == before


def test_organisation_errors_name_the_column(municipality):
    text = "Art;Name;Übergeordnete Einheit;Website\nAmtsstube;A;;\nAmt;B;Nirgendwo;\nAmt;C;;nicht eine url\nAmt;A;;\n"
    errors = transfer.import_directory(municipality, [("o.csv", text.encode())]).errors
    assert errors[0].startswith("o.csv, Zeile 2, Spalte „Art“: „Amtsstube“ ist keine bekannte Art")
    assert "o.csv, Zeile 5, Spalte „Name“: „A“ steht schon in Zeile 2." in errors
    assert (
        "o.csv, Zeile 3, Spalte „Übergeordnete Einheit“: „Nirgendwo“ gibt es weder im Adressbuch noch in der Datei."
        in errors
    )
    assert "o.csv, Zeile 4, Spalte „Website“: „nicht eine url“ ist keine gültige Internetadresse." in errors


def test_reimport_updates_by_name_without_duplicates(municipality, partner):
    text = "Art;Name;Telefon\nKooperationspartner;caritasverband;0851 777\n"
    result = transfer.import_directory(municipality, [("o.csv", text.encode())])
    assert result.organisations["updated"] == ["Caritasverband"]
    assert Organisation.objects.filter(municipality=municipality).count() == 1
    partner.refresh_from_db()
    assert partner.phone == "0851 777" and partner.short_name == "Caritas"  # missing column left alone


def test_export_then_import_changes_nothing(municipality, department, partner):
    from teilhabe.directory.demo import load_demo

    load_demo(municipality)
    contact(partner, name="Ohne Einwilligung", email="x@y.example", consent=False)
    before = LogEntry.objects.count()
    xlsx = transfer.export_xlsx(municipality)
    result = transfer.import_directory(municipality, [("adressbuch.xlsx", xlsx)])
    assert result.errors == []
    assert result.organisations["created"] == result.organisations["updated"] == []
    assert result.contacts["created"] == result.contacts["updated"] == []
    for table in ("organisations", "contacts"):
        data = transfer.export_csv(municipality, table, encoding="utf-8-sig", delimiter=",")
        result = transfer.import_directory(municipality, [(f"{table}.csv", data)])
        assert result.errors == []
        assert not result.organisations["created"] and not result.organisations["updated"]
        assert not result.contacts["created"] and not result.contacts["updated"]
    data = transfer.export_csv(municipality, "organisations", encoding="cp1252", delimiter=",")
    assert not transfer.import_directory(municipality, [("o.csv", data)]).organisations["updated"]
    assert LogEntry.objects.count() == before


def test_export_leaves_out_withdrawn_and_erased_people(municipality, partner):
    contact(partner, name="Bleibt Drin", email="a@b.example")
    contact(partner, name="Hat Widerrufen", email="w@b.example", consent_withdrawn=True)
    data = transfer.export_csv(municipality, "contacts").decode("utf-8-sig")
    assert "Bleibt Drin" in data and "Hat Widerrufen" not in data
    assert data.splitlines()[0] == ";".join(layout.CONTACTS.headers())


def test_reimport_does_not_revive_a_withdrawn_consent(municipality, partner):
    person = contact(partner, consent_withdrawn=True)
    text = "Organisation;Name;Funktion;widerrufen\nCaritasverband;Miriam Vogt;Neu;nein\n"
    result = transfer.import_directory(municipality, [("k.csv", text.encode())])
    assert result.errors == [] and "die Zeile wird nicht übernommen" in result.warnings[0]
    person.refresh_from_db()
    assert person.consent_withdrawn and person.function == "Migrationsberatung"


def test_the_upload_shows_a_preview_and_saves_only_on_confirmation(
    office_client, office_user, municipality, settings, tmp_path
):
    upload = SimpleUploadedFile("organisationen.csv", as_file(ORGS, "cp1252"), content_type="text/csv")
    response = office_client.post(url("import", municipality), {"files": [upload]})
    preview = Job.objects.get(kind="directory.import_preview")
    assert response.status_code == 302 and response["Location"] == preview.get_absolute_url()
    page = office_client.get(response["Location"]).content.decode()
    assert "Adressbuch-Import: Vorschau" in page and "Windows-1252" in page
    assert Organisation.objects.count() == 0
    response = office_client.post(url("import_confirm", municipality), {"job": preview.pk})
    imported = Job.objects.get(kind="directory.import")
    assert response.status_code == 302 and response["Location"] == imported.get_absolute_url()
    assert Organisation.objects.count() == 3
    assert (
        "Import abgeschlossen: 3 Organisationen neu"
        in office_client.get(response["Location"]).content.decode()
    )
    entries = LogEntry.objects.get_for_model(Organisation)
    assert entries.count() == 4 and all(e.actor == office_user for e in entries)  # 3 created, 1 parent set
    assert not PrivateUpload.objects.exists() and not any(settings.PRIVATE_UPLOAD_DIR.rglob("*.csv"))


def test_the_upload_lists_the_errors_and_offers_no_confirmation(
    office_client, municipality, settings, tmp_path
):
    upload = SimpleUploadedFile("o.csv", b"Art;Name\nAmt;\n")
    page = office_client.post(url("import", municipality), {"files": [upload]}, follow=True).content.decode()
    assert Job.objects.get().state == Job.State.FAILED
    assert "o.csv, Zeile 2, Spalte „Name“: Der Name fehlt." in page
    assert "Import bestätigen" not in page


def test_a_confirmation_needs_a_preview_of_the_own_municipality(
    office_client, municipality, other_municipality
):
    foreign = Job.objects.create(
        municipality=other_municipality, kind="directory.import_preview", state="succeeded"
    )
    response = office_client.post(url("import_confirm", municipality), {"job": foreign.pk})
    assert response.status_code == 302 and Organisation.objects.count() == 0


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
@pytest.mark.parametrize(
    "view", ["import", "export", "export_xlsx", "export_organisations_csv", "export_contacts_csv"]
)
def test_only_the_office_imports_and_exports(client, role_users, municipality, role, view):
    client.force_login(role_users[role])
    assert client.get(url(view, municipality)).status_code == 403


def test_the_outsider_cannot_export(client, outsider, municipality):
    client.force_login(outsider)
    assert client.get(url("export_xlsx", municipality)).status_code == 404


@pytest.mark.parametrize("reader_language", ["de", "en"])
def test_an_english_export_has_english_headers_and_reads_back_in_either_language(
    municipality, department, partner, reader_language
):
    from openpyxl import load_workbook

    from teilhabe.directory.demo import load_demo

    load_demo(municipality)
    with translation.override("en"):
        xlsx = transfer.export_xlsx(municipality)
        csv_data = transfer.export_csv(municipality, "contacts")
    book = load_workbook(io.BytesIO(xlsx), read_only=True)
    assert book.sheetnames == ["Organisations", "Contacts"]
    first = next(book["Organisations"].iter_rows(max_row=1, values_only=True))
    assert first[:4] == ("Kind", "Name", "Short name", "Parent unit")
    assert csv_data.decode("utf-8-sig").startswith("Organisation;Name;Function;Email;Phone;Languages;Consent")
    before = LogEntry.objects.count()
    for files in ([("directory.xlsx", xlsx)], [("contacts.csv", csv_data)]):
        with translation.override(reader_language):
            result = transfer.import_directory(municipality, files)
        assert result.errors == [] and result.warnings == []
        assert result.organisations["created"] == result.organisations["updated"] == []
        assert result.contacts["created"] == result.contacts["updated"] == []
    assert LogEntry.objects.count() == before


def test_office_downloads_xlsx_and_csv(office_client, municipality, partner):
    contact(partner)
    xlsx = office_client.get(url("export_xlsx", municipality))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    response = office_client.get(
        url("export_contacts_csv", municipality), {"kodierung": "windows-1252", "trenner": "komma"}
    )
    assert response.content.decode("cp1252").startswith("Organisation,Name,Funktion")
    assert "m.vogt@caritas.example" in response.content.decode("cp1252")


def test_the_commands_export_and_import_a_round_trip(municipality, partner, tmp_path):
    contact(partner)
    target = tmp_path / "adressbuch.xlsx"
    call_command("export_directory", str(target), municipality="musterstadt", stdout=io.StringIO())
    Contact.objects.all().delete()
    out = io.StringIO()
    call_command("import_directory", str(target), municipality="musterstadt", stdout=out)
    assert "Ansprechpersonen: 1 neu" in out.getvalue()
    assert Contact.objects.get().email == "m.vogt@caritas.example"


def test_the_import_command_fails_loudly_and_saves_nothing(municipality, tmp_path):
    bad = tmp_path / "kontakte.csv"
    bad.write_bytes("Organisation;Name;E-Mail\nNirgends;Eva;kaputt\n".encode("cp1252"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="es wurde nichts gespeichert"):
        call_command("import_directory", str(bad), municipality="musterstadt", stderr=err)
    assert (
        "kontakte.csv, Zeile 2, Spalte „E-Mail“: „kaputt“ ist keine gültige E-Mail-Adresse." in err.getvalue()
    )
    assert Contact.objects.count() == 0


def test_windows_1252_export_refuses_names_it_cannot_hold_instead_of_garbling_them(
    office_client, municipality, partner
):
    contact(partner, name="Mehmet Aydın")
    with pytest.raises(SheetError, match="Windows-1252 kann diese Angaben nicht darstellen: „Mehmet Aydın“"):
        transfer.export_csv(municipality, "contacts", encoding="cp1252")
    response = office_client.get(
        url("export_contacts_csv", municipality), {"kodierung": "windows-1252"}, follow=True
    )
    assert "Bitte wählen Sie UTF-8." in response.content.decode()


def test_a_file_with_only_a_header_row_says_it_has_no_data_rows(municipality):
    header = "Art;Name;Kurzname\n"
    result = transfer.import_directory(municipality, [("organisationen.csv", header.encode())])
    assert result.errors == ["organisationen.csv: Die Datei enthält keine Datenzeilen."]
    empty = write_xlsx(
        [
            Out("Organisationen", layout.ORGANISATIONS.headers(), []),
            Out("Ansprechpersonen", ["Organisation", "Name"], []),
        ]
    )
    result = transfer.import_directory(municipality, [("adressbuch.xlsx", empty)])
    assert result.errors == ["adressbuch.xlsx: Die Datei enthält keine Datenzeilen."]


def test_an_export_without_contacts_still_imports(municipality, partner):
    result = transfer.import_directory(
        municipality, [("adressbuch.xlsx", transfer.export_xlsx(municipality))]
    )
    assert result.errors == [] and result.organisations["unchanged"] == ["Caritasverband"]


def test_other_spellings_of_a_header_are_read_and_errors_name_the_header_as_written(municipality):
    text = "ART;name;Tel.;Email\nAmt;A;0851 1;nicht-gueltig\n"
    result = transfer.import_directory(municipality, [("o.csv", text.encode())])
    assert result.errors == [
        "o.csv, Zeile 2, Spalte „Email“: „nicht-gueltig“ ist keine gültige E-Mail-Adresse."
    ]


def test_the_forms_edit_the_fields_the_spreadsheet_holds():
    from teilhabe.directory.forms import ContactForm, OrganisationForm

    assert OrganisationForm._meta.fields == layout.ORGANISATIONS.fields()
    assert ContactForm._meta.fields == layout.CONTACTS.fields()
    assert layout.ORGANISATIONS.headers()[:2] == ["Art", "Name"]
