"""Logging filters named in settings.LOGGING."""

import logging


class QuietForbidden(logging.Filter):
    """A 403 is an expected answer (a role without access), not a crash: Django logs it with the exception
    attached, which prints a traceback for every refused click. Keep the one line, drop the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
