"""Actions on accounts and memberships. Each saves, leaves its audit entry (Membership is audited) and
sends the e-mail that belongs to it, so views stay thin and every path does the same."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from teilhabe.accounts.models import Membership, User
from teilhabe.notifications.mail import Recipient, queue_mail


class MembershipRuleError(Exception):
    """An action that the rules forbid; the message is German and meant for the user."""


@dataclass
class InvitationResult:
    membership: Membership
    # False: an existing account got a membership that waits for its owner to accept it. Never shown to the
    # inviting office, which must not learn whether an address has an account elsewhere.
    new_account: bool


def set_password_link(user: User, base_url: str) -> str:
    """A one-time link to set a password, built on Django's password-reset token (expires after
    PASSWORD_RESET_TIMEOUT and as soon as the password is set)."""
    path = reverse(
        "accounts:invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def _send(membership: Membership, template: str, context: dict, acting_user=None):
    """Queue one of the membership e-mails, in the person's language (a new account has the site's, German,
    unless the inviting office chose another). Each sending is its own message (its time is in the key)."""
    return queue_mail(
        membership.municipality,
        template=f"accounts/email/{template}",
        recipients=[Recipient.for_user(membership.user)],
        context=context,
        key=f"membership-{template}:{membership.pk}:{membership.invitation_sent_at.isoformat()}",
        started_by=acting_user,
    )


def _email_context(membership: Membership, base_url: str) -> dict:
    return {
        "membership": membership,
        "user": membership.user,
        "municipality": membership.municipality,
        "inviter": membership.invited_by,
        "login_url": base_url.rstrip("/") + reverse("accounts:login"),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600)),
        "oidc_enabled": settings.OIDC_ENABLED,
        "oidc_provider_name": getattr(settings, "OIDC_PROVIDER_NAME", ""),
    }


def _send_invitation(membership: Membership, base_url: str, acting_user=None):
    """Queue the e-mail that fits the membership; returns its job (kind notifications.send) or None."""
    if membership.awaiting_acceptance and not membership.user.is_active:
        return None  # a locked account: nothing to accept; the office sees the same as for anyone else
    membership.invitation_sent_at = timezone.now()
    membership.save(update_fields=["invitation_sent_at"])
    context = _email_context(membership, base_url)
    if membership.awaiting_acceptance:
        context["invitations_url"] = base_url.rstrip("/") + reverse("accounts:invitations")
        return _send(membership, "membership_offered", context, acting_user)
    if membership.user.has_usable_password():
        return _send(membership, "membership_added", context, acting_user)
    context["set_password_url"] = set_password_link(membership.user, base_url)
    return _send(membership, "invitation", context, acting_user)


def send_invitation(membership: Membership, base_url: str):
    """Queue the e-mail that fits the membership (set a password, accept, or "you were added"): one background
    job of kind notifications.send, returned. Used to invite a new municipality's first office user."""
    return _send_invitation(membership, base_url)


def _free_username(email: str) -> str:
    base = email.lower()[:140]
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


@transaction.atomic
def invite_member(
    *, municipality, invited_by, email, first_name, last_name, role, organisation, base_url, language=None
) -> InvitationResult:
    """Give `email` a role in `municipality`. A new person gets an account and a link to set a password;
    someone who already has an account (from another municipality) gets a membership that waits for them
    to accept or decline it (nobody is added to a municipality without being asked). A new account gets
    `language` (default: the site's), and so does its invitation; the e-mail goes out as a background job
    (the office's job list shows a failed address; "Einladung erneut senden" tries again)."""
    user = User.objects.filter(email__iexact=email).order_by("-is_active", "pk").first()
    new_account = user is None
    if new_account:
        user = User(
            username=_free_username(email),
            email=email,
            first_name=first_name,
            last_name=last_name,
            language=language or settings.LANGUAGE_CODE,
        )
        user.set_unusable_password()
        user.save()
    membership = Membership.objects.create(
        user=user,
        municipality=municipality,
        role=role,
        organisation=organisation,
        invited_by=invited_by,
        awaiting_acceptance=not new_account,
    )
    _send_invitation(membership, base_url, invited_by)
    return InvitationResult(membership=membership, new_account=new_account)


@transaction.atomic
def resend_invitation(membership: Membership, base_url: str, acting_user=None) -> None:
    if not membership.is_active:
        raise MembershipRuleError(_("Der Zugang ist deaktiviert. Bitte reaktivieren Sie ihn zuerst."))
    if not membership.invitation_pending:
        raise MembershipRuleError(
            _(
                "Diese Person hat die Einladung bereits angenommen. Ein vergessenes Passwort setzt sie über „Passwort vergessen?“ auf der Anmeldeseite zurück."
            )
        )
    _send_invitation(membership, base_url, acting_user)


TEAM_FIELDS = ("team_function", "name_public", "team_order")


def change_membership(membership: Membership, *, role, organisation, team=None) -> None:
    """Role and organisation; `team` ({team_function, name_public, team_order}) how the office's team
    lists the person (the activity report names them only with name_public)."""
    membership.role = role
    membership.organisation = organisation
    fields = ["role", "organisation"]
    for name, value in (team or {}).items():
        if name in TEAM_FIELDS:
            setattr(membership, name, value)
            fields.append(name)
    membership.save(update_fields=fields)


def deactivate_membership(membership: Membership, *, acting_user) -> None:
    """Withdraw access to this municipality only; other memberships of the person stay as they are."""
    if membership.user_id == acting_user.pk:
        raise MembershipRuleError(
            _(
                "Sie können Ihren eigenen Zugang nicht deaktivieren. Bitten Sie eine Kollegin oder einen Kollegen darum."
            )
        )
    if membership.is_active:
        membership.is_active = False
        membership.save(update_fields=["is_active"])


def reactivate_membership(membership: Membership) -> None:
    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])


def rename_user(user: User, first_name: str, last_name: str) -> None:
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])


def set_notifications(user: User, *, round_opened: bool) -> None:
    """The user's own choice which e-mails Teilhabe sends them beyond the workflow's own (a report sent back
    always reaches its author)."""
    user.notify_round_opened = round_opened
    user.save(update_fields=["notify_round_opened"])


def pending_invitations(user):
    return (
        Membership.objects.filter(user=user, is_active=True, awaiting_acceptance=True)
        .select_related("municipality", "organisation", "invited_by")
        .order_by("municipality__name")
    )


def accept_invitation(membership: Membership) -> None:
    if membership.awaiting_acceptance:
        membership.awaiting_acceptance = False
        membership.save(update_fields=["awaiting_acceptance"])


def decline_invitation(membership: Membership) -> None:
    """The person does not want the membership: it goes (the audit trail keeps that it was offered)."""
    if membership.awaiting_acceptance:
        membership.delete()
