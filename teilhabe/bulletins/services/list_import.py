"""`import_list`: an existing distribution list (XLSX or CSV, list_layout.py) onto a list, all or nothing.

Every person needs a legal basis, from the row's "Rechtsgrundlage" or chosen for the whole file; without one
nothing is imported. The same address several times in the file, or already known to the municipality, is
one person (merged by the normalised address). What the basis means:

- consent (Art. 6 Abs. 1 lit. a DSGVO): the consent exists already, so the address is put on the list at
  once, without a confirmation mail; the date of the consent and where its proof lies are required;
- public task (Art. 6 Abs. 1 lit. e DSGVO): there is no consent yet, so the address waits for the person's
  own confirmation (the double opt-in mail in the list's language) and gets nothing before it.

Someone who unsubscribed stays unsubscribed, whatever the file says. Each person taken over gets a
ConsentRecord naming the basis, the file and its rows, who imported and when."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from teilhabe import sheets
from teilhabe.bulletins.list_layout import BASES, CONSENT, LIST
from teilhabe.bulletins.models import ConsentRecord, DistributionList, Subscriber, Subscription, Topic
from teilhabe.bulletins.services import subscribing
from teilhabe.languages import language_name

S = Subscription.State
NO_BASIS = gettext_lazy("Die Rechtsgrundlage fehlt (Einwilligung oder öffentliche Aufgabe).")
NO_PROOF = gettext_lazy(
    "Bei einer Einwilligung bitte angeben, wo ihr Nachweis liegt (hier oder beim Hochladen)."
)


@dataclass
class Person:
    """One address of the file, its rows merged."""

    email: str
    rows: list = field(default_factory=list)
    name: str = ""
    languages: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    basis: str = ""
    consent_date: object = None
    proof: str = ""


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    source: str = ""
    rows: int = 0
    people: int = 0
    merged_in_file: int = 0  # rows that repeated an address of an earlier row
    known: int = 0  # addresses the municipality already had
    activated: int = 0  # put on a list at once (consent)
    to_confirm: int = 0  # waiting for their confirmation, mail sent
    already: int = 0  # already on that list
    stay_unsubscribed: int = 0
    suspended: int = 0
    new_topics: list = field(default_factory=list)
    lists: dict = field(default_factory=dict)  # list name -> {"activated": n, "to_confirm": n}
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return _(
            "%(people)s Adressen aus %(rows)s Zeilen: %(active)s sofort eingetragen, %(confirm)s bekommen eine "
            "Bestätigungs-E-Mail, %(already)s standen schon im Verteiler."
        ) % {
            "people": self.people,
            "rows": self.rows,
            "active": self.activated,
            "confirm": self.to_confirm,
            "already": self.already,
        }


def _people(bound, dlist, basis, proof, lists, result) -> dict[str, Person]:
    """The file's rows as people by normalised address; every bad cell adds a located message."""
    offered = ", ".join(d.language_name for d in lists.values())
    people: dict[str, Person] = {}
    for record in bound.rows:
        problems: list[str] = []
        values = bound.values(record, problems)
        result.errors.extend(problems)
        result.rows += 1
        bad = {key for key in bound.headers if key not in values}  # cells already reported
        row_basis = values.get("basis") or basis
        if not row_basis and "basis" not in bad:
            result.errors.append(bound.error(NO_BASIS, record.number, "basis"))
        wanted = []
        if row_basis == CONSENT and bound.has("consent_date") and not values.get("consent_date"):
            wanted.append(
                ("consent_date", _("Bei einer Einwilligung bitte angeben, wann sie erteilt wurde."))
            )
        row_proof = values.get("proof") or proof
        if row_basis == CONSENT and not row_proof:
            wanted.append(("proof", NO_PROOF))
        result.errors.extend(bound.error(msg, record.number, key) for key, msg in wanted if key not in bad)
        for code in values.get("languages") or []:
            if code not in lists:
                result.errors.append(
                    bound.error(
                        _(
                            "Für „%(bulletin)s“ gibt es keinen Verteiler auf %(language)s; es gibt: %(offered)s."
                        )
                        % {
                            "bulletin": dlist.bulletin.name,
                            "language": language_name(code),
                            "offered": offered,
                        },
                        record.number,
                        "languages",
                    )
                )
        address = values.get("email")
        if not address:
            continue
        person = people.setdefault(subscribing.normalise(address), Person(subscribing.normalise(address)))
        person.rows.append(record.number)
        person.name = person.name or " ".join(str(values.get("name") or "").split())[:200]
        for code in values.get("languages") or [dlist.language]:
            if code in lists and code not in person.languages:
                person.languages.append(code)
        for name in values.get("topics") or []:
            if name.casefold() not in {t.casefold() for t in person.topics}:
                person.topics.append(name)
        day = values.get("consent_date")
        if row_basis == CONSENT and (person.basis != CONSENT or (day and day > (person.consent_date or day))):
            person.consent_date, person.proof = day, row_proof  # a documented consent outweighs the rest
        person.basis = CONSENT if CONSENT in (row_basis, person.basis) else (row_basis or person.basis)
    if not bound.has("consent_date") and any(p.basis == CONSENT for p in people.values()):
        result.errors.append(
            _(
                "%(file)s: Für Zeilen mit Einwilligung fehlt die Spalte „Einwilligung am“ (wann die Einwilligung "
                "erteilt wurde)."
            )
            % {"file": bound.table.source}
        )
    result.people = len(people)
    result.merged_in_file = result.rows - len(people) if not result.errors else 0
    return people


def _topics(municipality, people, result, dry_run) -> dict[str, Topic]:
    by_name = {t.name.casefold(): t for t in Topic.objects.for_municipality(municipality)}
    for person in people.values():
        for name in person.topics:
            if name.casefold() not in by_name:
                result.new_topics.append(name)
                topic = Topic(name=name) if dry_run else subscribing.save_topic(municipality, {"name": name})
                by_name[name.casefold()] = topic
    return by_name


def _basis_text(person) -> str:
    text = str(BASES[person.basis])
    if person.basis == CONSENT and person.consent_date:
        text += _(", erteilt am %(date)s") % {"date": person.consent_date.strftime("%d.%m.%Y")}
    return text


def _rows_text(filename: str, rows: list) -> str:
    numbers = ", ".join(str(n) for n in rows)
    label = ngettext("Zeile %(rows)s", "Zeilen %(rows)s", len(rows)) % {"rows": numbers}
    return _("Import der Datei „%(file)s“, %(rows)s") % {"file": filename, "rows": label}


def import_list(
    dlist: DistributionList, data, *, filename: str, basis="", proof="", user=None, dry_run=False
):
    """`data`: the file (bytes or path). `basis`: the legal basis chosen for the whole file ("" if the file
    names it per row); `proof`: where the consents are kept, for the whole file. With `dry_run` nothing is
    kept and no mail goes out; the result says what would happen."""
    result = ImportResult()
    bound = sheets.read_bound(
        data,
        LIST,
        "email",
        result,
        kind="distribution_list",
        filename=filename,
        missing=_("Keine Tabelle mit der Spalte „E-Mail“ gefunden; sie ist Pflicht."),
    )
    if bound is None:
        return result
    if not basis and not bound.has("basis"):
        result.errors.append(
            _(
                "%(file)s: Es fehlt die Rechtsgrundlage. Wählen Sie sie beim Hochladen für die ganze Datei oder "
                "tragen Sie sie je Zeile in die Spalte „Rechtsgrundlage“ ein. Ohne Rechtsgrundlage wird "
                "niemand übernommen."
            )
            % {"file": bound.table.source}
        )
        return result
    lists = {
        d.language: d
        for d in DistributionList.objects.for_municipality(dlist.municipality)
        .filter(bulletin=dlist.bulletin_id)
        .select_related("bulletin", "municipality")
    }
    people = _people(bound, dlist, basis, proof, lists, result)
    if result.errors:
        return result
    with transaction.atomic():
        _save(dlist, people, lists, filename, user, result, dry_run)
        if dry_run:
            transaction.set_rollback(True)
        else:
            result.applied = True
    return result


def _save(dlist, people, lists, filename, user, result, dry_run):
    municipality = dlist.municipality
    topics = _topics(municipality, people, result, dry_run)
    known = {
        s.email: s for s in Subscriber.objects.for_municipality(municipality).filter(email__in=list(people))
    }
    existing = {
        (s.subscriber_id, s.distribution_list_id): s
        for s in Subscription.objects.filter(municipality=municipality, subscriber__in=list(known.values()))
    }
    result.known = len(known)
    mails: dict[int, list] = {}
    for address, person in people.items():
        subscriber = known.get(address)
        if subscriber is not None and subscriber.suspended:
            result.suspended += 1
        if dry_run and subscriber is None:
            subscriber = Subscriber(municipality=municipality, email=address, name=person.name)
        elif subscriber is None or (person.name and not subscriber.name):
            subscriber = subscribing.subscriber_for(municipality, address, person.name)
        if not dry_run and person.topics:
            subscriber.topics.add(*(topics[name.casefold()] for name in person.topics))
        for code in person.languages:
            target = lists[code]
            counts = result.lists.setdefault(str(target), {"activated": 0, "to_confirm": 0})
            subscription = existing.get((subscriber.pk, target.pk)) if subscriber.pk else None
            if subscription is not None and subscription.state == S.UNSUBSCRIBED:
                result.stay_unsubscribed += 1
                continue
            if subscription is not None and subscription.state == S.ACTIVE:
                result.already += 1
                continue
            if person.basis == CONSENT:
                result.activated += 1
                counts["activated"] += 1
            else:
                result.to_confirm += 1
                counts["to_confirm"] += 1
            if dry_run:
                continue
            subscription = _take_over(target, subscriber, subscription, person, filename, user)
            if subscription.state == S.PENDING:
                mails.setdefault(target.pk, []).append(subscription)
    by_pk = {d.pk: d for d in lists.values()}
    stamp = timezone.now().isoformat()
    for list_pk, subscriptions in mails.items():
        subscribing.send_confirmations(by_pk[list_pk], subscriptions, key=f"import:{stamp}", imported=True)


def _take_over(target, subscriber, subscription, person, filename, user) -> Subscription:
    if subscription is None:
        subscription = Subscription(
            municipality=target.municipality,
            distribution_list=target,
            subscriber=subscriber,
            source=Subscription.Source.IMPORT,
        )
    now = timezone.now()
    if person.basis == CONSENT:
        subscription.state, subscription.confirmed_at, subscription.confirm_nonce = S.ACTIVE, now, ""
    else:
        subscribing.renew_confirmation(subscription, now)
    subscription.save()
    proof = person.proof
    subscribing.record(
        subscriber,
        target,
        ConsentRecord.Event.IMPORTED,
        ConsentRecord.Method.IMPORT,
        text=_("Nachweis: %(proof)s") % {"proof": proof} if proof else "",
        form=_rows_text(filename, person.rows),
        legal_basis=_basis_text(person),
        actor=user,
    )
    return subscription
