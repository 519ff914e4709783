"""Single sign-on with OpenID Connect (a municipality's Keycloak, Entra ID, ADFS ...), see
docs/single-sign-on.md.

The authorization code flow with state, nonce and PKCE. The provider's answer is checked in full (token
response, ID token: oidc_tokens.py) and then leads to an account (oidc_accounts.py): the provider only proves
who someone is, it never creates an account.

Failures come in two kinds: `SignOnError` (provider, network, token: a German error page with a reference,
the cause in the log) and `Refused` (the person has no way in: back to the login page with the reason).
"""

import logging

import requests
from django.contrib.auth.backends import ModelBackend

from teilhabe.accounts import oidc_accounts
from teilhabe.accounts.oidc_config import (
    ProviderConfig,
    SignOnError,
    http_options,
    provider_config,
    redirect_uri,
    setting,
)
from teilhabe.accounts.oidc_tokens import verify_id_token

logger = logging.getLogger(__name__)

# Claims about the token itself, not about the person.
PROTOCOL_CLAIMS = {"iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "azp", "auth_time", "sid"}
BACKEND = "teilhabe.accounts.oidc.InvitedUserOIDCBackend"


class InvitedUserOIDCBackend(ModelBackend):
    """Django authentication backend for the callback; password logins pass it by (no code, no nonce)."""

    def authenticate(self, request, code=None, nonce=None, code_verifier=None, **kwargs):
        if request is None or code is None:
            return None
        result = sign_on(code=code, nonce=nonce, code_verifier=code_verifier)
        request.oidc_id_token = result.id_token
        return result.user


class SignOnResult:
    def __init__(self, user, id_token: str, config: ProviderConfig):
        self.user = user
        self.id_token = id_token
        self.config = config


def sign_on(code: str, nonce: str | None, code_verifier: str | None) -> SignOnResult:
    config = provider_config()
    client_id = setting("OIDC_RP_CLIENT_ID", "")
    tokens = exchange_code(config, client_id, code, code_verifier)
    id_token = tokens.get("id_token") or ""
    payload = verify_id_token(id_token, config, client_id, nonce)
    claims = {key: value for key, value in payload.items() if key not in PROTOCOL_CLAIMS}
    if config.userinfo_endpoint and tokens.get("access_token"):
        userinfo = fetch_userinfo(config, tokens["access_token"])
        if userinfo.get("sub") != payload["sub"]:
            raise SignOnError(
                "invalid_token", "the userinfo answer is about another subject than the ID token"
            )
        claims.update(userinfo)
    user = oidc_accounts.account_for(payload["iss"], str(payload["sub"]), claims)
    return SignOnResult(user, id_token, config)


def exchange_code(config: ProviderConfig, client_id: str, code: str, code_verifier: str | None) -> dict:
    """The token request (client secret in the form; or HTTP Basic with OIDC_TOKEN_USE_BASIC_AUTH)."""
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri()}
    secret = setting("OIDC_RP_CLIENT_SECRET", "")
    auth = None
    if setting("OIDC_TOKEN_USE_BASIC_AUTH", False):
        auth = (client_id, secret)
    else:
        form.update(client_id=client_id, client_secret=secret)
    if code_verifier:
        form["code_verifier"] = code_verifier
    try:
        response = requests.post(config.token_endpoint, data=form, auth=auth, **http_options())
    except requests.RequestException as error:
        raise SignOnError(
            "unreachable", f"token endpoint {config.token_endpoint}: {type(error).__name__}: {error}"
        ) from error
    answer = _json_or_empty(response)
    if response.status_code != 200:
        error = answer.get("error", "")
        detail = (
            f"token endpoint {config.token_endpoint} answered HTTP {response.status_code} "
            f"{error!r} {answer.get('error_description', '')!r}"
        )
        if error in ("invalid_client", "unauthorized_client") or response.status_code == 401:
            raise SignOnError("client_rejected", detail)
        if response.status_code >= 500 or not error:
            raise SignOnError("unreachable", detail)
        raise SignOnError("provider_error", detail)
    return answer


def fetch_userinfo(config: ProviderConfig, access_token: str) -> dict:
    try:
        response = requests.get(
            config.userinfo_endpoint, headers={"Authorization": f"Bearer {access_token}"}, **http_options()
        )
    except requests.RequestException as error:
        raise SignOnError(
            "unreachable", f"userinfo {config.userinfo_endpoint}: {type(error).__name__}: {error}"
        ) from error
    if response.status_code != 200:
        raise SignOnError(
            "provider_error", f"userinfo {config.userinfo_endpoint} answered HTTP {response.status_code}"
        )
    answer = _json_or_empty(response)
    if not answer:
        # A userinfo answer as a signed JWT (application/jwt) is not supported: the ID token suffices.
        raise SignOnError("provider_error", "userinfo answered no JSON object")
    return answer


def _json_or_empty(response) -> dict:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
