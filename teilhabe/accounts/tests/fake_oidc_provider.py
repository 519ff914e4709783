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
from jwt.algorithms import RSAAlgorithm


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeProvider:
    def __init__(self, client_id="teilhabe", client_secret="geheimnis"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = new_key()
        self.signing_key = self.key  # a test may swap in a foreign key to forge tokens
        self.codes = {}
        self.access_tokens = {}
        self.token_requests = []
        self.audience = client_id
        self.userinfo_only_sub = False  # like ADFS: userinfo names the subject only
        self.userinfo_sub = None  # set to answer userinfo with another subject than the ID token
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
                    return self._json(200, {"keys": [provider.public_jwk()]})
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

    def settings(self):
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.url + "/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": self.url + "/token",
            "OIDC_OP_USER_ENDPOINT": self.url + "/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": self.url + "/jwks",
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile",
            "OIDC_USE_PKCE": True,
            "OIDC_REQUIRE_VERIFIED_EMAIL": True,
            "OIDC_TIMEOUT": 5,
            "OIDC_PROVIDER_NAME": "Keycloak Musterstadt",
        }

    def public_jwk(self):
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {**jwk, "kid": "test-key", "alg": "RS256", "use": "sig"}

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
        now = int(time.time())
        claims = {"sub": "user-1", **grant["claims"]}
        id_claims = {
            "iss": self.url,
            "aud": self.audience,
            "iat": now,
            "exp": now + 300,
            "nonce": query["nonce"],
            **claims,
        }
        pem = self.signing_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        id_token = jwt.encode(id_claims, pem, algorithm="RS256", headers={"kid": "test-key"})
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
