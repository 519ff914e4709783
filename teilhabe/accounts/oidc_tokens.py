"""Checking the provider's ID token: signature (JWKS), issuer, audience, nonce and the time claims with a
clock leeway (`OIDC_CLOCK_LEEWAY`, default 60 s: provider and Teilhabe clocks are never exactly equal).

Each failure raises `SignOnError` with its own code, so the person and the log learn which check failed."""

import time

import jwt

from teilhabe.accounts.oidc_config import ProviderConfig, SignOnError, setting, signing_keys


def now() -> float:
    """Teilhabe's clock (a function of its own so tests can set Teilhabe's clock apart from the provider's)."""
    return time.time()


def _matching_key(token: str, config: ProviderConfig, algorithm: str) -> jwt.PyJWK:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise SignOnError("invalid_token", f"ID token header unreadable: {error}") from error
    if header.get("alg") != algorithm:
        raise SignOnError(
            "invalid_token", f"ID token signed with {header.get('alg')!r}, OIDC_RP_SIGN_ALGO is {algorithm!r}"
        )
    kid = header.get("kid")
    for refresh in (False, True):  # an unknown kid: the provider may have rotated its keys
        candidates = [
            jwk
            for jwk in signing_keys(config, refresh=refresh)
            if isinstance(jwk, dict)
            and (kid is None or jwk.get("kid") == kid)
            and jwk.get("alg", algorithm) == algorithm
            and jwk.get("use", "sig") == "sig"
        ]
        if candidates:
            try:
                return jwt.PyJWK(candidates[0], algorithm=algorithm)
            except jwt.PyJWTError as error:
                raise SignOnError("provider_error", f"unusable key {kid!r} in JWKS: {error}") from error
    raise SignOnError("bad_signature", f"no key {kid!r} for {algorithm} in the provider's JWKS")


def verify_id_token(token: str, config: ProviderConfig, client_id: str, nonce: str | None) -> dict:
    if not token:
        raise SignOnError("provider_error", "the token response holds no id_token")
    algorithm = setting("OIDC_RP_SIGN_ALGO", "RS256") or "RS256"
    if algorithm.startswith("HS"):
        key = setting("OIDC_RP_CLIENT_SECRET", "")
    else:
        key = _matching_key(token, config, algorithm)
    leeway = setting("OIDC_CLOCK_LEEWAY", 60)
    try:
        payload = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=client_id,
            issuer=config.issuer,
            # The time claims are checked below against Teilhabe's clock (now()), with the leeway.
            options={
                "require": ["iss", "sub", "aud", "exp", "iat"],
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
            },
        )
    except jwt.InvalidSignatureError as error:
        raise SignOnError("bad_signature", f"ID token signature does not verify: {error}") from error
    except jwt.InvalidIssuerError as error:
        issuer = _unverified(token).get("iss")
        raise SignOnError(
            "wrong_issuer", f"ID token issuer {issuer!r}, expected {config.issuer!r}"
        ) from error
    except jwt.InvalidAudienceError as error:
        audience = _unverified(token).get("aud")
        raise SignOnError(
            "wrong_audience", f"ID token audience {audience!r}, expected {client_id!r}"
        ) from error
    except jwt.PyJWTError as error:
        raise SignOnError("invalid_token", f"ID token refused: {type(error).__name__}: {error}") from error
    _check_times(payload, leeway)
    # Several audiences: the authorized party must be us (OpenID Connect Core 3.1.3.7).
    if isinstance(payload.get("aud"), list) and len(payload["aud"]) > 1 and payload.get("azp") != client_id:
        raise SignOnError("wrong_audience", f"ID token azp {payload.get('azp')!r}, expected {client_id!r}")
    if setting("OIDC_USE_NONCE", True) and payload.get("nonce") != nonce:
        raise SignOnError("invalid_token", "ID token nonce does not match the one sent (replay?)")
    return payload


def _check_times(payload: dict, leeway) -> None:
    stamps = {name: payload.get(name) for name in ("iat", "nbf", "exp") if name in payload}
    if not all(isinstance(value, int | float) and not isinstance(value, bool) for value in stamps.values()):
        raise SignOnError("invalid_token", f"ID token time claims are not numbers: {stamps}")
    current = now()
    detail = f"{stamps}, Teilhabe's clock {int(current)}, leeway {leeway} s"
    if stamps["exp"] <= current - leeway:
        raise SignOnError("expired", "ID token expired: " + detail)
    if stamps["iat"] > current + leeway or stamps.get("nbf", 0) > current + leeway:
        raise SignOnError("not_yet_valid", "ID token not yet valid (provider clock ahead?): " + detail)


def _unverified(token: str) -> dict:
    try:
        return jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return {}
