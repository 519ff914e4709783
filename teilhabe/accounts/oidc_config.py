"""Where the identity provider is: its endpoints, issuer and signing keys (docs/single-sign-on.md).

Read from the discovery document (`OIDC_OP_DISCOVERY_URL`, …/.well-known/openid-configuration) and cached;
each manual setting (`OIDC_OP_ISSUER`, `OIDC_OP_AUTHORIZATION_ENDPOINT`, …) overrides the discovered value.
Everything that can go wrong on the way raises `SignOnError`, which the views turn into a German page.
"""

import logging
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

logger = logging.getLogger(__name__)

# Discovery field → setting that overrides it.
OVERRIDES = {
    "issuer": "OIDC_OP_ISSUER",
    "authorization_endpoint": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "token_endpoint": "OIDC_OP_TOKEN_ENDPOINT",
    "userinfo_endpoint": "OIDC_OP_USER_ENDPOINT",
    "jwks_uri": "OIDC_OP_JWKS_ENDPOINT",
    "end_session_endpoint": "OIDC_OP_LOGOUT_ENDPOINT",
}
REQUIRED = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
FAILURE_MEMORY = 30  # seconds: an unreachable discovery URL is not asked again on every page view


class SignOnError(Exception):
    """Single sign-on failed for a reason outside the person's account (provider, network, token).

    `code` selects the German explanation (views/oidc.py ERROR_TEXTS); `cause` is the technical detail for
    the log only, never shown."""

    def __init__(self, code: str, cause: str):
        super().__init__(f"{code}: {cause}")
        self.code = code
        self.cause = cause


@dataclass(frozen=True)
class ProviderConfig:
    issuer: str = ""
    authorization_endpoint: str = ""
    token_endpoint: str = ""
    userinfo_endpoint: str = ""
    jwks_uri: str = ""
    end_session_endpoint: str = ""

    def missing(self) -> list[str]:
        return [name for name in REQUIRED if not getattr(self, name)]


def setting(name: str, default=None):
    return getattr(settings, name, default)


def http_options() -> dict:
    """Timeout and TLS verification (True, False or the path of a CA bundle) for every provider call."""
    return {"timeout": setting("OIDC_TIMEOUT", 10) or 10, "verify": setting("OIDC_VERIFY_SSL", True)}


def fetch_json(url: str, what: str) -> dict:
    import requests  # here, not at import: the deploy checks load this module at every process start

    try:
        response = requests.get(url, headers={"Accept": "application/json"}, **http_options())
    except requests.RequestException as error:
        raise SignOnError("unreachable", f"{what} {url}: {type(error).__name__}: {error}") from error
    if response.status_code != 200:
        raise SignOnError("unreachable", f"{what} {url} answered HTTP {response.status_code}")
    try:
        data = response.json()
    except ValueError as error:
        raise SignOnError("provider_error", f"{what} {url} did not answer JSON") from error
    if not isinstance(data, dict):
        raise SignOnError("provider_error", f"{what} {url} did not answer a JSON object")
    return data


def _cache_key(kind: str, url: str) -> str:
    return f"teilhabe:oidc:{kind}:{url}"


def discovery_document(url: str) -> dict:
    key = _cache_key("discovery", url)
    cached = cache.get(key)
    if isinstance(cached, dict):
        return cached
    if cached == "failed":
        raise SignOnError("unreachable", f"discovery {url} failed less than {FAILURE_MEMORY} s ago")
    try:
        document = fetch_json(url, "discovery document")
    except SignOnError:
        cache.set(key, "failed", FAILURE_MEMORY)
        raise
    cache.set(key, document, setting("OIDC_CACHE_SECONDS", 3600))
    return document


def provider_config() -> ProviderConfig:
    """The provider's endpoints and issuer: discovered (cached), then the manual settings on top."""
    values = {}
    url = setting("OIDC_OP_DISCOVERY_URL", "")
    if url:
        document = discovery_document(url)
        values = {name: str(document.get(name) or "") for name in OVERRIDES}
    config = ProviderConfig(**values)
    overrides = {name: setting(key) for name, key in OVERRIDES.items() if setting(key)}
    config = replace(config, **overrides)
    if not setting("OIDC_USE_USERINFO", True):
        config = replace(config, userinfo_endpoint="")
    missing = config.missing()
    if missing:
        raise SignOnError("configuration", "missing " + ", ".join(missing))
    return config


def cached_provider_config() -> ProviderConfig | None:
    """For pages that only mention the provider (the login page's logout note): never raises."""
    try:
        return provider_config()
    except SignOnError:
        return None


def signing_keys(config: ProviderConfig, refresh: bool = False) -> list[dict]:
    """The provider's public keys (JWKS), cached; `refresh` after a key rotation (unknown `kid`)."""
    key = _cache_key("jwks", config.jwks_uri)
    keys = None if refresh else cache.get(key)
    if keys is None:
        keys = fetch_json(config.jwks_uri, "JWKS").get("keys")
        if not isinstance(keys, list):
            raise SignOnError("provider_error", f"JWKS {config.jwks_uri} holds no key list")
        cache.set(key, keys, setting("OIDC_CACHE_SECONDS", 3600))
    return keys


def redirect_uri() -> str:
    """The callback address registered at the provider: from SITE_URL, never from the request's Host
    header (behind a reverse proxy that would be the internal name)."""
    return settings.SITE_URL.rstrip("/") + reverse("accounts:oidc_callback")


def post_logout_redirect_uri() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("accounts:login")
