"""The Content-Security-Policy of every page (django-csp): nothing inline, nothing from elsewhere.

The policy is `CONTENT_SECURITY_POLICY` in settings.py.

Scripts and styles come only from the site's own static files: no inline `<script>`, no `style="…"`, no
`<style>` element, no `eval` (htmx is configured for this in `base.html`: `allowEval`, `allowScriptTags` and
`includeIndicatorStyles` off). Colours from data are SVG presentation attributes (`teilhabe/colours.py`),
matplotlib's charts are converted to them (`teilhabe/inline_svg.py`). The site-wide walks fail on any page
that breaks this (`teilhabe/testing/csp.py`), and a browser test listens for violations.

Forms post only to the site itself, with one exception: the logout of a single sign-on session answers with a
redirect to the provider's end_session_endpoint, and browsers check `form-action` on a form's redirects too, so
for such a session that one origin is added.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings


def sso_logout_origin(request) -> str | None:
    """The provider's origin a logout form of this session is redirected to, if any."""
    if not getattr(settings, "OIDC_ENABLED", False):
        return None
    session = getattr(request, "session", None)
    if session is None or not session.get("oidc_id_token"):
        return None
    from teilhabe.accounts.oidc_config import cached_provider_config

    config = cached_provider_config()
    if config is None or not config.end_session_endpoint:
        return None
    parts = urlsplit(config.end_session_endpoint)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        origin = None if report_only else sso_logout_origin(request)
        if origin:
            parts.update = {**(parts.update or {}), "form-action": [origin]}
        return parts
