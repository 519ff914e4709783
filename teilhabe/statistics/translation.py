"""gettext for the engine's messages, usable without Django settings (the benchmark, plain scripts)."""

from __future__ import annotations


def gettext(text: str) -> str:
    from django.conf import settings

    if not settings.configured:
        return text
    from django.utils.translation import gettext as django_gettext

    return django_gettext(text)
