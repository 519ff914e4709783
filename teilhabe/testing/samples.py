"""Sample objects per model, registered by each app, for site-wide tests (tenant isolation, role walk)."""

from collections.abc import Callable

from django.db.models import Model

SAMPLES: dict[type[Model], Callable] = {}


def register_sample(model: type[Model], factory: Callable) -> None:
    """factory(municipality) -> a saved instance of `model` belonging to `municipality`."""
    SAMPLES[model] = factory


def make_sample(model: type[Model], municipality):
    if model not in SAMPLES:
        raise LookupError(
            f"No sample factory registered for {model.__name__}; see teilhabe/testing/samples.py"
        )
    return SAMPLES[model](municipality)


_counter = iter(range(1, 10**9))


def unique(text: str) -> str:
    """`text` with a running number, so several samples of one kind never collide on unique names."""
    return f"{text} {next(_counter)}"
