"""Items meant for some topics: a reader who chose topics gets the items without one and those of their topics,
a reader who chose none gets every item; the archive and the PDF stay whole; a resumed send sends the same."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import DistributionList, IssueItem
from teilhabe.bulletins.services import sending as service
from teilhabe.bulletins.services.issues import add_item, set_item_topics
from teilhabe.bulletins.services.subscribing import save_topic
from teilhabe.bulletins.tests import helpers
from teilhabe.bulletins.tests.compose_helpers import draft, hand_written

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(municipality, settings):
    """A draft with three items: for everyone, for "Arbeit", for "Gesundheit"."""
    settings.BULLETIN_RATE_PER_MINUTE = 0
    issue = draft(municipality)
    work = save_topic(municipality, {"name": "Arbeit"})
    health = save_topic(municipality, {"name": "Gesundheit"})
    hand_written(issue, title="Neue Beratungszeiten")
    add_item(issue, None, "text", title="Jobbörse im März", body="Mit 40 Betrieben.", topics=[work])
    add_item(issue, None, "text", title="Impftermine", body="Im Gesundheitsamt.", topics=[health])
    return issue, work, health


def reader(issue, address, topics=(), language="de"):
    dlist = DistributionList.objects.filter(
        bulletin=issue.bulletin, language=language
    ).first() or helpers.dlist(issue.municipality, issue.bulletin, language)
    subscription = helpers.active(dlist, address)
    subscription.subscriber.topics.set(topics)
    return subscription


def received(address) -> str:
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message.body + message.alternatives[0][0]


def test_each_reader_gets_the_items_of_their_topics_and_those_for_everyone(issue, office_user):
    issue, work, health = issue
    reader(issue, "alle@example.org")  # no topic chosen: everything
    reader(issue, "arbeit@example.org", [work])
    reader(issue, "beides@example.org", [work, health])  # both: everything, the same rendering
    reader(issue, "arbeit-tr@example.org", [work], language="tr")
    mail.outbox.clear()
    sending = service.schedule(issue, timezone.now(), office_user)
    sending.refresh_from_db()
    assert sending.state == sending.State.DONE
    for address in ("alle@example.org", "beides@example.org"):
        body = received(address)
        assert "Neue Beratungszeiten" in body and "Jobbörse im März" in body and "Impftermine" in body
    work_only = received("arbeit@example.org")
    assert "Neue Beratungszeiten" in work_only and "Jobbörse im März" in work_only
    assert "Impftermine" not in work_only
    assert "Impftermine" not in received("arbeit-tr@example.org")
    assert "Jobbörse im März" in received("arbeit-tr@example.org")  # (German, as the item has no Turkish yet)
    without_health = tuple(
        issue.items.exclude(topics=health).order_by("position").values_list("pk", flat=True)
    )
    assert set(sending.rendered) == {  # one rendering per language and set of items, not per reader
        "de",
        service.version_key("de", without_health),
        service.version_key("tr", without_health),
    }


def test_a_reader_of_a_topic_no_item_has_gets_the_items_for_everyone(issue, municipality, office_user):
    issue, _work, _health = issue
    other = save_topic(municipality, {"name": "Wohnen"})
    reader(issue, "wohnen@example.org", [other])
    mail.outbox.clear()
    service.schedule(issue, timezone.now(), office_user)
    body = received("wohnen@example.org")
    assert "Neue Beratungszeiten" in body
    assert "Jobbörse im März" not in body and "Impftermine" not in body


def test_a_resumed_send_uses_the_renderings_of_its_start(issue, office_user, settings, monkeypatch):
    """Changed after the crash, the item's German title does not reach the readers still to come: the
    renderings are kept with the send (the issue is frozen at its start)."""
    issue, work, _health = issue
    settings.BULLETIN_BATCH_SIZE = 1
    reader(issue, "a@example.org", [work])
    reader(issue, "b@example.org", [work])
    mail.outbox.clear()

    def killed(sending, number, seconds):
        raise RuntimeError("worker killed")

    monkeypatch.setattr(service, "between_batches", killed)
    sending = service.schedule(issue, timezone.now(), office_user)
    assert len(mail.outbox) == 1
    rendered = dict(service.Sending.objects.get(pk=sending.pk).rendered)
    monkeypatch.undo()
    service.resume(sending, office_user)
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert mail.outbox[0].body.split("abmelden")[0] == mail.outbox[1].body.split("abmelden")[0]
    sending.refresh_from_db()
    assert sending.rendered == rendered


def test_the_archive_and_the_preview_show_every_item(issue, client, office_client, municipality, office_user):
    issue, _work, _health = issue
    service.schedule(issue, timezone.now(), office_user)
    archive = client.get(reverse("bulletins_public:issue", args=[municipality.slug, issue.pk, "de"]))
    preview = office_client.get(reverse("bulletins:preview", args=[municipality.slug, issue.pk, "de"]))
    for page in (archive.content.decode(), preview.content.decode()):
        assert "Jobbörse im März" in page and "Impftermine" in page


def test_the_office_sets_an_items_topics_on_the_issue_page(
    issue, office_client, municipality, other_municipality, django_assert_max_num_queries
):
    issue, work, health = issue
    item = issue.items.order_by("position").first()
    page_url = reverse("bulletins:issue", args=[municipality.slug, issue.pk])
    topics_url = reverse("bulletins:item_topics", args=[municipality.slug, item.pk])
    with django_assert_max_num_queries(21):
        page = office_client.get(page_url).content.decode()
    assert topics_url in page and "Nur für die Themen: Arbeit" in page
    form = office_client.get(topics_url).content.decode()
    assert "Arbeit" in form and "Gesundheit" in form and "Archiv und PDF zeigen immer alle Beiträge" in form
    assert office_client.post(topics_url, {"topics": [work.pk, health.pk]}).status_code == 302
    assert set(item.topics.all()) == {work, health}
    foreign = save_topic(other_municipality, {"name": "Arbeit"})
    response = office_client.post(topics_url, {"topics": [foreign.pk]})
    assert response.status_code == 200 and set(item.topics.all()) == {work, health}  # not a choice here
    assert office_client.post(topics_url, {}).status_code == 302
    assert not item.topics.exists()  # empty: for everyone again


def test_topics_are_refused_across_municipalities_and_on_a_frozen_issue(issue, other_municipality):
    from django.core.exceptions import ValidationError

    from teilhabe.bulletins.services.freeze import freeze_issue

    issue, work, _health = issue
    item = issue.items.first()
    with pytest.raises(ValidationError):
        set_item_topics(item, None, [save_topic(other_municipality, {"name": "Fremd"})])
    freeze_issue(issue)
    with pytest.raises(ValidationError):
        set_item_topics(IssueItem.objects.get(pk=item.pk), None, [work])


def test_the_item_form_offers_topics_only_where_there_are_some(office_client, municipality):
    issue = draft(municipality)
    add_url = reverse("bulletins:item_add", args=[municipality.slug, issue.pk])
    assert 'name="topics"' not in office_client.get(add_url).content.decode()
    work = save_topic(municipality, {"name": "Arbeit"})
    assert 'name="topics"' in office_client.get(add_url).content.decode()
    office_client.post(add_url, {"kind": "text", "title": "Praktika", "body": "", "topics": [work.pk]})
    assert list(IssueItem.objects.get(issue=issue).topics.all()) == [work]


def test_the_preferences_page_says_what_topics_do(issue, client):
    from teilhabe.bulletins.services import tokens

    issue, work, _health = issue
    subscription = reader(issue, "leser@example.org", [work])

    page = client.get(tokens.preferences_url(subscription.subscriber)).content.decode()
    assert "Beiträge zu einem Thema bekommen Sie nur, wenn Sie es gewählt haben" in page
