"""Walks every URL pattern of the municipality area, for the site-wide isolation and permission tests."""

import itertools
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from teilhabe.municipalities.scoping import URL_OBJECTS, URL_VALUES
from teilhabe.testing.samples import DEFAULT, make_sample, variants_of


@dataclass
class Route:
    name: str
    kwargs: tuple[str, ...]
    callback: object

    @property
    def object_kwargs(self):
        return [k for k in self.kwargs if k != "municipality_slug" and k not in URL_VALUES]

    def __str__(self):
        return self.name


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or str(entry.pattern))
            yield prefix + str(entry.pattern), name, entry


def municipality_routes() -> list[Route]:
    """Every named URL below /<municipality_slug>/, with its kwargs."""
    routes = {}
    for route, name, entry in _walk(get_resolver().url_patterns):
        if "<slug:municipality_slug>" not in route:
            continue
        kwargs = tuple(sorted(set(_kwarg_names(route))))
        routes[(name, kwargs)] = Route(name=name, kwargs=kwargs, callback=entry.callback)
    return sorted(routes.values(), key=lambda r: (r.name, r.kwargs))


def _kwarg_names(route: str):
    import re

    return re.findall(r"<(?:\w+:)?(\w+)>", route)


def object_variants(route: Route) -> list[dict[str, str]]:
    """Every combination of sample variants of the route's object kwargs ({} when none has variants)."""
    kwargs = [k for k in route.object_kwargs if k in URL_OBJECTS]
    choices = [variants_of(URL_OBJECTS[k]) for k in kwargs]
    combos = []
    for combination in itertools.product(*choices):
        combos.append({k: v for k, v in zip(kwargs, combination, strict=True) if v != DEFAULT})
    return combos


def variant_label(route: Route, variants: dict[str, str]) -> str:
    """`concept:round_detail` or `concept:round_detail[round_id=closed]`."""
    if not variants:
        return route.name
    return "%s[%s]" % (route.name, ",".join(f"{k}={v}" for k, v in sorted(variants.items())))


def fill_kwargs(route: Route, municipality, owner_municipality=None, cache=None, variants=None):
    """URL kwargs for `route`: the slug of `municipality`, objects created in `owner_municipality` (the
    default sample of each model, or the variant named in `variants` by kwarg)."""
    owner = owner_municipality or municipality
    cache = {} if cache is None else cache
    variants = variants or {}
    values = {"municipality_slug": municipality.slug}
    for kwarg in route.kwargs:
        if kwarg == "municipality_slug":
            continue
        if kwarg in URL_VALUES:
            values[kwarg] = URL_VALUES[kwarg]
            continue
        model = URL_OBJECTS.get(kwarg)
        if model is None:
            raise LookupError(
                f"URL {route.name}: kwarg '{kwarg}' is not registered; call "
                "scoping.register_url_object() or register_url_value() in the app's ready()"
            )
        variant = variants.get(kwarg, DEFAULT)
        key = (model, owner.pk, variant)
        if key not in cache:
            cache[key] = make_sample(model, owner, variant)
        values[kwarg] = cache[key].pk
    return values
