"""A list speaks its own language: the double opt-in mail, the footer of every issue and the public pages of
confirming and unsubscribing are in the list's language (catalogue for German and English, the fixed texts of
output/list_words.py for the others), Arabic right to left; the footer's links still work."""

import re
import string

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from teilhabe.bulletins.models import Subscription
from teilhabe.bulletins.output.list_words import CATALOGUE, FIXED, words
from teilhabe.bulletins.services import sending as service
from teilhabe.bulletins.services import subscribing
from teilhabe.bulletins.tests import helpers

pytestmark = pytest.mark.django_db
TR, AR = FIXED["tr"], FIXED["ar"]


@pytest.fixture
def com_in(municipality, settings):
    settings.BULLETIN_RATE_PER_MINUTE = 0
    bulletin = helpers.bulletin(municipality, languages=("de", "en", "tr", "ar", "ls"))
    return {code: helpers.dlist(municipality, bulletin, code) for code in ("de", "en", "tr", "ar", "ls")}


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def placeholders(text: str) -> set:
    return {
        name for _, name, _, _ in string.Formatter().parse(text.replace("%(", "{").replace(")s", "}")) if name
    }


def test_every_language_has_every_text_with_the_same_placeholders():
    for language, texts in FIXED.items():
        assert set(texts) == set(CATALOGUE), language
        for key, text in texts.items():
            assert placeholders(text) <= placeholders(str(CATALOGUE[key])) | {"name", "list"}, (language, key)
            assert "%(" not in words(language, name="X", municipality="Y")[key], (language, key)


def test_a_turkish_lists_confirmation_mail_is_in_turkish(municipality, com_in):
    subscribing.sign_up(com_in["tr"], "elif@example.org")
    (message,) = mail.outbox
    assert message.subject == "Lütfen onaylayın: Com-In e-posta ile"
    assert TR["greeting"] in message.body and "(48 saat geçerlidir)" in message.body
    assert "Bitte" not in message.body and "Guten Tag" not in message.body
    html = message.alternatives[0][0]
    assert '<html lang="tr" dir="ltr">' in html and TR["confirm_link"] in html
    link = re.search(r"https?://\S+/bestaetigen/\S+/", message.body).group(0)
    page = Client().get(path_of(link)).content.decode()
    assert '<div lang="tr" dir="ltr">' in page and TR["confirm_button"] in page
    done = Client().post(path_of(link)).content.decode()
    assert TR["confirmed_text"] % {"list": "Com-In"} in done
    assert Subscription.objects.get().state == Subscription.State.ACTIVE


def test_an_arabic_lists_mail_and_pages_run_right_to_left(municipality, com_in):
    subscribing.sign_up(com_in["ar"], "samira@example.org")
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html and AR["greeting"] in html
    assert AR["subject"] % {"name": "Com-In"} == message.subject
    page = Client().get(path_of(re.search(r"https?://\S+/bestaetigen/\S+/", message.body).group(0)))
    assert '<div lang="ar" dir="rtl">' in page.content.decode()


def test_english_comes_from_the_catalogue_and_leichte_sprache_is_german(municipality, com_in):
    subscribing.sign_up(com_in["en"], "jo@example.org")
    subscribing.sign_up(com_in["ls"], "lea@example.org")
    english, easy = mail.outbox
    assert english.subject == "Please confirm: Com-In by e-mail"
    assert "Bitte" not in english.subject and "Guten Tag" not in english.body
    assert (
        '<html lang="de" dir="ltr">' in easy.alternatives[0][0]
        and "Der Link geht nur 48 Stunden lang" in easy.body
    )


def test_an_imported_address_is_told_where_it_came_from(municipality, com_in):
    subscription = Subscription.objects.create(
        municipality=municipality,
        distribution_list=com_in["tr"],
        subscriber=subscribing.subscriber_for(municipality, "alt@example.org"),
        source=Subscription.Source.IMPORT,
    )
    subscribing.renew_confirmation(subscription, timezone.now())
    subscription.save()
    subscribing.send_confirmations(com_in["tr"], [subscription], key="t", imported=True)
    (message,) = mail.outbox
    assert "mevcut bir listeden" in message.body and municipality.name in message.body


def test_the_footer_of_a_turkish_issue_is_turkish_and_its_links_work(municipality, com_in, office_user):
    helpers.active(com_in["tr"], "elif@example.org")
    helpers.active(com_in["ar"], "samira@example.org")
    mail.outbox.clear()
    service.schedule(helpers.issue(com_in["tr"].bulletin), timezone.now(), office_user)
    turkish = next(m for m in mail.outbox if m.to == ["elif@example.org"])
    arabic = next(m for m in mail.outbox if m.to == ["samira@example.org"])
    assert TR["footer_reason"] % {"name": "Com-In"} in turkish.body
    assert '<footer role="contentinfo" lang="ar" dir="rtl">' in arabic.alternatives[0][0]
    unsubscribe = re.search(TR["unsubscribe"] + r": (\S+)", turkish.body).group(1)
    preferences = re.search(TR["preferences"] + r": (\S+)", turkish.body).group(1)
    visitor = Client()
    assert visitor.get(path_of(preferences)).status_code == 200
    page = visitor.get(path_of(unsubscribe)).content.decode()
    assert TR["unsubscribe_question"] % {"list": "Com-In"} in page
    visitor.post(path_of(unsubscribe))
    assert Subscription.objects.get(subscriber__email="elif@example.org").state == "unsubscribed"
    assert TR["unsubscribed_text"] % {"list": "Com-In"} in visitor.get(path_of(unsubscribe)).content.decode()
