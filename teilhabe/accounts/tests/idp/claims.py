"""Claims of the test identity provider, and its quirks (a skewed clock, tokens in another's name).

The quirks are read from quirks.json in the data directory, written by a test, so one running provider can
behave like a provider whose clock is ahead or whose token names another audience or issuer."""

import json

from django.conf import settings
from oidc_provider.lib.claims import ScopeClaims


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = not user.last_name.endswith("(unbestätigt)")
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name.removesuffix(" (unbestätigt)")
    return claims


class GroupClaims(ScopeClaims):
    info_groups = ("Gruppen", "Die Gruppen Ihres Kontos.")

    def scope_groups(self):
        return {"groups": sorted(self.user.groups.values_list("name", flat=True))}


def quirks() -> dict:
    path = settings.DATA_DIR / "quirks.json"
    return json.loads(path.read_text()) if path.exists() else {}


def id_token_hook(id_token, user=None, token=None, request=None, **kwargs):
    found = quirks()
    offset = found.get("clock_offset", 0)
    id_token["iat"] += offset
    id_token["exp"] += offset
    for claim in ("aud", "iss"):
        if claim in found:
            id_token[claim] = found[claim]
    return id_token
