"""Freezing an issue for sending: what goes out is fixed once, before the first mail.

`freeze_issue(issue)` copies every pulled item's current data into its `snapshot` and records, per text and
language, the version that is sent (`IssueFreeze`). From then on the rendering reads only the copy and those
versions, and every change to the issue is refused. It is idempotent: a send that resumes after a crash calls
it again and gets the first freeze back unchanged, so every recipient reads the same issue."""

from django.db import IntegrityError, transaction

from teilhabe.bulletins.models import IssueFreeze, IssueItem
from teilhabe.bulletins.services import sources
from teilhabe.bulletins.services.texts import Versions


def freeze_issue(issue) -> IssueFreeze:
    existing = IssueFreeze.objects.filter(issue=issue).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return _freeze(issue)
    except IntegrityError:  # another worker froze it meanwhile
        return IssueFreeze.objects.get(issue=issue)


def _freeze(issue) -> IssueFreeze:
    items = list(
        IssueItem.objects.filter(issue=issue).select_related("activity__venue", "network", "text", "issue")
    )
    for item, data in zip(items, _data(items), strict=True):
        if item.pulled:
            item.snapshot = data
            item.save(update_fields=["snapshot"])
    texts = [item.text for item in items]
    editorial = issue.texts.filter(kind="editorial").first()
    if editorial:
        texts.append(editorial)
    versions = Versions.of(texts)
    chosen = {}
    for text in texts:
        per_language = {}
        for language in issue.bulletin.all_languages:
            version = versions.latest(text.pk, language)
            if version:
                per_language[language] = version.pk
        chosen[str(text.pk)] = per_language
    return IssueFreeze.objects.create(
        municipality=issue.municipality,
        issue=issue,
        versions=chosen,
        items=[item.pk for item in items],
        editorial=editorial.pk if editorial else None,
    )


def _data(items):
    data = sources.items_data(items)
    return [data.get(item.pk, {}) for item in items]
