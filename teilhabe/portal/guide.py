"""The first-run guide of a new municipality's office: six steps from an empty municipality to its first round.

Each step says what it is for, links to the page that does the work (or does it on its own page: contact
details, a pasted list of organisations), can be skipped and resumed, and shows whether it is done. Progress is
stored per municipality in `SetupGuide`; a step whose result is visible in the data (an organisation, a concept,
a round, a second member) counts as done without being marked.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import SetupGuide


@dataclass(frozen=True)
class Step:
    key: str
    title: Promise
    purpose: Promise
    # True: done only when the office says so (there is no sign of it in the data).
    confirm: bool = False


STEPS = [
    Step(
        "contact",
        _("Kontakt und Logo"),
        _(
            "Anschrift, E-Mail, Telefon und Öffnungszeiten des Integrationsamts erscheinen im Fuß jeder Seite und auf "
            "den öffentlichen Seiten; das Logo mit Bildnachweis auf Berichten und öffentlichen Seiten."
        ),
        confirm=True,
    ),
    Step(
        "statuses",
        _("Umsetzungsstände"),
        _(
            "Mit diesen Werten melden Fachämter und Partner den Stand ihrer Maßnahmen. Die Vorgabe passt für die "
            "meisten Konzepte; Sie können Werte umbenennen, ergänzen oder ihre Farbe ändern."
        ),
        confirm=True,
    ),
    Step(
        "organisations",
        _("Fachämter und Partner"),
        _(
            "Das Adressbuch nennt, wer Maßnahmen federführend oder beteiligt umsetzt. Fügen Sie eine Liste ein "
            "(ein Name je Zeile) oder importieren Sie Ihre Adressbuch-Tabelle. Organisationen, die erst im Konzept "
            "auftauchen, können Sie auch beim Konzept-Import anlegen."
        ),
    ),
    Step(
        "concept",
        _("Integrationskonzept"),
        _(
            "Das Konzept mit Handlungsfeldern, Zielen und Maßnahmen ist die Grundlage aller Berichte. Importieren "
            "Sie Ihre Tabelle oder beginnen Sie mit der mitgelieferten Vorlage."
        ),
    ),
    Step(
        "team",
        _("Team"),
        _(
            "Laden Sie Kolleginnen und Kollegen des Integrationsamts ein, und je Fachamt oder Partner eine Person, "
            "die den Stand ihrer Maßnahmen meldet."
        ),
        confirm=True,
    ),
    Step(
        "round",
        _("Erste Berichtsrunde"),
        _(
            "In einer Berichtsrunde melden die Verantwortlichen bis zu einem Stichtag den Stand ihrer Maßnahmen; "
            "Sie prüfen und übernehmen die Meldungen, und der Umsetzungsstand des Konzepts entsteht daraus."
        ),
    ),
]
STEP_KEYS = [step.key for step in STEPS]
BY_KEY = {step.key: step for step in STEPS}

DONE, SKIPPED, OPEN = "done", "skipped", "open"


@dataclass
class StepState:
    step: Step
    state: str
    number: int

    @property
    def key(self):
        return self.step.key


@dataclass
class GuideState:
    guide: SetupGuide
    steps: list[StepState]

    @property
    def done_count(self) -> int:
        return sum(1 for s in self.steps if s.state == DONE)

    @property
    def finished(self) -> bool:
        """Nothing left to show on the start page: ended by the office, or every step done or skipped."""
        return self.guide.finished_at is not None or all(s.state != OPEN for s in self.steps)

    @property
    def next_step(self) -> StepState | None:
        return next((s for s in self.steps if s.state == OPEN), None)

    def get(self, key: str) -> StepState:
        return next(s for s in self.steps if s.key == key)


def _guide(municipality) -> SetupGuide:
    """The stored progress, or an unsaved empty one (a GET writes nothing)."""
    return SetupGuide.objects.filter(municipality=municipality).first() or SetupGuide(
        municipality=municipality
    )


def signs_in_data(municipality) -> dict[str, bool]:
    """Which steps the data shows as done: four queries, whatever the size of the municipality."""
    Organisation = apps.get_model("directory", "Organisation")
    Concept = apps.get_model("concept", "Concept")
    ReportingRound = apps.get_model("concept", "ReportingRound")
    Membership = apps.get_model("accounts", "Membership")
    return {
        "organisations": Organisation.objects.filter(municipality=municipality).exists(),
        "concept": Concept.objects.filter(municipality=municipality).exists(),
        "round": ReportingRound.objects.filter(municipality=municipality).exists(),
        "team": Membership.objects.filter(municipality=municipality, is_active=True).count() > 1,
    }


def guide_state(municipality) -> GuideState:
    guide = _guide(municipality)
    signs = signs_in_data(municipality)
    steps = []
    for number, step in enumerate(STEPS, 1):
        if step.key in guide.confirmed or signs.get(step.key):
            state = DONE
        elif step.key in guide.skipped:
            state = SKIPPED
        else:
            state = OPEN
        steps.append(StepState(step, state, number))
    return GuideState(guide, steps)


def _locked(municipality) -> SetupGuide:
    guide, _created = SetupGuide.objects.get_or_create(municipality=municipality)
    return SetupGuide.objects.select_for_update().get(pk=guide.pk)


@transaction.atomic
def confirm_step(municipality, key: str) -> None:
    guide = _locked(municipality)
    if key not in guide.confirmed:
        guide.confirmed = [*guide.confirmed, key]
    guide.skipped = [k for k in guide.skipped if k != key]
    guide.save()


@transaction.atomic
def skip_step(municipality, key: str) -> None:
    guide = _locked(municipality)
    if key not in guide.skipped:
        guide.skipped = [*guide.skipped, key]
        guide.save()


@transaction.atomic
def resume_step(municipality, key: str) -> None:
    """Take a skipped (or marked) step up again."""
    guide = _locked(municipality)
    if key in guide.skipped or key in guide.confirmed:
        guide.skipped = [k for k in guide.skipped if k != key]
        guide.confirmed = [k for k in guide.confirmed if k != key]
        guide.finished_at = None
        guide.save()


@transaction.atomic
def finish_guide(municipality) -> None:
    guide = _locked(municipality)
    if guide.finished_at is None:
        guide.finished_at = timezone.now()
        guide.save()


@transaction.atomic
def reopen_guide(municipality) -> None:
    guide = _locked(municipality)
    if guide.finished_at is not None:
        guide.finished_at = None
        guide.save()


def parse_name_list(text: str) -> list[str]:
    """One name per line; blank lines, bullets and repeats dropped."""
    names, seen = [], set()
    for line in (text or "").splitlines():
        name = line.strip().lstrip("-•*–").strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


@dataclass
class PastedResult:
    created: list[str]
    existing: list[str]


@transaction.atomic
def create_organisations(municipality, names: list[str], kind: str) -> PastedResult:
    """Create the organisations of a pasted list that the directory does not have yet (by name or short name,
    case-insensitive); the others are reported as existing."""
    Organisation = apps.get_model("directory", "Organisation")
    known = {}
    for name, short in Organisation.objects.filter(municipality=municipality).values_list(
        "name", "short_name"
    ):
        known[name.casefold()] = name
        if short:
            known[short.casefold()] = name
    result = PastedResult([], [])
    for name in names:
        if name.casefold() in known:
            result.existing.append(known[name.casefold()])
            continue
        Organisation(municipality=municipality, kind=kind, name=name[:200]).save()
        known[name.casefold()] = name
        result.created.append(name)
    return result
