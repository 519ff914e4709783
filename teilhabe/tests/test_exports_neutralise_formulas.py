"""Every spreadsheet export the site offers writes hostile text as text, never as a formula (OWASP CSV injection).

Every text of every domain row is prefixed with a hostile value (a partner's report text "=HYPERLINK(…)", a
district "+cmd…", "@SUM(…)"), then every URL of the site (internal and public, each export table and format)
is fetched; each CSV and XLSX that comes back is parsed: no XLSX cell is a formula, every CSV cell that a
spreadsheet would evaluate is prefixed with "'".
"""

import csv
import io
import re
import zipfile

import pytest
from django.apps import apps
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Left
from openpyxl import load_workbook

from teilhabe.municipalities.models import MunicipalityOwned
from teilhabe.sheets.text import FORMULA_STARTS, detect_delimiter
from teilhabe.testing.bodies import response_bytes
from teilhabe.testing.isolation import plant_samples, url_variants
from teilhabe.testing.urlwalk import municipality_routes

SHORT_HOSTILE = "=1+1"
HOSTILE = ['=HYPERLINK("http://boese.example/","Klick")&', "+cmd|' /C calc'!A0 ", "@SUM(1+1)*", "-2+3+"]
#: Fields whose values code reads (colours, addresses, codes): prefixed they would only break the page.
SKIPPED = re.compile(r"colour|color|email|website|url|slug|phone|code|token|key|hash|kind|state|role|method")
NUMBER = re.compile(r"^-?[\d.,]+%?$")
SPREADSHEETS = ("text/csv", "spreadsheetml")


def taint(municipality) -> int:
    """Prefix every free text of the municipality's rows with a hostile value; the number of fields changed."""
    changed = 0
    for model in apps.get_models():
        if not issubclass(model, MunicipalityOwned):
            continue
        for index, field in enumerate(model._meta.concrete_fields):
            if not isinstance(field, models.CharField | models.TextField) or field.choices or field.unique:
                continue
            if SKIPPED.search(field.name):
                continue
            hostile = HOSTILE[index % len(HOSTILE)]
            rows = model.objects.filter(municipality=municipality).exclude(**{field.name: ""})
            tainted = Concat(Value(hostile), F(field.name))
            if field.max_length:
                # PostgreSQL enforces the length, SQLite does not: short fields get the short formula, and
                # every value is cut to its field's length (the formula at its start is what counts)
                if field.max_length < 100:
                    tainted = Concat(Value(SHORT_HOSTILE), F(field.name))
                tainted = Left(tainted, field.max_length)
            changed += rows.update(**{field.name: tainted})
    return changed


def formula_cells_of_xlsx(data: bytes) -> list[str]:
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and re.search(rb"<f[ >]", archive.read(name)):
                found.append(f"{name} holds a <f> element")
    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            found += [f"{sheet.title}!{c.coordinate} = {c.value!r}" for c in row if c.data_type == "f"]
    return found


def xlsx_texts(data: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(data))
    return [
        c.value for s in workbook.worksheets for row in s.iter_rows() for c in row if isinstance(c.value, str)
    ]


def evaluated_cells_of_csv(data: bytes) -> tuple[list[str], list[str]]:
    text = data.decode("utf-8-sig") if not data.startswith(b"\xff\xfe") else data.decode("utf-16")
    lines = text.splitlines()
    delimiter = detect_delimiter(lines[0] if lines else "")
    cells = [
        cell for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in record
    ]
    evaluated = [c for c in cells if c.startswith(FORMULA_STARTS) and not NUMBER.match(c)]
    return evaluated, cells


@pytest.mark.django_db
def test_no_export_holds_a_formula(client, municipality, office_user):
    plant_samples(municipality)
    assert taint(municipality) > 20
    client.raise_request_exception = False  # a page broken by the planted text is not this test's business
    problems, exported, hostile_seen = [], set(), {"csv": 0, "xlsx": 0}
    for route in municipality_routes():
        for url in url_variants(route, municipality):
            for user in (office_user, None):
                if user is None:
                    client.logout()
                else:
                    client.force_login(user)
                response = client.get(url)
                content_type = response.get("Content-Type", "")
                if response.status_code != 200 or not any(kind in content_type for kind in SPREADSHEETS):
                    continue
                exported.add(route.name)
                data = response_bytes(response)
                if "spreadsheetml" in content_type:
                    problems += [f"{url}: {cell}" for cell in formula_cells_of_xlsx(data)]
                    hostile_seen["xlsx"] += sum(
                        1 for t in xlsx_texts(data) if t.startswith(("=HYPERLINK", "+cmd"))
                    )
                else:
                    evaluated, cells = evaluated_cells_of_csv(data)
                    problems += [f"{url}: {cell!r}" for cell in evaluated]
                    hostile_seen["csv"] += sum(1 for c in cells if c.startswith(("'=HYPERLINK", "'+cmd")))
    assert not problems, "\n".join(problems[:30])
    expected = {
        "activities:export_xlsx",
        "activities:export_csv",
        "concept:export_xlsx",
        "concept:export_csv",
        "concept:round_export_xlsx",
        "concept:round_export_csv",
        "directory:export_xlsx",
        "directory:export_organisations_csv",
        "directory:export_contacts_csv",
        "statistics:export",
        "statistics_public:export",
        "statistics:table_export_xlsx",
        "statistics:table_export_csv",
        "statistics:table_template",
    }
    assert expected <= exported, sorted(exported)
    assert hostile_seen["xlsx"] and hostile_seen["csv"], hostile_seen  # the hostile text did reach the files
