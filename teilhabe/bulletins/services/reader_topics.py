"""Which items of an issue a reader gets: an item with topics goes only to readers who chose one of them on
the preferences page, or who chose no topic at all (they get every item); an item without topics goes to
everyone. The send renders one version of the issue per language and set of items (services/sending.py)."""

from teilhabe.bulletins.models import IssueItem


def meant_for(item_topics, chosen) -> bool:
    return not item_topics or not chosen or bool(set(item_topics) & set(chosen))


def topics_by_item(issue) -> dict[int, frozenset[int]]:
    """Each item's topic ids, in the issue's order (the frozen order once the issue is frozen)."""
    from teilhabe.bulletins.services.sources import freeze_of

    rows = IssueItem.topics.through.objects.filter(issueitem__issue=issue).values_list(
        "issueitem_id", "topic_id"
    )
    topics: dict[int, set[int]] = {}
    for item_id, topic_id in rows:
        topics.setdefault(item_id, set()).add(topic_id)
    freeze = freeze_of(issue)
    order = (
        freeze.items if freeze else list(issue.items.order_by("position", "pk").values_list("pk", flat=True))
    )
    return {pk: frozenset(topics.get(pk, ())) for pk in order}


def kept_items(topics: dict[int, frozenset[int]], chosen) -> tuple[int, ...] | None:
    """The ids of the items a reader with `chosen` topics gets; None when that is every item."""
    kept = tuple(pk for pk, item_topics in topics.items() if meant_for(item_topics, chosen))
    return None if len(kept) == len(topics) else kept
