"""`teilhabe import_concept --municipality SLUG FILE.xlsx [--concept ID|KURZNAME] [--dry-run]`"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import Concept
from teilhabe.municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Imports an integration concept from an XLSX or CSV sheet (one row per measure). Without --concept a "
        "new concept is created. All or nothing: with any error nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="XLSX or CSV file")
        parser.add_argument("--municipality", required=True, help="slug of the municipality")
        parser.add_argument(
            "--concept", help="id or short name of the concept to update (default: a new one)"
        )
        parser.add_argument("--dry-run", action="store_true", help="check and show the changes, save nothing")
        parser.add_argument("--title", default="", help="title of a new concept")
        parser.add_argument("--short-name", default="", help="short name of a new concept")

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(slug=options["municipality"])
        except Municipality.DoesNotExist:
            raise CommandError(
                _("Kommune „%(slug)s“ gibt es nicht.") % {"slug": options["municipality"]}
            ) from None
        concept = self._concept(municipality, options["concept"]) if options["concept"] else None
        try:
            with open(options["file"], "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(
                _("Die Datei „%(file)s“ kann nicht gelesen werden: %(reason)s")
                % {"file": options["file"], "reason": error.strerror}
            ) from None
        result = import_concept(
            municipality,
            data,
            concept,
            dry_run=options["dry_run"],
            filename=options["file"],
            title=options["title"],
            short_name=options["short_name"],
        )
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(_("Hinweis: %(warning)s") % {"warning": warning}))
        if not result.ok:
            for error in result.errors:
                self.stderr.write(_("Fehler: %(error)s") % {"error": error})
            raise CommandError(
                ngettext(
                    "%(count)s Fehler, nichts gespeichert.",
                    "%(count)s Fehler, nichts gespeichert.",
                    len(result.errors),
                )
                % {"count": len(result.errors)}
            )
        for change in result.changes:
            action = _("neu") if change.action == "create" else _("geändert")
            self.stdout.write(f"{change.kind_label} {change.number} {change.title}: {action}")
            for label, old, new in change.details:
                self.stdout.write(f"    {label}: {old} → {new}")
        self.stdout.write(result.summary())
        if result.dry_run:
            self.stdout.write(self.style.NOTICE(_("Probelauf: nichts gespeichert.")))
        else:
            target = result.concept
            self.stdout.write(
                self.style.SUCCESS(
                    _("Gespeichert in „%(title)s“ (%(short)s, id %(id)s).")
                    % {"title": target.title, "short": target.short_name, "id": target.pk}
                )
            )

    def _concept(self, municipality, value):
        concepts = Concept.objects.for_municipality(municipality)
        if value.isdigit() and concepts.filter(pk=int(value)).exists():
            return concepts.get(pk=int(value))
        matches = list(concepts.filter(short_name__iexact=value.strip()))
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise CommandError(
                _("Mehrere Konzepte heißen „%(name)s“; bitte die id angeben.") % {"name": value}
            )
        raise CommandError(
            _("Konzept „%(name)s“ gibt es in %(municipality)s nicht.")
            % {"name": value, "municipality": municipality}
        )
