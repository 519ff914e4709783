"""Leaflets: the named actions (save, new Stand, a frozen print), what a leaflet prints (only what may be published), whether it
is older than its data, its QR code and its PDF (WeasyPrint).

What may be published: activities that are public and planned or done (not ideas, not cancelled); of their
pictures those released with credit and alt text (and the people's consent where they are recognisable); of an
organisation its name and the fields it marked public (`Organisation.public_fields`); of a contact only the
fields it marked for print (`Contact.public_fields`) and only while its consent is valid. Contacts are printed
but never shown on the public web page."""

import datetime
import hashlib
import secrets
import unicodedata
from pathlib import Path

import segno
from babel.dates import format_date, format_time
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, OuterRef, Prefetch, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from teilhabe.actions import save_values
from teilhabe.activities.models import Activity, ActivityPicture
from teilhabe.bulletins.models import Leaflet, LeafletPrint
from teilhabe.bulletins.models.leaflets import RIGHT_TO_LEFT
from teilhabe.bulletins.services.leaflet_labels import babel_locale, labels
from teilhabe.directory.models import Contact, Organisation
from teilhabe.languages import language_name

LEAFLET_CSS = Path(__file__).resolve().parent.parent / "static" / "bulletins" / "leaflet.css"
PRINTED_STATES = (Activity.State.PLANNED, Activity.State.DONE)


# Named actions -------------------------------------------------------------------------------------------------


def save_leaflet(municipality, leaflet: Leaflet | None, values: dict) -> Leaflet:
    """Create or change a leaflet; what it shows is put together anew, so it gets today's Stand."""
    leaflet = leaflet or Leaflet(municipality=municipality)
    return save_values(leaflet, {**values, "stand_at": timezone.now()})


def renew_leaflet(leaflet: Leaflet) -> Leaflet:
    """ "Neu erstellen": the office checked the leaflet against the current data; it gets a new Stand."""
    leaflet.stand_at = timezone.now()
    leaflet.save()
    return leaflet


@transaction.atomic
def create_print(leaflet: Leaflet, actor) -> LeafletPrint:
    """ "Druckfassung erstellen": the leaflet gets today's Stand (what it prints is today's data) and its PDF is
    kept as a frozen copy, with the date, in private media."""
    leaflet = renew_leaflet(leaflet)
    pdf = render_pdf(leaflet)
    frozen = LeafletPrint(
        municipality=leaflet.municipality,
        leaflet=leaflet,
        stand_at=leaflet.stand_at,
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=timezone.now(),
    )
    frozen.file.save(f"{secrets.token_urlsafe(16)}.pdf", ContentFile(pdf), save=False)
    frozen.save()
    return frozen


def publishable_activities(municipality):
    return Activity.objects.for_municipality(municipality).filter(public=True, state__in=PRINTED_STATES)


def printable_contacts(queryset):
    """Contacts with a valid consent that marked at least one field for print."""
    return queryset.filter(
        consent_date__isnull=False, consent_withdrawn=False, erased_at__isnull=True
    ).exclude(public_fields=[])


# Outdated ------------------------------------------------------------------------------------------------------


def _newest(model):
    rows = model.objects.filter(leaflets=OuterRef("pk")).order_by().values("leaflets")
    return Subquery(rows.annotate(newest=Max("updated_at")).values("newest")[:1])


def with_outdated(queryset):
    """Leaflets with the newest change of their activities, organisations and contacts and the date of their
    latest print (one query for any number of leaflets); `changes(leaflet)` reads them."""
    latest = LeafletPrint.objects.filter(leaflet=OuterRef("pk")).order_by("-created_at", "-pk")
    return queryset.annotate(
        activities_changed_at=_newest(Activity),
        organisations_changed_at=_newest(Organisation),
        contacts_changed_at=_newest(Contact),
        printed_at=Subquery(latest.values("created_at")[:1]),
    )


def reference_time(leaflet) -> datetime.datetime:
    """What the data are compared with: the latest frozen print (what is out there), else the Stand."""
    return leaflet.printed_at or leaflet.stand_at


def changes(leaflet) -> dict[str, datetime.datetime]:
    """What changed after the leaflet's latest print (without one: after its Stand): {"activities": when, …}
    (empty if it is up to date). Needs a leaflet from `with_outdated`."""
    found = {}
    since = reference_time(leaflet)
    for kind in ("activities", "organisations", "contacts"):
        when = getattr(leaflet, f"{kind}_changed_at")
        if when and when > since:
            found[kind] = when
    return found


def is_outdated(leaflet) -> bool:
    return bool(changes(with_outdated(Leaflet.objects.filter(pk=leaflet.pk)).get()))


# Content -------------------------------------------------------------------------------------------------------


def public_url(leaflet) -> str:
    """The public page the QR code leads to."""
    return settings.SITE_URL + reverse("public_leaflets:detail", args=[leaflet.municipality.slug, leaflet.pk])


def qr_code(url: str):
    return segno.make(url, error="m")


def _when(activity, locale, words) -> str:
    def day(value):
        return format_date(value, "long", locale=locale)

    if not activity.starts_on:
        return ""
    if activity.recurrence:
        text = words["from"].format(date=day(activity.first_on or activity.starts_on))
    elif activity.ends_on and activity.ends_on > activity.starts_on:
        text = f"{day(activity.starts_on)} – {day(activity.ends_on)}"
    else:
        text = day(activity.starts_on)
    if activity.start_time:
        times = format_time(activity.start_time, "short", locale=locale)
        if activity.end_time:
            times += "–" + format_time(activity.end_time, "short", locale=locale)
        text += f", {times}"
    return text


def _languages(codes, locale):
    names = [language_name(code, locale) for code in codes or []]
    if locale in RIGHT_TO_LEFT:  # a name without a translation is German: keep its brackets in place
        names = [isolate(name) if text_direction(name) == "ltr" else name for name in names]
    return ", ".join(names)


def _picture(activity, pdf):
    for picture in activity.pictures.all():  # prefetched: the public ones, in their order
        if picture.shown_publicly and (picture.large or picture.image):
            file = picture.large or picture.image
            if pdf:
                src = Path(file.path).resolve().as_uri()
            else:
                url = reverse("events:picture", args=[activity.municipality.slug, picture.pk])
                src = f"{url}?groesse=gross"
            return {"src": src, "alt": picture.alt_text, "credit": picture.credit}
    return None


def activity_rows(leaflet, locale, words, pdf):
    activities = (
        leaflet.activities.filter(public=True, state__in=PRINTED_STATES)
        .select_related("venue", "municipality")
        .prefetch_related(Prefetch("pictures", queryset=ActivityPicture.objects.filter(public=True)))
    )
    rows = []
    for activity in activities:
        venue = activity.venue
        rows.append(
            {
                "activity": activity,
                "title": activity.title,
                "summary": activity.summary,
                "when": _when(activity, locale, words),
                "where": ", ".join(p for p in (venue.name, venue.address) if p) if venue else "",
                "languages": _languages(activity.languages, locale),
                "picture": _picture(activity, pdf) if leaflet.show_pictures else None,
            }
        )
    return rows


def organisation_rows(leaflet, locale):
    rows = []
    for organisation in leaflet.organisations.all():
        shown = set(organisation.public_fields)
        rows.append(
            {
                "name": organisation.name,
                "address": organisation.address if "address" in shown else "",
                "website": organisation.website if "website" in shown else "",
                "email": organisation.email if "email" in shown else "",
                "phone": organisation.phone if "phone" in shown else "",
                "languages": _languages(organisation.languages, locale) if "languages" in shown else "",
            }
        )
    return rows


def contact_rows(leaflet, locale):
    rows = []
    for contact in printable_contacts(leaflet.contacts.select_related("organisation")):
        shown = set(contact.public_fields)
        rows.append(
            {
                "name": contact.name if "name" in shown else "",
                "function": contact.function if "function" in shown else "",
                "organisation": contact.organisation.name,
                "email": contact.email if "email" in shown else "",
                "phone": contact.phone if "phone" in shown else "",
                "languages": _languages(contact.languages, locale) if "languages" in shown else "",
            }
        )
    return rows


#: What a leaflet takes from the platform as stored (mostly German), not in the leaflet's language.
DATA_KEYS = (
    "title",
    "summary",
    "where",
    "name",
    "address",
    "function",
    "organisation",
    "phone",
    "email",
    "website",
)


def isolate(value: str) -> str:
    """Unicode first-strong isolate (FSI … PDI): a German title keeps its own direction inside an Arabic leaflet
    (its full stop stays at its end), in the browser and in WeasyPrint (fribidi) alike."""
    return f"\u2068{value}\u2069" if value else value


def text_direction(value: str, default: str = "ltr") -> str:
    """The direction of a text by its first strong character (what dir="auto" does; WeasyPrint has no auto)."""
    for character in value or "":
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default


def _isolated(rows):
    for row in rows:
        if row.get("summary"):
            row["summary_dir"] = text_direction(row["summary"], "rtl")
        for key in DATA_KEYS:
            if row.get(key):
                row[key] = isolate(row[key])
    return rows


def _publisher(municipality):
    return ", ".join(p for p in (municipality.office_name, municipality.name) if p)


def leaflet_context(leaflet, *, pdf=False, public=False) -> dict:
    """Everything the leaflet templates show. `public`: the web page (no contacts); `pdf`: pictures as files
    and the QR code as a PNG, for WeasyPrint."""
    locale = babel_locale(leaflet.language)
    words = labels(leaflet.language)
    activities = activity_rows(leaflet, locale, words, pdf)
    url = public_url(leaflet)
    qr = qr_code(url)
    credits = list(dict.fromkeys(row["picture"]["credit"] for row in activities if row["picture"]))
    municipality = leaflet.municipality
    organisations = organisation_rows(leaflet, locale)
    publisher = _publisher(municipality)
    contacts = [] if public else contact_rows(leaflet, locale)
    if leaflet.right_to_left:
        activities, organisations, contacts = (
            _isolated(activities),
            _isolated(organisations),
            _isolated(contacts),
        )
        credits = [isolate(credit) for credit in credits]
        url, publisher = isolate(url), isolate(publisher)
    return {
        "leaflet": leaflet,
        "words": words,
        "lang": leaflet.html_language,
        "dir": "rtl" if leaflet.right_to_left else "ltr",
        "stand": words["stand"].format(
            date=format_date(timezone.localtime(leaflet.stand_at), "long", locale=locale)
        ),
        "activities": activities,
        "organisations": organisations,
        "contacts": contacts,
        "credits": credits,
        "public_url": url,
        "qr_png": qr.png_data_uri(scale=4, border=2) if pdf else "",
        "qr_svg": "" if pdf else qr.svg_inline(scale=3, border=2, title=words["qr"]),
        "publisher": publisher,
    }


# PDF -----------------------------------------------------------------------------------------------------------


def _local_files_only():
    """WeasyPrint may read the pictures under MEDIA_ROOT and the embedded QR code, nothing else (no network)."""
    from weasyprint.urls import URLFetcher

    media = Path(settings.MEDIA_ROOT).resolve().as_uri() + "/"

    class LocalFiles(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith("data:") or url.startswith(media)):
                raise ValueError(f"Not fetched for a leaflet: {url[:80]}")
            return super().fetch(url, headers)

    return LocalFiles(allowed_protocols={"file", "data"})


def render_pdf(leaflet) -> bytes:
    """The leaflet as a tagged PDF (A4 or A5 pages, document language set, right to left for Arabic)."""
    from weasyprint import CSS, HTML

    html = render_to_string("bulletins/leaflets/pdf.html", leaflet_context(leaflet, pdf=True))
    document = HTML(string=html, url_fetcher=_local_files_only(), base_url=Path(settings.MEDIA_ROOT).as_uri())
    return document.write_pdf(stylesheets=[CSS(filename=str(LEAFLET_CSS))], pdf_tags=True)
