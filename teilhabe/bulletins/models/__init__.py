"""The bulletins' models, one module per part: the series and their issues (series.py), and the modules the
composition, the distribution lists and the leaflets add. Import from here: `from teilhabe.bulletins.models import …`."""

from teilhabe.bulletins.models.leaflets import Leaflet  # noqa: F401
from teilhabe.bulletins.models.series import Bulletin, BulletinIssue, validate_language_codes

__all__ = ["Bulletin", "BulletinIssue", "validate_language_codes"]
from teilhabe.bulletins.models.lists import (  # noqa: E402, F401, I001  (the distribution lists)
    ConsentRecord,
    DistributionList,
    Subscriber,
    Subscription,
    Topic,
)
from teilhabe.bulletins.models.sending import Forwarding, SendRecord, Sending  # noqa: E402, F401, I001
