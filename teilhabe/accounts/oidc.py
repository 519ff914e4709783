"""Single sign-on with OpenID Connect (a municipality's Keycloak, ADFS ...), see docs/single-sign-on.md.

Least privilege: the provider only proves who someone is. It never creates an account: the person must have
been invited by an integration office (an active user with an active membership, or a superuser) under the
same e-mail address the provider reports as verified.
"""

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import Q
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

logger = logging.getLogger(__name__)


# Claims about the token itself, not about the person.
PROTOCOL_CLAIMS = {"iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "azp", "auth_time", "sid"}


def _is_true(value) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


class InvitedUserOIDCBackend(OIDCAuthenticationBackend):
    def _fail(self, reason: str) -> None:
        # Read by the callback view to tell the person why (accounts.views.OIDCCallbackView).
        if getattr(self, "request", None) is not None:
            self.request.oidc_failure = reason

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        # mozilla-django-oidc skips the audience check; a token issued to another client is not for us.
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if audience is not None and self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token audience does not match OIDC_RP_CLIENT_ID")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The claims of the verified ID token, completed by the userinfo endpoint when one is configured.
        ADFS answers userinfo with the subject only and puts e-mail and name into the ID token."""
        claims = {key: value for key, value in payload.items() if key not in PROTOCOL_CLAIMS}
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("userinfo subject does not match the ID token")
            claims.update(userinfo)
        email_claim = getattr(settings, "OIDC_EMAIL_CLAIM", "email") or "email"
        if email_claim != "email":
            claims["email"] = claims.get(email_claim)
        return claims

    def verify_claims(self, claims):
        if not claims.get("email"):
            self._fail("unverified_email")
            return False
        if getattr(settings, "OIDC_REQUIRE_VERIFIED_EMAIL", True) and not _is_true(
            claims.get("email_verified")
        ):
            self._fail("unverified_email")
            return False
        return True

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        users = (
            self.UserModel.objects.filter(email__iexact=email, is_active=True)
            .filter(Q(is_superuser=True) | Q(memberships__is_active=True))
            .distinct()
        )
        if not users:
            logger.info("Single sign-on refused: no invited account for the provider's e-mail claim")
            self._fail("no_account")
        return users

    def create_user(self, claims):
        # Never reached while OIDC_CREATE_USER is False; refuse even if someone switches it on.
        self._fail("no_account")
        raise SuspiciousOperation("Teilhabe does not create accounts through single sign-on")

    def update_user(self, user, claims):
        """Fill in a missing name from the provider; never change the e-mail address or rights."""
        changed = []
        if not user.first_name and claims.get("given_name"):
            user.first_name = claims["given_name"][:150]
            changed.append("first_name")
        if not user.last_name and claims.get("family_name"):
            user.last_name = claims["family_name"][:150]
            changed.append("last_name")
        if changed:
            user.save(update_fields=changed)
        return user
