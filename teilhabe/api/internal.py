"""The internal part of the API: one municipality's internal data for a member's token.

A token authenticates while its holder's membership in the token's municipality is active (tokens.authenticate,
the internal pages' own check); everything here is read from that municipality only, so a token of
municipality A never reads municipality B, whatever the request says. Every role reads the concept and the
activities internally (as on the internal pages); contacts and participants are not offered at all."""

from ninja import Router
from ninja.pagination import paginate
from ninja.security import HttpBearer

from teilhabe.activities.models import Activity
from teilhabe.activities.services import lists
from teilhabe.api import data, schemas, tokens
from teilhabe.api.pagination import Pages
from teilhabe.concept.models import Measure


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        return tokens.authenticate(token)


router = Router(tags=["internal"], auth=TokenAuth())
UNAUTHORISED = {401: schemas.Error}


@router.get("/me", response={200: schemas.Me, **UNAUTHORISED}, summary="Wofür der Schlüssel gilt")
def me(request):
    token = request.auth
    organisation = token.membership.organisation
    return {
        "municipality": token.municipality.slug,
        "role": token.membership.role,
        "organisation": organisation.name if organisation else None,
        "token": token.name,
    }


@router.get(
    "/measures",
    response={200: list[schemas.InternalMeasure], **UNAUTHORISED},
    summary="Alle Maßnahmen des aktuellen Konzepts, auch nicht veröffentlichte",
)
@paginate(Pages)
def measures(request):
    found = (
        Measure.objects.for_municipality(request.auth.municipality)
        .filter(concept__is_current=True)
        .select_related("municipality", "field_of_action", "goal", "current_status", "lead")
        .prefetch_related("involved")
        .order_by("sort_key")
    )
    return [
        {
            **data.measure_row(m),
            "public": m.public,
            "involved": [o.name for o in m.involved.all()],
            "priority": m.priority,
            "success_indicator": m.success_indicator,
        }
        for m in found
    ]


@router.get(
    "/activities",
    response={200: list[schemas.InternalActivity], **UNAUTHORISED},
    summary="Alle Aktivitäten (auch Ideen und nicht öffentliche), neueste zuerst",
)
@paginate(Pages)
def activities(request):
    found = lists.with_rows(
        Activity.objects.for_municipality(request.auth.municipality).select_related("municipality")
    ).prefetch_related("measures")
    return [
        {
            **data.activity_row(a),
            "public": a.public,
            "participants_expected": a.participants_expected,
            "participants_actual": a.participants_actual,
            "measures": [m.number for m in a.measures.all()],
        }
        for a in found.order_by("-first_on", "-pk")
    ]
