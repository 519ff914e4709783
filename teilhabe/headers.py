"""Response headers for every page: no browser features the site does not use, and nothing internal in caches.

Internal pages and exports carry personal data and unpublished figures: a shared computer's browser cache or a
proxy must not keep them (`Cache-Control: no-store`). Public pages seen by anonymous visitors may be cached.
"""

import hashlib
import re
import time

from django.core.cache import cache
from django.db.models import Q
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.http import http_date

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()"
)
PRIVATE_PREFIXES = ("/konto/", "/system/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path_info.startswith(PRIVATE_PREFIXES):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, " + response["Cache-Control"]
        return response


# The per-request CSRF token (masked anew on every render) is the one part of a public page that changes on
# every answer; the ETag is taken over the page without it.
CSRF_TOKEN = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]{64}')


class PublicConditionalGetMiddleware:
    """Public pages (views marked public_view) seen without login get an ETag over their content and a
    Last-Modified (`conditional_response`), and answer a matching If-None-Match or If-Modified-Since with 304,
    so a browser or proxy revalidates instead of loading the page again. Pages for logged-in users are never
    stored (SecurityHeadersMiddleware) and get neither."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "_public_view", False) or request.method not in ("GET", "HEAD"):
            return response
        user = getattr(request, "user", None)
        if user is None or user.is_authenticated or response.status_code != 200 or response.streaming:
            return response
        if not response.has_header("ETag"):
            digest = hashlib.sha256(CSRF_TOKEN.sub(rb"\1", response.content)).hexdigest()[:32]
            response["ETag"] = f'"{digest}"'
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, max_age=0, must_revalidate=True)
        municipality = getattr(request, "municipality", None)
        return conditional_response(request, response, municipality.pk if municipality else None)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._public_view = getattr(view_func, "public_view", False)


# How long the time a page's content was first served is remembered (a forgotten one counts as now: safe).
SEEN_SECONDS = 60 * 60 * 24 * 7


def latest_change(municipality_id=None):
    """When the data last changed, as a Unix timestamp (None without any): the newest audit entry of the
    municipality's data or of the municipality itself (every change a user makes writes one, see
    "Named actions"); without a municipality, the newest of all."""
    from auditlog.models import LogEntry

    entries = LogEntry.objects.all()
    if municipality_id is not None:
        entries = entries.filter(
            Q(additional_data__municipality_id=municipality_id)
            | Q(
                content_type__app_label="municipalities",
                content_type__model="municipality",
                object_pk=str(municipality_id),
            )
        )
    # newest first along the timestamp index: the walk stops at the first entry that matches
    newest = entries.order_by("-timestamp").values_list("timestamp", flat=True).first()
    return int(newest.timestamp()) if newest else None


def first_served(request, etag):
    """When this content (its ETag) was first served at this address (a Unix timestamp). Pages change without
    an audited change too (an upcoming date that has passed, the numbers of a bulk update): the Last-Modified
    is never older than the content it describes."""
    key = "served:" + hashlib.sha256(f"{request.get_full_path()}|{etag}".encode()).hexdigest()
    now = int(time.time())
    return cache.get_or_set(key, now, SEEN_SECONDS) or now


def conditional_response(request, response, municipality_id=None):
    """Last-Modified beside the ETag: the data's latest change, never older than the content's first serving;
    a matching If-None-Match, or (without one) an If-Modified-Since not older than that, answers 304."""
    etag = response["ETag"]
    changed = latest_change(municipality_id) or 0
    modified = max(changed, first_served(request, etag))
    response["Last-Modified"] = http_date(modified)
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)
