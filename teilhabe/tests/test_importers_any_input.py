"""Property-based tests (hypothesis) of every importer and the register-extract reader: whatever the file,
the answer is a result or a clear message, never a traceback, and nothing is saved when the answer is a
message. Example counts are kept small for CI; `HYPOTHESIS_PROFILE=thorough` runs many more."""

import datetime as dt
import io
import os
import string

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci",
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.register_profile(
    "thorough",
    max_examples=400,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CONCEPT_HEADERS = [
    "Handlungsfeld Nr.", "Handlungsfeld", "Ziel Nr.", "Ziel", "Maßnahme Nr.", "Maßnahme", "Beschreibung",
    "Federführung", "Beteiligte", "Beginn", "Ende", "Priorität", "Kosten / Finanzierung", "Indikator",
    "Schlagworte", "Schwerpunkt", "Status", "Sachstand",
]  # fmt: skip
DIRECTORY_HEADERS = [
    "Art", "Name", "Kurzname", "Übergeordnete Einheit", "Anschrift", "Website", "E-Mail", "Telefon", "Sprachen",
    "Notizen", "Organisation", "Funktion", "Einwilligung Zweck", "Einwilligung am", "Einwilligung wie",
    "widerrufen",
]  # fmt: skip
EXTRACT_HEADERS = [
    "person_id", "birth_date", "sex", "district", "citizenship", "second_citizenship", "birth_country",
    "naturalised", "ius_soli", "immigrated_from", "parent1_id", "parent2_id", "address_id", "asylum_background",
]  # fmt: skip
TABLE_HEADERS = ["Indikator", "Stadtteil", "Stichtag", "Wert", "Merkmal", "Gebiet", "Datum", "Anzahl"]

# Cell text: plain words, German letters, separators, quotes, line breaks, formulas, numbers, dates, noise.
TEXT = st.one_of(
    st.text(alphabet=string.ascii_letters + "äöüßÄÖÜ -.,;\"'\n\t=+@/0123456789", max_size=30),
    st.sampled_from(["", "1", "1.1", "1.1.1", "2.10", "DE", "TR", "m", "w", "ja", "nein", "31.12.2023",
                     "2023-12-31", "=HYPERLINK(\"x\")", "Kulturamt", "partner", "department", "x" * 300,
                     "-1", "1e9", "NaN", "0,5", "∞", "\x00"]),
)  # fmt: skip
CELL = st.one_of(
    TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.none(),
)


def table(headers):
    """A header row drawn from `headers` (sometimes shuffled, duplicated or missing) and up to 8 rows."""
    header = st.lists(st.one_of(st.sampled_from(headers), TEXT), min_size=0, max_size=len(headers) + 2)
    return header.flatmap(
        lambda h: st.tuples(st.just(h), st.lists(st.lists(CELL, min_size=0, max_size=len(h) + 2), max_size=8))
    )


def as_csv(header_rows, encoding, delimiter):
    header, rows = header_rows
    lines = [delimiter.join(_csv_cell(c) for c in header)]
    lines += [delimiter.join(_csv_cell(c) for c in row) for row in rows]
    return "\r\n".join(lines).encode(encoding, errors="replace")


def _csv_cell(value):
    text = "" if value is None else str(value)
    if any(ch in text for ch in ';,"\n\t'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def as_xlsx(header_rows):
    from openpyxl import Workbook

    header, rows = header_rows
    workbook = Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        sheet.append([_xlsx_cell(c) for c in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_cell(value):
    if isinstance(value, str):
        # openpyxl refuses control characters; a real file cannot hold them either
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    return value


def files(headers, suffixes=(".csv", ".xlsx")):
    """(file name, bytes): a generated table as CSV (three encodings, two separators) or XLSX, a damaged copy
    of one, or arbitrary bytes under any of the accepted names."""
    csv_file = st.tuples(
        table(headers), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), st.sampled_from([";", ","])
    ).map(lambda t: ("tabelle.csv", as_csv(*t)))
    xlsx_file = table(headers).map(lambda t: ("tabelle.xlsx", as_xlsx(t)))
    damaged = st.tuples(xlsx_file, st.integers(min_value=0, max_value=5000), st.binary(max_size=20)).map(
        lambda t: (t[0][0], t[0][1][: t[1]] + t[2])
    )
    noise = st.tuples(st.sampled_from(suffixes), st.binary(max_size=400)).map(
        lambda t: ("datei" + t[0], t[1])
    )
    return st.one_of(csv_file, xlsx_file, damaged, noise)


# One valid file per importer, always tried first: the success path is part of every run.
VALID_CONCEPT = (
    "konzept.csv",
    "Handlungsfeld Nr.;Handlungsfeld;Ziel Nr.;Ziel;Maßnahme Nr.;Maßnahme\r\n1;Sprache;1.1;Kita;1.1.1;Kurse\r\n".encode(),
)
VALID_DIRECTORY = ("organisationen.csv", b"Art;Name\r\nKooperationspartner;Caritas\r\n")
VALID_EXTRACT = (
    "auszug.csv",
    b"person_id;birth_date;sex;district;citizenship\n1;1980-01-01;m;Nord;DE\n2;1990-05-05;w;Nord;TR\n",
)
VALID_TABLE = ("tabelle.csv", b"Indikator;Stadtteil;Stichtag;Wert\nEinwohner;;31.12.2023;1000\n")


def row_counts():
    from teilhabe.municipalities.backup import backed_up_models

    return {m._meta.label: m._base_manager.count() for m in backed_up_models()}


def assert_clear_messages(messages):
    assert messages, "a refusal without a message"
    for message in messages:
        text = str(message)
        assert text.strip(), "an empty message"
        assert "Traceback" not in text and "Error(" not in text, text


# --- the concept import ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [True, False])
def test_the_concept_import_answers_any_file(municipality, dry_run):
    from hypothesis import example, given

    from teilhabe.concept.importing import import_concept

    @example(upload=VALID_CONCEPT)
    @given(upload=files(CONCEPT_HEADERS))
    def check(upload):
        name, data = upload
        before = row_counts()
        result = import_concept(municipality, io.BytesIO(data), dry_run=dry_run, filename=name)
        if upload == VALID_CONCEPT:
            assert not result.errors and result.saved != dry_run
        if result.errors:
            assert_clear_messages(result.errors)
            assert row_counts() == before, f"rows saved although the import was refused: {result.errors}"
        elif dry_run:
            assert row_counts() == before

    check()


# --- the directory import -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [True, False])
def test_the_directory_import_answers_any_files(municipality, dry_run):
    from hypothesis import example, given

    from teilhabe.directory.transfer import import_directory

    @example(uploads=[VALID_DIRECTORY])
    @given(uploads=st.lists(files(DIRECTORY_HEADERS), min_size=1, max_size=2))
    def check(uploads):
        before = row_counts()
        result = import_directory(municipality, uploads, dry_run=dry_run)
        if uploads == [VALID_DIRECTORY]:
            assert not result.errors and result.applied != dry_run
        if result.errors:
            assert_clear_messages(result.errors)
            assert row_counts() == before, f"rows saved although the import was refused: {result.errors}"
        elif dry_run:
            assert row_counts() == before

    check()


# --- the register extract and the statistics office table ----------------------------------------------


@pytest.mark.django_db
def test_the_register_extract_reader_answers_any_file(municipality, tmp_path):
    from hypothesis import example, given

    from teilhabe.statistics import services
    from teilhabe.statistics.extract import ExtractError

    @example(upload=VALID_EXTRACT)
    @given(upload=files(EXTRACT_HEADERS, suffixes=(".csv", ".xlsx", ".parquet")))
    def check(upload):
        name, data = upload
        path = tmp_path / name
        path.write_bytes(data)
        before = row_counts()
        try:
            services.compute_and_store(municipality, path, dt.date(2023, 12, 31), file_name=name)
        except ExtractError as error:
            assert upload != VALID_EXTRACT, error
            assert_clear_messages([error])
            assert row_counts() == before, f"rows saved although the extract was refused: {error}"

    check()


@pytest.mark.django_db
def test_the_statistics_table_import_answers_any_file(municipality, tmp_path):
    from hypothesis import example, given

    from teilhabe.statistics import services
    from teilhabe.statistics.extract import ExtractError

    @example(upload=VALID_TABLE)
    @given(upload=files(TABLE_HEADERS))
    def check(upload):
        name, data = upload
        path = tmp_path / name
        path.write_bytes(data)
        before = row_counts()
        try:
            services.import_statistics_table(municipality, path, file_name=name)
        except ExtractError as error:
            assert upload != VALID_TABLE, error
            assert_clear_messages([error])
            assert row_counts() == before, f"rows saved although the table was refused: {error}"

    check()


# --- the activities import ------------------------------------------------------------------------------

ACTIVITY_HEADERS = [
    "Nr.", "Titel", "Art", "Stand", "Stand seit", "Datum", "letzter Tag", "Uhrzeit von", "Uhrzeit bis",
    "Wiederholung", "ausgenommene Termine", "Ort", "Sprachen", "Zielgruppen", "Federführung", "Maßnahmen",
    "Teilnehmende tatsächlich", "Kosten", "entstanden aus",
]  # fmt: skip
VALID_ACTIVITIES = ("aktivitaeten.csv", "Titel;Art;Datum\r\nJobbörse;Veranstaltung;04.03.2024\r\n".encode())


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [True, False])
def test_the_activities_import_answers_any_file(municipality, dry_run):
    from hypothesis import example, given

    from teilhabe.activities.transfer import import_activities

    @example(upload=VALID_ACTIVITIES)
    @given(upload=files(ACTIVITY_HEADERS))
    def check(upload):
        name, data = upload
        before = row_counts()
        result = import_activities(municipality, data, filename=name, dry_run=dry_run)
        if upload == VALID_ACTIVITIES:
            assert not result.errors and result.applied != dry_run
        if result.errors:
            assert_clear_messages(result.errors)
            assert row_counts() == before, f"rows saved although the import was refused: {result.errors}"
        elif dry_run:
            assert row_counts() == before

    check()
