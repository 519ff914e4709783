"""The scoping rule in one place: every object a view shows is fetched within request.municipality.

URL kwargs that name objects are registered here, so the site-wide isolation test can fill them with
objects of another municipality and expect 404 (teilhabe/tests/test_tenant_isolation.py).
"""

from django.db.models import Model
from django.shortcuts import get_object_or_404

URL_OBJECTS: dict[str, type[Model]] = {}


def register_url_object(kwarg: str, model: type[Model]) -> None:
    """Declare that URL kwarg `kwarg` holds the primary key of a `model` (a MunicipalityOwned model)."""
    URL_OBJECTS[kwarg] = model


def scoped(model: type[Model], municipality):
    return model.objects.filter(municipality=municipality)


def get_scoped_or_404(model_or_queryset, request, **lookup):
    """get_object_or_404 restricted to the request's municipality."""
    queryset = getattr(model_or_queryset, "objects", model_or_queryset)
    return get_object_or_404(queryset.filter(municipality=request.municipality), **lookup)


URL_VALUES: dict[str, str] = {}
URL_VALUE_CHOICES: dict[str, tuple[str, ...]] = {}


def register_url_value(kwarg: str, example: str, *more: str) -> None:
    """Declare a URL kwarg that is not an object id (e.g. an export format) with an example value.

    Give every value the URL answers to (each export table, each format): the isolation walk reads the body
    of each combination, the other site-wide tests use the first."""
    URL_VALUES[kwarg] = example
    URL_VALUE_CHOICES[kwarg] = (example, *more)
