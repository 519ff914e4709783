"""Response headers for every page: no browser features the site does not use, and nothing internal in caches.

Internal pages and exports carry personal data and unpublished figures: a shared computer's browser cache or a
proxy must not keep them (`Cache-Control: no-store`). Public pages seen by anonymous visitors may be cached.
"""

import hashlib
import re

from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control

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
    """Public pages (views marked public_view) seen without login get an ETag over their content and answer a
    matching If-None-Match with 304, so a browser or proxy revalidates instead of loading the page again. Pages
    for logged-in users are never stored (SecurityHeadersMiddleware) and get no ETag."""

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
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._public_view = getattr(view_func, "public_view", False)
