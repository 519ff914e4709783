"""A tiny OpenID Connect provider on 127.0.0.1 for the single sign-on tests: authorization code flow with
PKCE, an RS256-signed ID token, userinfo and JWKS, over real HTTP (the code under test uses `requests`)."""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.messages import get_messages
from django.core.cache import cache
from jwt.algorithms import RSAAlgorithm


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeProvider:
    def __init__(self, client_id="teilhabe", client_secret="geheimnis"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = new_key()
        self.key_id = "test-key"
        self.signing_key = self.key  # a test may swap in a foreign key to forge tokens
        self.codes = {}
        self.access_tokens = {}
        self.token_requests = []
        self.audience = client_id
        self.userinfo_only_sub = False  # like ADFS: userinfo names the subject only
        self.userinfo_sub = None  # set to answer userinfo with another subject than the ID token
        self.clock_offset = 0  # seconds the provider's clock is ahead (negative: behind)
        self.token_lifetime = 300
        self.issuer_claim = None  # set to sign tokens in another issuer's name
        self.jwks_status = 200  # e.g. 503: the key endpoint is down
        self.end_session = False  # announce an end_session_endpoint in the discovery document
        self.discovery_requests = 0
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status, data):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                path = urlparse(self.path).path
                if path == "/jwks":
                    if provider.jwks_status != 200:
                        return self._json(provider.jwks_status, {"error": "unavailable"})
                    return self._json(200, {"keys": [provider.public_jwk()]})
                if path == "/.well-known/openid-configuration":
                    provider.discovery_requests += 1
                    return self._json(200, provider.discovery())
                if path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    claims = provider.access_tokens.get(token)
                    if not claims:
                        return self._json(401, {"error": "invalid_token"})
                    if provider.userinfo_only_sub:
                        claims = {"sub": claims["sub"]}
                    if provider.userinfo_sub:
                        claims = {**claims, "sub": provider.userinfo_sub}
                    return self._json(200, claims)
                return self._json(404, {})

            def do_POST(self):
                if urlparse(self.path).path != "/token":
                    return self._json(404, {})
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                provider.token_requests.append(form)
                status, data = provider.exchange(form)
                return self._json(status, data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def discovery(self):
        extra = {"end_session_endpoint": self.url + "/logout"} if self.end_session else {}
        return {
            **extra,
            "issuer": self.url,
            "authorization_endpoint": self.url + "/authorize",
            "token_endpoint": self.url + "/token",
            "userinfo_endpoint": self.url + "/userinfo",
            "jwks_uri": self.url + "/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def discovery_settings(self):
        """Only the discovery URL: endpoints, issuer and keys come from the provider."""
        values = self.settings()
        for name in ("ISSUER", "AUTHORIZATION_ENDPOINT", "TOKEN_ENDPOINT", "USER_ENDPOINT", "JWKS_ENDPOINT"):
            values["OIDC_OP_" + name] = ""
        values["OIDC_OP_DISCOVERY_URL"] = self.url + "/.well-known/openid-configuration"
        return values

    def settings(self):
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_DISCOVERY_URL": "",
            "OIDC_OP_ISSUER": self.url,
            "OIDC_OP_LOGOUT_ENDPOINT": "",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.url + "/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": self.url + "/token",
            "OIDC_OP_USER_ENDPOINT": self.url + "/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": self.url + "/jwks",
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile",
            "OIDC_USE_PKCE": True,
            "OIDC_REQUIRE_VERIFIED_EMAIL": True,
            "OIDC_EMAIL_CLAIM": "email",
            "OIDC_EMAIL_VERIFIED_CLAIM": "email_verified",
            "OIDC_TIMEOUT": 5,
            "OIDC_PROVIDER_NAME": "Keycloak Musterstadt",
            "OIDC_CLOCK_LEEWAY": 60,
            "OIDC_ALLOW_SUPERUSERS": False,
            "OIDC_ROLES_CLAIM": "",
            "OIDC_ROLE_MAP": "",
            "SITE_URL": "https://teilhabe.musterstadt.de",
        }

    def public_jwk(self):
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {**jwk, "kid": self.key_id, "alg": "RS256", "use": "sig"}

    def authorize(self, authorize_url, claims):
        """What the provider does when the person signs in there: check the request, remember it, and
        return the query of the redirect back to Teilhabe (code and state)."""
        parsed = urlparse(authorize_url)
        assert f"{parsed.scheme}://{parsed.netloc}{parsed.path}" == self.url + "/authorize"
        query = {k: v[0] for k, v in parse_qs(parsed.query).items()}
        assert query["response_type"] == "code"
        assert query["client_id"] == self.client_id
        assert "openid" in query["scope"].split()
        assert query["state"] and query["nonce"]
        assert query["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"query": query, "claims": claims}
        return {"code": code, "state": query["state"]}

    def exchange(self, form):
        if (form.get("client_id"), form.get("client_secret")) != (self.client_id, self.client_secret):
            return 401, {"error": "invalid_client"}
        grant = self.codes.pop(form.get("code"), None)  # a code works once
        if form.get("grant_type") != "authorization_code" or grant is None:
            return 400, {"error": "invalid_grant"}
        query = grant["query"]
        if form.get("redirect_uri") != query["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if challenge != query["code_challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time()) + self.clock_offset
        claims = {"sub": "user-1", **grant["claims"]}
        id_claims = {
            "iss": self.issuer_claim or self.url,
            "aud": self.audience,
            "iat": now,
            "exp": now + self.token_lifetime,
            "nonce": query["nonce"],
            **claims,
        }
        pem = self.signing_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        id_token = jwt.encode(id_claims, pem, algorithm="RS256", headers={"kid": self.key_id})
        access_token = secrets.token_urlsafe(16)
        self.access_tokens[access_token] = claims
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }

    @staticmethod
    def callback_query(params):
        return urlencode(params)


BACKEND = "teilhabe.accounts.oidc.InvitedUserOIDCBackend"


def switch_on(settings, values: dict) -> None:
    """Single sign-on on for one test, with settings alone (the URLs always exist)."""
    for name, value in values.items():
        setattr(settings, name, value)
    if BACKEND not in settings.AUTHENTICATION_BACKENDS:
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    cache.clear()  # discovery documents and keys of earlier tests


def claims_for(email, **extra):
    return {"sub": "kc-" + email, "email": email, "email_verified": True, **extra}


def sign_in(client, provider, claims, next_url=None):
    """The whole round trip: Teilhabe -> provider -> Teilhabe's callback. Returns the callback response."""
    start = client.get("/konto/sso/anmelden/", {"next": next_url} if next_url else {})
    assert start.status_code == 302
    params = provider.authorize(start["Location"], claims)
    return client.get("/konto/sso/callback/", params)


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]
