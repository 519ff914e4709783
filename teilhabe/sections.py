"""Sections a higher app adds to a page of a lower app, so that the lower app never imports the higher one
(apps import downward only: teilhabe/tests/test_import_layers.py).

The lower app's view names the place (`"directory.organisation"`) and adds what is registered for it:

    ctx.update(sections.context("directory.organisation", organisation))

and its template includes the sections where they belong:

    {% for template in page_sections %}{% include template %}{% endfor %}

The higher app registers in its AppConfig.ready() a template and a function of the page's object that returns
the template's values (bounded queries, nothing written):

    sections.register(
        "directory.organisation",
        "activities/_organisation_activities.html",
        lambda organisation: {"organisation_activities": links.for_organisation(organisation)},
    )
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    template: str
    values: Callable[..., dict]


_PLACES: dict[str, list[Section]] = {}


def register(place: str, template: str, values: Callable[..., dict]) -> None:
    """Add a section to `place`; registering the same template again replaces it (ready() may run twice)."""
    sections = [s for s in _PLACES.setdefault(place, []) if s.template != template]
    _PLACES[place] = [*sections, Section(template, values)]


def context(place: str, *args) -> dict:
    """The values of every section registered for `place`, and `page_sections`: their templates, in order."""
    ctx: dict = {"page_sections": []}
    for section in _PLACES.get(place, ()):
        ctx.update(section.values(*args))
        ctx["page_sections"].append(section.template)
    return ctx
