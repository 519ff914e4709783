"""A mail backend for tests: like Django's outbox, but the mail server refuses addresses containing
"refused" and is down for addresses containing "down" (as smtplib would raise)."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            for address in message.recipients():
                if "refused" in address:
                    raise smtplib.SMTPRecipientsRefused({address: (550, b"No such user")})
                if "down" in address:
                    raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)
