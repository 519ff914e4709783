"""Demo data: the distribution lists of the Kompakt-Info and Com-In with a few demo recipients (example.org
addresses), each with its consent records: confirmed public sign-ups, one still awaiting confirmation, one
unsubscribed (its proof kept), one imported with a recorded legal basis, one suspended after bounces, and
directory contacts with consent. Topics for the preferences page. Safe to run again."""

from datetime import timedelta

from django.utils import timezone

from teilhabe.bulletins.models import (
    Bulletin,
    ConsentRecord,
    DistributionList,
    Subscriber,
    Subscription,
    Topic,
)
from teilhabe.bulletins.models.lists import DEFAULT_CONSENT_TEXT
from teilhabe.bulletins.services import subscribing
from teilhabe.directory.models import Contact

WORK = "Arbeit und Ausbildung"
TOPICS = (WORK, "Deutsch lernen", "Gesundheit", "Familie und Kinder", "Ehrenamt")
SERIES = {
    "Kompakt-Info": (Bulletin.Audience.PROFESSIONALS, ["en", "ls"]),
    "Com-In": (Bulletin.Audience.COMMUNITIES, ["tr", "uk", "ar", "ls"]),
}
LISTS = {"Kompakt-Info": ("de",), "Com-In": ("de", "tr", "uk", "ar")}
# series, language, address, name, state, how
PEOPLE = [
    ("Com-In", "tr", "elif.y@example.org", "Elif Y.", "active", "signup"),
    ("Com-In", "tr", "mehmet.k@example.org", "", "active", "signup"),
    ("Com-In", "uk", "oksana.p@example.org", "Oksana P.", "active", "signup"),
    ("Com-In", "uk", "taras.h@example.org", "", "pending", "signup"),
    ("Com-In", "ar", "rania.a@example.org", "Rania A.", "active", "signup"),
    ("Com-In", "ar", "samir.b@example.org", "", "unsubscribed", "signup"),
    ("Com-In", "de", "verein.bunt@example.org", "Verein Bunt e. V.", "active", "import"),
    ("Com-In", "de", "alt.adresse@example.org", "", "suspended", "import"),
    ("Kompakt-Info", "de", "beratung@example.org", "Migrationsberatung", "active", "import"),
]
LEGAL_BASIS = "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), Papierliste Interkulturelle Woche 2024"


def _bulletin(municipality, name):
    audience, languages = SERIES[name]
    bulletin, _created = Bulletin.objects.get_or_create(
        municipality=municipality,
        name=name,
        defaults={"audience": audience, "languages": languages, "sender_name": "Integrationsbüro"},
    )
    return bulletin


def load(municipality):
    for name in TOPICS:
        Topic.objects.get_or_create(municipality=municipality, name=name)
    lists = {}
    for name, languages in LISTS.items():
        bulletin = _bulletin(municipality, name)
        for language in languages:
            if language not in bulletin.all_languages:
                continue
            lists[name, language], _created = DistributionList.objects.get_or_create(
                municipality=municipality,
                bulletin=bulletin,
                language=language,
                defaults={"consent_text": str(DEFAULT_CONSENT_TEXT)},
            )
    now = timezone.now()
    for series, language, address, person, state, how in PEOPLE:
        dlist = lists.get((series, language))
        if dlist is None:
            continue
        subscriber = subscribing.subscriber_for(municipality, address, person)
        if subscriber.subscriptions.filter(distribution_list=dlist).exists():
            continue
        _subscribe(dlist, subscriber, state, how, now - timedelta(days=40))
        if state == "suspended":
            subscriber.bounce_count = subscriber.bounce_limit()
            subscriber.last_bounce = "550 5.1.1 <alt.adresse@example.org>: Recipient address rejected"
            subscriber.suspended_at = now - timedelta(days=3)
            subscriber.save()
    _topics(municipality)
    # The professionals' list also reaches the directory's contacts who consented (their consent as proof).
    contacts = Contact.objects.filter(municipality=municipality, erased_at=None, consent_withdrawn=False)
    contacts = [c for c in contacts.exclude(email="").exclude(consent_date=None).order_by("pk")[:5]]
    subscribing.add_contacts(lists["Kompakt-Info", "de"], contacts, None)


def _subscribe(dlist, subscriber, state, how, when):
    Event, Method = ConsentRecord.Event, ConsentRecord.Method
    imported = how == "import"
    subscription = Subscription.objects.create(
        municipality=dlist.municipality,
        distribution_list=dlist,
        subscriber=subscriber,
        source=Subscription.Source.IMPORT if imported else Subscription.Source.SIGNUP,
        state=Subscription.State.PENDING if state == "pending" else Subscription.State.ACTIVE,
        requested_at=timezone.now() if state == "pending" else None,
        confirm_nonce="demo" if state == "pending" else "",
        confirmed_at=None if state == "pending" else when,
    )
    form = f"Öffentliche Anmeldung „{dlist}“"
    if imported:
        ConsentRecord.objects.create(
            municipality=dlist.municipality, subscriber=subscriber, distribution_list=dlist, at=when,
            event=Event.IMPORTED, method=Method.IMPORT, legal_basis=LEGAL_BASIS,
            form="verteiler-2024.xlsx", text="Ich möchte Informationen des Integrationsbüros per E-Mail erhalten.",
        )  # fmt: skip
    else:
        ConsentRecord.objects.create(
            municipality=dlist.municipality, subscriber=subscriber, distribution_list=dlist, at=when,
            event=Event.GIVEN, method=Method.PUBLIC_FORM, text=dlist.consent_text, form=form,
        )  # fmt: skip
        if state != "pending":
            ConsentRecord.objects.create(
                municipality=dlist.municipality, subscriber=subscriber, distribution_list=dlist,
                at=when + timedelta(minutes=7), event=Event.CONFIRMED, method=Method.CONFIRMATION_LINK,
                text=dlist.consent_text, form=form,
            )  # fmt: skip
    if state == "unsubscribed":
        subscription.state = Subscription.State.UNSUBSCRIBED
        subscription.unsubscribed_at = when + timedelta(days=20)
        subscription.save()
        ConsentRecord.objects.create(
            municipality=dlist.municipality, subscriber=subscriber, distribution_list=dlist,
            at=subscription.unsubscribed_at, event=Event.WITHDRAWN, method=Method.ONE_CLICK,
        )  # fmt: skip


def _topics(municipality):
    by_name = {t.name: t for t in Topic.objects.filter(municipality=municipality)}
    wanted = {
        "elif.y@example.org": ["Arbeit und Ausbildung", "Deutsch lernen"],
        "oksana.p@example.org": ["Familie und Kinder", "Deutsch lernen"],
        "rania.a@example.org": ["Gesundheit"],
    }
    for subscriber in Subscriber.objects.filter(municipality=municipality, email__in=wanted):
        if not subscriber.topics.exists():
            subscriber.topics.set([by_name[name] for name in wanted[subscriber.email] if name in by_name])
