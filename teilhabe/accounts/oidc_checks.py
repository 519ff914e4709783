"""`teilhabe check --deploy` for the single sign-on settings (docs/single-sign-on.md, "Troubleshooting").

Only while single sign-on is on (OIDC_RP_CLIENT_ID set). Each broken setting is reported by name, so the
sign-on button never leads into a loop or a 500 that the IT department then has to debug."""

from urllib.parse import urlparse

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from teilhabe.accounts.oidc_accounts import parse_role_map
from teilhabe.accounts.oidc_config import (
    OVERRIDES,
    REQUIRED,
    SignOnError,
    discovery_document,
    redirect_uri,
    setting,
)

HINT = "See docs/single-sign-on.md."


@register(Tags.security, deploy=True)
def check_single_sign_on(app_configs=None, **kwargs):
    if not settings.OIDC_ENABLED:
        return []
    problems = []
    if not setting("OIDC_RP_CLIENT_SECRET", ""):
        problems.append(
            Error(
                "Single sign-on is on (OIDC_RP_CLIENT_ID) but OIDC_RP_CLIENT_SECRET is empty.",
                hint="Set OIDC_RP_CLIENT_SECRET or OIDC_RP_CLIENT_SECRET_FILE to the client's secret. "
                + HINT,
                id="teilhabe.sso.E001",
            )
        )
    endpoints = _endpoints(problems)
    problems += _check_https(endpoints)
    problems += _check_site_url()
    problems += _check_issuer(endpoints.get("issuer", ""))
    problems += _check_role_map()
    if setting("OIDC_VERIFY_SSL", True) is False:
        problems.append(
            Warning(
                "OIDC_VERIFY_SSL is off: the provider's TLS certificate is not checked.",
                hint="Set OIDC_CA_BUNDLE to the CA certificate of your administration instead. " + HINT,
                id="teilhabe.sso.W001",
            )
        )
    leeway = setting("OIDC_CLOCK_LEEWAY", 60)
    if not isinstance(leeway, int) or not 0 <= leeway <= 300:
        problems.append(
            Warning(
                f"OIDC_CLOCK_LEEWAY is {leeway!r}; expected 0 to 300 seconds.",
                hint="Keep the default of 60 and synchronise the clocks (NTP). " + HINT,
                id="teilhabe.sso.W002",
            )
        )
    return problems


def _endpoints(problems) -> dict:
    """The endpoints as Teilhabe will use them: discovered, then overridden; reports what is missing."""
    values = {}
    url = setting("OIDC_OP_DISCOVERY_URL", "")
    if url:
        try:
            document = discovery_document(url)
        except SignOnError as error:
            problems.append(
                Error(
                    f"The discovery document OIDC_OP_DISCOVERY_URL cannot be read: {error.cause}",
                    hint="Check the address (…/.well-known/openid-configuration), the proxy and the firewall "
                    "from this server, or give the endpoints by hand. " + HINT,
                    id="teilhabe.sso.E003",
                )
            )
            document = {}
        values = {name: str(document.get(name) or "") for name in OVERRIDES}
    for name, key in OVERRIDES.items():
        if setting(key, ""):
            values[name] = setting(key)
    missing = [OVERRIDES[name] for name in REQUIRED if not values.get(name)]
    if missing and not (url and any(p.id == "teilhabe.sso.E003" for p in problems)):
        problems.append(
            Error(
                "Single sign-on lacks " + ", ".join(missing) + ".",
                hint="Set OIDC_OP_DISCOVERY_URL to the provider's …/.well-known/openid-configuration, or each "
                "of these settings. " + HINT,
                id="teilhabe.sso.E002",
            )
        )
    return values


def _check_https(endpoints: dict) -> list:
    if setting("OIDC_ALLOW_HTTP", False):
        return []
    urls = {"OIDC_OP_DISCOVERY_URL": setting("OIDC_OP_DISCOVERY_URL", "")}
    urls.update({OVERRIDES[name]: value for name, value in endpoints.items() if name != "issuer"})
    plain = sorted(key for key, value in urls.items() if value and urlparse(value).scheme != "https")
    if not plain:
        return []
    return [
        Error(
            "Single sign-on endpoints without HTTPS: " + ", ".join(plain) + ".",
            hint="Use the provider's https:// addresses; OIDC_ALLOW_HTTP=True only for a test provider. "
            + HINT,
            id="teilhabe.sso.E004",
        )
    ]


def _check_site_url() -> list:
    site = urlparse(settings.SITE_URL)
    problems = []
    if site.scheme != "https" and not setting("OIDC_ALLOW_HTTP", False):
        problems.append(
            Error(
                f"SITE_URL is {settings.SITE_URL!r}: the redirect URI {redirect_uri()} would not be HTTPS.",
                hint="Set SITE_URL to the address people use, e.g. https://teilhabe.musterstadt.de; the redirect "
                "URI is built from it (not from the Host header behind a proxy). " + HINT,
                id="teilhabe.sso.E005",
            )
        )
    hosts = settings.ALLOWED_HOSTS
    if (
        site.hostname
        and "*" not in hosts
        and not any(
            site.hostname == host or (host.startswith(".") and site.hostname.endswith(host)) for host in hosts
        )
    ):
        problems.append(
            Error(
                f"SITE_URL's host {site.hostname!r} is not in ALLOWED_HOSTS: the provider would send people to "
                "a Teilhabe that refuses them.",
                hint="Set SITE_URL to the public address of this installation. " + HINT,
                id="teilhabe.sso.E005",
            )
        )
    return problems


def _check_issuer(issuer: str) -> list:
    if "{tenantid}" in issuer or any(f"/{name}/" in issuer + "/" for name in ("common", "organizations")):
        return [
            Error(
                f"The issuer {issuer!r} is Microsoft Entra ID's multi-tenant endpoint: tokens of any tenant "
                "would have to be accepted.",
                hint="Register a single-tenant app and use the tenant-specific discovery URL "
                "https://login.microsoftonline.com/<tenant id>/v2.0/.well-known/openid-configuration. "
                + HINT,
                id="teilhabe.sso.E006",
            )
        ]
    problems = []
    if (
        "login.microsoftonline.com" in issuer
        and not setting("OIDC_REQUIRE_VERIFIED_EMAIL", True)
        and (setting("OIDC_EMAIL_CLAIM", "email") or "email") == "email"
    ):
        problems.append(
            Warning(
                "Entra ID's email claim is not verified, and OIDC_REQUIRE_VERIFIED_EMAIL is off.",
                hint="Use OIDC_EMAIL_CLAIM=upn (a verified domain of the tenant) or "
                "OIDC_EMAIL_VERIFIED_CLAIM=xms_edov with OIDC_REQUIRE_VERIFIED_EMAIL=True. " + HINT,
                id="teilhabe.sso.W003",
            )
        )
    return problems


def _check_role_map() -> list:
    raw = setting("OIDC_ROLE_MAP", "")
    claim = setting("OIDC_ROLES_CLAIM", "")
    if not raw and not claim:
        return []
    if claim and not raw:
        return [
            Error(
                f"OIDC_ROLES_CLAIM is {claim!r} but OIDC_ROLE_MAP is empty.",
                hint='Map claim values per municipality: {"musterstadt": {"office": ["teilhabe-amt"]}}. '
                + HINT,
                id="teilhabe.sso.E007",
            )
        ]
    try:
        parse_role_map(raw)
    except ValueError as error:
        return [Error(f"OIDC_ROLE_MAP: {error}.", hint=HINT, id="teilhabe.sso.E007")]
    if not claim:
        return [
            Warning(
                "OIDC_ROLE_MAP is set but OIDC_ROLES_CLAIM is empty: role mapping is off.",
                hint="Set OIDC_ROLES_CLAIM to the claim that holds the groups or roles, e.g. groups. " + HINT,
                id="teilhabe.sso.W004",
            )
        ]
    return []
