"""The body walk of the isolation test: asks a URL every way a user can and reads every answer.

`find_leaks` is a plain function (not a test) so a test can also point it at a deliberately leaking view and
show that it catches it (teilhabe/tests/test_isolation_walk_catches_leaks.py).
"""

import itertools
from dataclasses import dataclass, field

from django.urls import reverse

from teilhabe.municipalities.scoping import URL_VALUE_CHOICES
from teilhabe.testing.bodies import response_text
from teilhabe.testing.csp import response_problems
from teilhabe.testing.samples import SAMPLES, make_sample, variants_of
from teilhabe.testing.urlwalk import fill_kwargs, object_variants

# Query parameters a list or search answers to; "von" is in the sample names of both municipalities
# ("Partner von …", "Person von …"), so a search that crosses municipalities would return the other's rows.
SEARCH = {"q": "von"}
HEADERS_READ = ("Content-Disposition", "Location", "HX-Redirect", "HX-Trigger")


def plant_samples(*municipalities):
    """One sample object of every registered model in each municipality; samples carry the municipality's
    slug in their names, files and districts (teilhabe/testing/samples.py)."""
    for municipality in municipalities:
        for model in SAMPLES:
            for variant in variants_of(model):
                make_sample(model, municipality, variant)


def markers_of(municipality) -> tuple[str, ...]:
    """The strings that reveal `municipality`'s data in a body (compared in lower case)."""
    return tuple({municipality.slug.lower(), municipality.name.lower()})


def url_variants(route, municipality, cache=None):
    """Every URL of `route` in `municipality`: one per registered value of each value kwarg (each export
    table and format) and per sample variant of each object kwarg (an open and a closed round), objects
    filled with `municipality`'s own samples."""
    value_kwargs = [k for k in route.kwargs if k in URL_VALUE_CHOICES]
    choices = [URL_VALUE_CHOICES[k] for k in value_kwargs]
    for variants in object_variants(route):
        base = fill_kwargs(route, municipality, cache=cache, variants=variants)
        for combination in itertools.product(*choices):
            kwargs = {**base, **dict(zip(value_kwargs, combination, strict=True))}
            yield reverse(route.name, kwargs=kwargs)


@dataclass
class Reading:
    """What one request answered: how it was asked, the status, the body's type and its text."""

    how: str
    status: int
    content_type: str
    text: str

    def describe(self):
        return f"{self.how} → {self.status} {self.content_type or '(no type)'}"


@dataclass
class Walk:
    readings: list[Reading] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)  # answers the Content-Security-Policy would break


def read_route(client, route, municipality, user, markers, cache=None) -> Walk:
    """Ask every URL of `route` as `user` (GET, GET as htmx with a search, POST without data) and
    anonymously, read every body whatever its status and format, and list each marker found, and each
    answer that breaks the Content-Security-Policy (teilhabe/testing/csp.py)."""
    walk = Walk()
    for url in url_variants(route, municipality, cache=cache):
        asks = [
            (f"GET {url}", lambda c, u=url: c.get(u), user),
            (
                f"GET {url}?q=von (htmx)",
                lambda c, u=url: c.get(u, SEARCH, headers={"HX-Request": "true"}),
                user,
            ),
            (f"POST {url} (empty form)", lambda c, u=url: c.post(u, {}), user),
            (f"GET {url} (anonymous)", lambda c, u=url: c.get(u), None),
        ]
        for how, ask, who in asks:
            if who is None:
                client.logout()
            else:
                client.force_login(who)
            response = ask(client)
            csp = response_problems(response)  # before the body is read (a stream is read once)
            text = response_text(response)
            headers = " ".join(response.get(h, "") for h in HEADERS_READ)
            reading = Reading(how, response.status_code, response.get("Content-Type", ""), text)
            walk.readings.append(reading)
            walk.csp += [f"{route.name}: {reading.describe()}: {problem}" for problem in csp]
            haystack = (text + " " + headers).lower()
            for marker in markers:
                if marker in haystack:
                    walk.leaks.append(f"{route.name}: {reading.describe()} contains {marker!r}")
    return walk
