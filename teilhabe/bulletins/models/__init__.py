"""The bulletins' models, one module per part: the series and their issues (series.py), and the modules the
composition, the distribution lists and the leaflets add. Import from here: `from teilhabe.bulletins.models import …`."""

from teilhabe.bulletins.models.series import Bulletin, BulletinIssue, validate_language_codes

__all__ = ["Bulletin", "BulletinIssue", "validate_language_codes"]
