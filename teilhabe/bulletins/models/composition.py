"""The composition's models in one place for `models/__init__.py`: texts and their versions, items, the freeze,
the layout."""

from teilhabe.bulletins.models.items import IssueFreeze, IssueItem
from teilhabe.bulletins.models.layout import BulletinLayout
from teilhabe.bulletins.models.texts import Text, TextVersion

__all__ = ["BulletinLayout", "IssueFreeze", "IssueItem", "Text", "TextVersion"]
