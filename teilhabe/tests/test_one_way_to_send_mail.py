"""Every e-mail goes through notifications.queue_mail: only its job (notifications/jobs.py) builds and sends a
message. Django's own senders (send_mail, mail_admins, EmailMessage, a PasswordResetForm's save() that sends)
appear nowhere else.

One exception, on purpose: the bulletins' bulk sender (bulletins/sender.py). A bulletin goes to hundreds of
people in batches at a set rate, resumable after a crash with one send record per address written in the same
transaction as the hand-over to SMTP, and every message needs its own List-Unsubscribe (RFC 8058), List-Id and
Message-ID headers; queue_mail renders per recipient into one job and has none of that. Passing one item on
("Direkt weitergeben", bulletins/services/forwarding.py) uses the same sender with its own record per address.
Everything else of the bulletins (confirmation mails) still goes through queue_mail."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENDERS = {
    "send_mail",
    "send_mass_mail",
    "mail_admins",
    "mail_managers",
    "EmailMessage",
    "EmailMultiAlternatives",
}
THE_SENDER = ROOT / "notifications" / "jobs.py"
THE_BULK_SENDER = ROOT / "bulletins" / "sender.py"


def test_only_the_notifications_job_sends_mail():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or parts[0] == "testing" or path in (THE_SENDER, THE_BULK_SENDER):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django.core.mail"):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                names = [node.func.attr] if node.func.attr in SENDERS else []
            found += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in names if name in SENDERS]
    assert not found, "use notifications.mail.queue_mail: " + ", ".join(found)


def test_the_password_reset_does_not_let_django_send():
    """Django's PasswordResetForm.save() sends by itself; the reset form queues the look-up instead."""
    from teilhabe.accounts.forms import QueuedPasswordResetForm
    from teilhabe.accounts.tasks import send_password_reset

    assert QueuedPasswordResetForm.save is not QueuedPasswordResetForm.__mro__[1].save
    source = Path(send_password_reset.func.__code__.co_filename).read_text(encoding="utf-8")
    assert ".save(" not in source and "queue_mail(" in source


def test_the_bulk_sender_is_the_only_other_user_of_the_connection():
    """get_connection() (Django's SMTP connection) is opened by the two senders only."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or parts[0] == "testing" or path in (THE_SENDER, THE_BULK_SENDER):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "get_connection"
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, (
        "only notifications/jobs.py and bulletins/sender.py open a mail connection: " + ", ".join(found)
    )
    tree = ast.parse(THE_BULK_SENDER.read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "django.core.mail" in imported and not any("notifications" in (m or "") for m in imported)
