"""Sample objects per model, registered by each app, for site-wide tests (tenant isolation, role walk).

A model may register named variants besides its default sample (e.g. a *closed* reporting round): the walks
fill a URL once per variant, so views that answer differently for them (exports of closed rounds only) are
read and checked too.
"""

from collections.abc import Callable

from django.db.models import Model

SAMPLES: dict[type[Model], Callable] = {}
VARIANTS: dict[type[Model], dict[str, Callable]] = {}
DEFAULT = ""


def register_sample(model: type[Model], factory: Callable, **variants: Callable) -> None:
    """factory(municipality) -> a saved instance of `model` belonging to `municipality`; each keyword names
    another factory for a variant of the object (`closed=closed_round`)."""
    SAMPLES[model] = factory
    VARIANTS[model] = variants


def variants_of(model: type[Model]) -> list[str]:
    return [DEFAULT, *VARIANTS.get(model, {})]


def make_sample(model: type[Model], municipality, variant: str = DEFAULT):
    if model not in SAMPLES:
        raise LookupError(
            f"No sample factory registered for {model.__name__}; see teilhabe/testing/samples.py"
        )
    if variant:
        return VARIANTS[model][variant](municipality)
    return SAMPLES[model](municipality)


_counter = iter(range(1, 10**9))


def serial() -> int:
    """A running number, for sample numbers that must be unique within a test. It wraps below 30,000: the
    suite makes more samples than that in one process, and some numbers are small integers (a field of
    action's number), which PostgreSQL holds to their range (SQLite never checks)."""
    return (next(_counter) - 1) % 30_000 + 1


def unique(text: str) -> str:
    """`text` with a running number, so several samples of one kind never collide on unique names."""
    return f"{text} {serial()}"
