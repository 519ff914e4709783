"""The bulletins' models, one module per part: the series and their issues (series.py), the composition
(composition.py), the distribution lists and sending (lists.py, sending.py), passing an item on (forwarding.py) and the leaflets (leaflets.py).
Import from here: `from teilhabe.bulletins.models import …`."""

from teilhabe.bulletins.models.composition import BulletinLayout, IssueFreeze, IssueItem, Text, TextVersion
from teilhabe.bulletins.models.forwarding import Forwarding, ForwardingRecipient
from teilhabe.bulletins.models.leaflets import Leaflet, LeafletPrint
from teilhabe.bulletins.models.lists import ConsentRecord, DistributionList, Subscriber, Subscription, Topic
from teilhabe.bulletins.models.sending import Sending, SendRecord
from teilhabe.bulletins.models.series import Bulletin, BulletinIssue, validate_language_codes

__all__ = [
    "Bulletin",
    "BulletinIssue",
    "BulletinLayout",
    "ConsentRecord",
    "DistributionList",
    "Forwarding",
    "ForwardingRecipient",
    "IssueFreeze",
    "IssueItem",
    "Leaflet",
    "LeafletPrint",
    "SendRecord",
    "Sending",
    "Subscriber",
    "Subscription",
    "Text",
    "TextVersion",
    "Topic",
    "validate_language_codes",
]
