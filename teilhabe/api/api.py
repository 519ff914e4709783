"""The open data API (django-ninja): read-only JSON under /api/v1/, described by /api/v1/openapi.json.

- Public (no login): municipalities, the published concept (fields of action, goals, measures, statuses,
  progress, trend of the closed rounds), the published Faktencheck tables with disclosure control, the public
  upcoming activities; each table also as CSV (`….csv`). Filter with `?municipality=<slug>`.
- Internal (`Authorization: Bearer <token>`, tokens on the profile page): the token's municipality only, with
  its holder's rights (internal.py).
- Lists are paginated (`limit`, `offset`; answer `{"items": […], "count": n}`); every 200 answer has an ETag
  and a Last-Modified (the data's latest change), and a conditional GET with `If-None-Match` or
  `If-Modified-Since` answers 304.
- No docs page: ninja's loads Swagger UI from a CDN, and the site makes no outside calls (CSP).
"""

from typing import Literal

from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from ninja import NinjaAPI, Query, Router
from ninja.pagination import paginate

from teilhabe.api import csvs, data, schemas
from teilhabe.api.pagination import Pages
from teilhabe.headers import conditional_response

GET_ONLY = ("GET", "HEAD")


INVALID = {
    "description": "Ungültige Parameter (ninja's validation: each problem with its place and message)",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "array", "items": {"type": "object"}}},
                "required": ["detail"],
            }
        }
    },
}


class Api(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The generated description, plus the 422 that ninja answers to every operation with parameters."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if operation.get("parameters"):
                    operation["responses"].setdefault(422, INVALID)
        return schema

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return conditional(request, response)


def conditional(request, response):
    """ETag on every successful read; 304 when the client already holds it. Public answers may be cached
    briefly by anyone; answers to a token only by the client."""
    if request.method not in GET_ONLY or response.status_code != 200:
        return response
    if request.headers.get("Authorization"):
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    patch_vary_headers(response, ("Authorization", "Accept-Language"))
    set_response_etag(response)
    if request.headers.get("Authorization"):  # the token's municipality (internal.py); any change counts
        return conditional_response(request, response)
    found = data.municipalities(request.GET["municipality"]) if request.GET.get("municipality") else None
    municipality = found.first() if found is not None else None
    return conditional_response(request, response, municipality.pk if municipality else None)


api = Api(
    title="Teilhabe API",
    version="1",
    description=__doc__,
    urls_namespace="api",
    docs_url=None,
)
public = Router(tags=["public"])

MUNICIPALITY = Query(None, description="Kurzname der Kommune (slug), z. B. musterstadt")


def _csv_extra(description):
    return {
        "responses": {
            200: {"description": description, "content": {"text/csv": {"schema": {"type": "string"}}}}
        }
    }


def _list(path, schema, builder, *, summary, csv_name):
    """A paginated JSON list and its CSV download, both filtered by ?municipality=."""

    @public.get(path, response=list[schema], summary=summary, operation_id=csv_name.replace("-", "_"))
    @paginate(Pages)
    def listing(request, municipality: str | None = MUNICIPALITY):
        return builder(municipality)

    @public.get(
        f"{path}.csv",
        summary=f"{summary} (CSV)",
        operation_id=csv_name.replace("-", "_") + "_csv",
        openapi_extra=_csv_extra(summary),
    )
    def download(request, municipality: str | None = MUNICIPALITY):
        rows = builder(municipality)
        return csvs.response(csvs.rows_csv(rows, list(schema.model_fields)), csv_name)

    return listing, download


_list(
    "/municipalities",
    schemas.Municipality,
    data.municipality_rows,
    summary="Kommunen",
    csv_name="municipalities",
)
_list(
    "/concepts",
    schemas.Concept,
    data.concept_rows,
    summary="Veröffentlichte Integrationskonzepte",
    csv_name="concepts",
)
_list(
    "/fields-of-action",
    schemas.FieldOfAction,
    data.field_rows,
    summary="Handlungsfelder mit Umsetzungsstand",
    csv_name="fields-of-action",
)
_list("/goals", schemas.Goal, data.goal_rows, summary="Ziele", csv_name="goals")
_list("/statuses", schemas.Status, data.status_rows, summary="Status (Umsetzungsstand)", csv_name="statuses")
_list(
    "/progress",
    schemas.Progress,
    data.progress_rows,
    summary="Umsetzungsstand insgesamt",
    csv_name="progress",
)
_list(
    "/trend",
    schemas.TrendPoint,
    data.trend_rows,
    summary="Entwicklung über abgeschlossene Berichtsrunden",
    csv_name="trend",
)
_list(
    "/activities",
    schemas.Activity,
    data.activity_rows,
    summary="Kommende öffentliche Aktivitäten",
    csv_name="activities",
)
_list("/factcheck/dates", schemas.FactCheckDate, data.factcheck_date_rows, summary="Stichtage des Faktenchecks", csv_name="factcheck-dates")  # fmt: skip


@public.get("/measures", response=list[schemas.Measure], summary="Maßnahmen mit Umsetzungsstand")
@paginate(Pages)
def measures(request, municipality: str | None = MUNICIPALITY, field_of_action: int | None = None):
    return data.measure_rows(municipality, _small(field_of_action))


@public.get("/measures.csv", summary="Maßnahmen (CSV)", openapi_extra=_csv_extra("Maßnahmen"))
def measures_csv(request, municipality: str | None = MUNICIPALITY, field_of_action: int | None = None):
    rows = data.measure_rows(municipality, _small(field_of_action))
    return csvs.response(csvs.rows_csv(rows, list(schemas.Measure.model_fields)), "measures")


def _small(number):
    """A field of action's number as the database can compare it (none outside 0..32767)."""
    return number if number is None or 0 <= number <= 32767 else -1


def _factcheck(municipality, table, date):
    found = data.municipalities(municipality).first()
    built = data.factcheck_table(found, table, date) if found else None
    if built is None:
        raise Http404
    return found, built


# The table names as an enum in the schema: a free string let `{table}` read as any name, "dates" included,
# which is the route of its own above (a generated request to /factcheck/dates answered the dates list).
# An unknown name is refused with 422 like any other invalid parameter.
FactCheckTableName = Literal[data.FACTCHECK_TABLES]

FACTCHECK_DESCRIPTION = (
    "Eine veröffentlichte Tabelle des Faktenchecks Migration mit Geheimhaltung: unterdrückte Zellen haben "
    f"value null und den Text „.“. Tabellen: {', '.join(data.FACTCHECK_TABLES)}."
)


NOT_FOUND = {
    "description": "keine veröffentlichten Zahlen (Kommune unbekannt oder ohne Faktencheck)",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
        }
    },
}


# The CSV route first: `{table}` alone would also match `comparison.csv`.
@public.get(
    "/factcheck/{table}.csv",
    summary="Faktencheck-Tabelle (CSV)",
    description=FACTCHECK_DESCRIPTION,
    openapi_extra={"responses": {**_csv_extra("Faktencheck-Tabelle")["responses"], 404: NOT_FOUND}},
)
def factcheck_csv(request, table: FactCheckTableName, municipality: str = Query(..., description="Kurzname der Kommune"), date: str | None = None):  # fmt: skip
    from teilhabe.statistics.exports import table_to_csv

    found, built = _factcheck(municipality, table, date)
    return csvs.response(table_to_csv(built), f"factcheck-{built.key}-{found.slug}")


@public.get(
    "/factcheck/{table}",
    response={200: schemas.FactCheckTable, 404: schemas.Error},
    summary="Faktencheck-Tabelle",
    description=FACTCHECK_DESCRIPTION,
)
def factcheck(request, table: FactCheckTableName, municipality: str = Query(..., description="Kurzname der Kommune"), date: str | None = None):  # fmt: skip
    found, built = _factcheck(municipality, table, date)
    return data.factcheck_rows(found, built)


api.add_router("/", public)

from teilhabe.api import internal  # noqa: E402  (the internal router registers on `api`)

api.add_router("/internal/", internal.router)
