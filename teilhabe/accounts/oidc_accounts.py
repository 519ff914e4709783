"""Which Teilhabe account a single sign-on leads to (identity binding), and the optional role mapping.

- A known (issuer, subject) pair leads to its bound user; an e-mail change at the provider is followed.
- An unknown pair is matched once by verified e-mail address to an invited account and then bound.
- If that account is already bound to another subject of the same provider, the address was given to
  another person (or the account was recreated at the provider): refused until the office unbinds.
- Superusers sign in with password and second factor unless OIDC_ALLOW_SUPERUSERS.
- Single sign-on never creates an account. With role mapping on (OIDC_ROLES_CLAIM + OIDC_ROLE_MAP), the
  memberships of the mapped municipalities follow the provider's claim at each sign-on.
"""

import json
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from teilhabe.accounts.forms import check_role_organisation
from teilhabe.accounts.models import Membership, SingleSignOnIdentity, User
from teilhabe.accounts.oidc_config import setting
from teilhabe.accounts.roles import Role
from teilhabe.municipalities.models import Municipality

logger = logging.getLogger(__name__)

# When several mapped groups match, the person gets the role with the most rights.
ROLE_RANK = [Role.OFFICE, Role.DEPARTMENT_EDITOR, Role.PARTNER_EDITOR, Role.ADVISORY_BOARD]


class Refused(Exception):
    """The provider vouched for someone Teilhabe lets not in; `reason` selects the German message."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _is_true(value) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def verified_email(claims: dict) -> str:
    """The e-mail claim (OIDC_EMAIL_CLAIM), or "" unless the provider vouches for it (the claim
    OIDC_EMAIL_VERIFIED_CLAIM, email_verified; Entra ID: xms_edov), when OIDC_REQUIRE_VERIFIED_EMAIL is on."""
    email = claims.get(setting("OIDC_EMAIL_CLAIM", "email") or "email")
    if not isinstance(email, str) or "@" not in email:
        return ""
    verified_claim = setting("OIDC_EMAIL_VERIFIED_CLAIM", "email_verified") or "email_verified"
    if setting("OIDC_REQUIRE_VERIFIED_EMAIL", True) and not _is_true(claims.get(verified_claim)):
        return ""
    return email.strip()


def has_access(user: User) -> bool:
    return user.is_superuser or user.memberships.filter(is_active=True).exists()


def account_for(issuer: str, subject: str, claims: dict) -> User:
    """The user this verified sign-on belongs to; raises Refused.

    Not one transaction on purpose: a membership the role mapping withdrew stays withdrawn even though the
    sign-on is then refused. The unique constraints guard against two parallel first sign-ons."""
    email = verified_email(claims)
    identity = (
        SingleSignOnIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    )
    user = identity.user if identity is not None else _first_match(issuer, subject, email)
    if not user.is_active:
        raise Refused("no_account", f"user {user.pk} is inactive")
    if user.is_superuser and not setting("OIDC_ALLOW_SUPERUSERS", False):
        raise Refused("superuser", f"user {user.pk} is a superuser and OIDC_ALLOW_SUPERUSERS is off")
    apply_role_mapping(user, claims)
    if not has_access(user):
        raise Refused("no_account", f"user {user.pk} has no active membership")
    if identity is None:
        try:
            with transaction.atomic():
                identity = SingleSignOnIdentity.objects.create(
                    user=user, issuer=issuer, subject=subject, email=email
                )
        except IntegrityError as error:  # a parallel first sign-on of the same account
            raise Refused("address_reused", f"user {user.pk} was bound at the same moment") from error
        logger.info("Single sign-on: user %s bound to %s subject %s", user.pk, issuer, subject)
    elif email and email.lower() != user.email.lower():
        _follow_email_change(user, email)
    identity.email = email or identity.email
    identity.last_sign_on_at = timezone.now()
    identity.save(update_fields=["email", "last_sign_on_at"])
    _fill_in_name(user, claims)
    return user


def _first_match(issuer: str, subject: str, email: str) -> User:
    if not email:
        raise Refused("unverified_email", "no verified e-mail address in the claims")
    users = list(User.objects.filter(email__iexact=email, is_active=True)[:2])
    if not users:
        raise Refused("no_account", "no active account with the provider's e-mail address")
    if len(users) > 1:
        raise Refused("no_account", "several accounts share the provider's e-mail address")
    user = users[0]
    bound = SingleSignOnIdentity.objects.filter(user=user, issuer=issuer).first()
    if bound is not None:
        raise Refused(
            "address_reused",
            f"user {user.pk} is bound to subject {bound.subject!r}, the provider now sends {subject!r} "
            "for the same address: reused address or recreated account; the office must unbind first",
        )
    return user


def _follow_email_change(user: User, email: str) -> None:
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        logger.warning(
            "Single sign-on: user %s's address changed at the provider, but another account holds the "
            "new one; Teilhabe keeps the old address",
            user.pk,
        )
        return
    logger.info("Single sign-on: user %s's e-mail address follows the provider", user.pk)
    fields = ["email"]
    if (
        user.username.lower() == user.email.lower()
        and not User.objects.filter(username=email.lower()).exists()
    ):
        user.username = email.lower()
        fields.append("username")
    user.email = email
    user.save(update_fields=fields)


def _fill_in_name(user: User, claims: dict) -> None:
    """A missing first or last name comes from the provider; a name set in Teilhabe is kept."""
    changed = []
    for field, claim in (("first_name", "given_name"), ("last_name", "family_name")):
        value = claims.get(claim)
        if not getattr(user, field) and isinstance(value, str) and value.strip():
            setattr(user, field, value.strip()[:150])
            changed.append(field)
    if changed:
        user.save(update_fields=changed)


# Role mapping


@dataclass(frozen=True)
class RoleRule:
    role: str
    values: tuple[str, ...]


def role_map() -> dict[str, list[RoleRule]]:
    """OIDC_ROLE_MAP: {municipality slug: {role: [claim values]}}; empty unless OIDC_ROLES_CLAIM is set."""
    if not setting("OIDC_ROLES_CLAIM", ""):
        return {}
    try:
        raw = parse_role_map(setting("OIDC_ROLE_MAP", ""))
    except ValueError as error:
        logger.error("OIDC_ROLE_MAP ignored: %s", error)
        return {}
    return {
        slug: [
            RoleRule(role, tuple(values if isinstance(values, list) else [values]))
            for role, values in sorted(rules.items(), key=lambda item: _rank(item[0]))
        ]
        for slug, rules in raw.items()
    }


def parse_role_map(raw) -> dict:
    """OIDC_ROLE_MAP as a dict (JSON text from the environment, or a dict); ValueError names the problem."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "{}")
        except ValueError as error:
            raise ValueError(f"not valid JSON ({error})") from error
    if not isinstance(raw, dict):
        raise ValueError("must be a JSON object {municipality slug: {role: [claim values]}}")
    for slug, rules in raw.items():
        if not isinstance(rules, dict):
            raise ValueError(f"{slug!r}: must map roles to lists of claim values")
        for role, values in rules.items():
            if role not in Role.values:
                raise ValueError(f"{slug!r}: unknown role {role!r} (known: {', '.join(Role.values)})")
            if not isinstance(values, list | str) or not values:
                raise ValueError(f"{slug!r}: {role!r} needs a list of claim values")
    return raw


def _rank(role: str) -> int:
    return ROLE_RANK.index(role) if role in ROLE_RANK else len(ROLE_RANK)


def claim_values(claims: dict) -> set[str]:
    value = claims.get(setting("OIDC_ROLES_CLAIM", ""))
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {item for item in value if isinstance(item, str)}
    return set()


def mapped_role(rules: list[RoleRule], values: set[str]) -> str | None:
    for rule in rules:  # sorted by rank: the first match has the most rights
        if values.intersection(rule.values):
            return rule.role
    return None


def apply_role_mapping(user: User, claims: dict) -> None:
    """Set the user's memberships in the mapped municipalities from the claim; others stay as they are."""
    mapping = role_map()
    if not mapping:
        return
    values = claim_values(claims)
    municipalities = Municipality.objects.in_bulk(list(mapping), field_name="slug")
    memberships = {
        m.municipality_id: m
        for m in Membership.objects.select_related("organisation").filter(
            user=user, municipality__slug__in=list(mapping)
        )
    }
    with transaction.atomic():
        for slug, rules in mapping.items():
            _apply_rules(user, municipalities.get(slug), slug, rules, values, memberships)


def _apply_rules(user, municipality, slug, rules, values, memberships) -> None:
    if municipality is None:
        logger.warning("OIDC_ROLE_MAP names an unknown municipality %r", slug)
        return
    role = mapped_role(rules, values)
    membership = memberships.get(municipality.pk)
    if role is None:
        if membership is not None and membership.is_active:
            membership.is_active = False
            membership.save(update_fields=["is_active"])
            logger.info("Role mapping: user %s loses access to %s", user.pk, slug)
        return
    try:
        check_role_organisation(role, membership.organisation if membership else None)
    except ValidationError:  # an editor role needs an organisation, which only the office can set
        logger.warning(
            "Role mapping: user %s would be %s in %s but has no fitting organisation; unchanged",
            user.pk,
            role,
            slug,
        )
        return
    if membership is None:
        Membership.objects.create(user=user, municipality=municipality, role=role)
        logger.info("Role mapping: user %s becomes %s in %s", user.pk, role, slug)
    elif membership.role != role or not membership.is_active:
        membership.role, membership.is_active = role, True
        membership.save(update_fields=["role", "is_active"])
        logger.info("Role mapping: user %s is now %s in %s", user.pk, role, slug)


def mapping_for(municipality) -> list[RoleRule]:
    """The rules shown to the office of this municipality (empty: roles are managed in Teilhabe)."""
    return role_map().get(municipality.slug, [])


def unbind(user: User) -> int:
    """The office's action after a reused address: the next sign-on matches by e-mail again."""
    count, _ = SingleSignOnIdentity.objects.filter(user=user).delete()
    if count:
        logger.info("Single sign-on: user %s unbound from the provider", user.pk)
    return count
