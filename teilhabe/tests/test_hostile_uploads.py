"""A zip bomb and a PNG renamed .xlsx are refused on every upload path, fast and with bounded memory.

The bomb is made here: a valid workbook whose worksheet unpacks to about 1 GB while the file is about 1 MB.
Before the shared checks at the door (teilhabe/sheets/door.py) such a file kept a worker busy for minutes at
gigabytes of memory; now the zip's declared sizes are checked before any parser runs.
"""

import datetime as dt
import time
import tracemalloc
import zipfile

import pytest
from django.urls import reverse

from teilhabe.activities.transfer import import_activities
from teilhabe.bulletins.services.list_import import import_list
from teilhabe.bulletins.tests import helpers as bulletin_helpers
from teilhabe.concept.importing import import_concept
from teilhabe.directory.transfer import import_directory
from teilhabe.statistics.extract import ExtractError, open_extract
from teilhabe.statistics.services import read_table

UNPACKED = 1024 * 1024 * 1024  # 1 GB
SECONDS = 1.0
EXTRA_MEMORY = 100 * 1024 * 1024

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><sheets><sheet name="Tabelle1" sheetId="1" r:id="rId1" xmlns:r="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>'
)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    path = tmp_path_factory.mktemp("bomb") / "konzept.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            chunk = b"<row/>" * (1024 * 1024 // 6) + b"    "
            for _ in range(UNPACKED // len(chunk)):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    size = path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(entry.file_size for entry in archive.infolist())
    assert size < 5 * 1024 * 1024 and unpacked > 0.9 * UNPACKED  # a few MB that unpack to about 1 GB
    return path


@pytest.fixture(scope="module")
def png(tmp_path_factory):
    path = tmp_path_factory.mktemp("png") / "konzept.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 2000)
    return path


def measured(call):
    """(result or exception, seconds, peak extra bytes allocated) of call()."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    before, _peak = tracemalloc.get_traced_memory()
    started = time.perf_counter()
    try:
        outcome = call()
    except Exception as error:  # the paths that raise (register extract) are judged by the caller
        outcome = error
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, seconds, peak - before


def concept_errors(municipality, path):
    result = import_concept(municipality, path.read_bytes(), filename=path.name, dry_run=True)
    return [str(e) for e in result.errors]


def directory_errors(municipality, path):
    return import_directory(municipality, [(path.name, path.read_bytes())], dry_run=True).errors


def activities_errors(municipality, path):
    return [str(e) for e in import_activities(municipality, path, filename=path.name, dry_run=True).errors]


def distribution_list_errors(municipality, path):
    dlist = bulletin_helpers.dlist(municipality)
    return import_list(dlist, path, filename=path.name, basis="public_task", dry_run=True).errors


def table_errors(municipality, path):
    try:
        read_table(path, path.name, municipality.name)
    except ExtractError as error:
        return [str(error)]
    return []


def extract_errors(municipality, path):
    try:
        open_extract(path).close()
    except ExtractError as error:
        return [str(error)]
    return []


PATHS = [
    concept_errors,
    directory_errors,
    activities_errors,
    distribution_list_errors,
    table_errors,
    extract_errors,
]


@pytest.mark.parametrize("read", PATHS, ids=lambda f: f.__name__)
def test_a_zip_bomb_is_refused_within_a_second_with_bounded_memory(municipality, bomb, read):
    errors, seconds, memory = measured(lambda: read(municipality, bomb))
    assert isinstance(errors, list), errors
    assert len(errors) == 1 and "entpackt" in errors[0] and "konzept.xlsx" in errors[0], errors
    assert seconds < SECONDS, f"{seconds:.2f} s"
    assert memory < EXTRA_MEMORY, f"{memory / 1e6:.0f} MB"


@pytest.mark.parametrize("read", PATHS, ids=lambda f: f.__name__)
def test_a_png_named_xlsx_is_refused_as_not_an_excel_file(municipality, png, read):
    errors, seconds, memory = measured(lambda: read(municipality, png))
    assert isinstance(errors, list), errors
    assert len(errors) == 1 and "keine Excel-Datei" in errors[0], errors
    assert seconds < SECONDS and memory < EXTRA_MEMORY


def test_the_bomb_is_refused_through_every_upload_form(client, office_user, municipality, bomb, png):
    """The same answer through the pages: the German refusal, nothing saved, within a second."""
    client.force_login(office_user)
    slug = municipality.slug
    distribution_list = bulletin_helpers.dlist(municipality)
    forms = [
        (reverse("concept:import_upload", args=[slug]), lambda f: {"file": f, "concept": "neu"}),
        (
            reverse("distribution:import", args=[slug, distribution_list.pk]),
            lambda f: {"file": f, "basis": "public_task"},
        ),
        (reverse("directory:import", args=[slug]), lambda f: {"files": f}),
        (reverse("activities:import", args=[slug]), lambda f: {"file": f}),
        (reverse("statistics:upload_table", args=[slug]), lambda f: {"file": f}),
        (
            reverse("statistics:upload_extract", args=[slug]),
            lambda f: {"file": f, "reference_date": dt.date(2024, 12, 31).isoformat()},
        ),
    ]
    for url, _data in forms:
        client.get(url)  # the first request of a page pays for loading its templates; not what is measured
    for path, expected in ((bomb, "entpackt"), (png, "keine Excel-Datei")):
        for url, data in forms:
            with open(path, "rb") as handle:
                started = time.perf_counter()
                response = client.post(url, data(handle), follow=True)
                seconds = time.perf_counter() - started
            assert response.status_code in (200, 422), (url, response.status_code)
            assert expected in response.content.decode(), (url, path.name)
            assert seconds < 2 * SECONDS, (url, f"{seconds:.2f} s")
