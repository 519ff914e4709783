"""Background tasks of the accounts app (django-tasks, see teilhabe/jobs).

The password reset is the one task that runs before a municipality is known: the request only queues it, so
its answer and its timing do not tell whether an address has an account. The task looks the address up and
sends each matching account its link through notifications.queue_mail (in the account's language, recorded
in SentMail, a job in the office's list of the account's municipality)."""

import logging

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from teilhabe.accounts.models import Membership
from teilhabe.notifications.mail import Recipient, queue_mail

logger = logging.getLogger(__name__)


@task()
def send_password_reset(email: str, domain: str, use_https: bool, **_templates):
    """Send the reset link to every active account with a usable password at `email`."""
    for user in PasswordResetForm().get_users(email):
        membership = (
            Membership.objects.filter(user=user, is_active=True)
            .select_related("municipality")
            .order_by("pk")
            .first()
        )
        if membership is None:
            # A superuser without a municipality: `teilhabe changepassword` sets the password.
            logger.warning(
                "Password reset for an account without a municipality (user %s): not sent.", user.pk
            )
            continue
        queue_mail(
            membership.municipality,
            template="accounts/email/password_reset",
            recipients=[Recipient.for_user(user)],
            context={
                "domain": domain,
                "protocol": "https" if use_https else "http",
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
            key=f"password-reset:{user.pk}:{timezone.now().isoformat()}",
        )
