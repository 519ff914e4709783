"""`teilhabe add_municipality`: set up a new municipality and invite its first office user, or set up one or
many municipalities from a file (`--from FILE`, see portal/provisioning.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from teilhabe.accounts.services import set_password_link
from teilhabe.municipalities.models import FederalState
from teilhabe.portal.provisioning import (
    MunicipalityRow,
    ProvisioningError,
    read_file,
    set_up_municipalities,
)
from teilhabe.sheets import SheetError


class Command(BaseCommand):
    help = (
        "Creates a municipality and its first office user, and prints the link to set that user's password. "
        "With --from FILE (CSV, XLSX or JSON: Name, AGS, Bundesland, E-Mail, optional Fachämter and Kurzname) "
        "sets up every municipality of the file, all or none; the invitations are sent by the background worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="z. B. 'Stadt Kempten (Allgäu)'")
        parser.add_argument("--ags", help="Amtlicher Gemeindeschlüssel, 8 Ziffern")
        parser.add_argument("--state", choices=FederalState.values, help="Bundesland, z. B. BY")
        parser.add_argument("--slug", help="Kurzname in Adressen (Standard: aus dem Namen)")
        parser.add_argument("--office-email", help="E-Mail der ersten Person im Integrationsamt")
        parser.add_argument(
            "--departments", default="", help="Fachämter, getrennt durch Semikolon (optional)"
        )
        parser.add_argument(
            "--from",
            dest="from_file",
            metavar="FILE",
            help="CSV, XLSX oder JSON mit einer oder vielen Kommunen (alle oder keine)",
        )

    def handle(self, *args, **options):
        if options["from_file"]:
            if options["name"] or options["ags"] or options["office_email"]:
                raise CommandError("--from FILE und Angaben auf der Kommandozeile schließen sich aus.")
            self._from_file(options["from_file"])
            return
        missing = [f"--{o.replace('_', '-')}" for o in ("ags", "state", "office_email") if not options[o]]
        if not options["name"] or missing:
            raise CommandError(
                "Bitte Name, --ags, --state und --office-email angeben, oder --from FILE."
                + (f" Es fehlt: {', '.join(missing)}" if missing else "")
            )
        row = MunicipalityRow(
            None,
            name=options["name"],
            ags=options["ags"],
            state=options["state"],
            office_email=options["office_email"],
            slug=options["slug"] or "",
        )
        from teilhabe.portal.provisioning import _split_departments

        row.departments = _split_departments(options["departments"])
        try:
            (done,) = set_up_municipalities("", [row], send_invitations=False)
        except ProvisioningError as error:
            raise CommandError("Die Kommune wurde nicht angelegt: " + "; ".join(error.messages)) from None
        municipality = done.municipality
        self.stdout.write(
            self.style.SUCCESS(f"Kommune „{municipality.name}“ angelegt: /{municipality.slug}/")
        )
        if done.new_account:
            from teilhabe.accounts.models import User

            link = set_password_link(User.objects.get(username=done.email), settings.SITE_URL)
            self.stdout.write(f"Passwort festlegen für {done.email}: {link}")
        else:
            self.stdout.write(
                f"{done.email} hat bereits ein Konto und ist jetzt Integrationsamt in {municipality.name}."
            )

    def _from_file(self, path):
        try:
            file, rows = read_file(path)
            done = set_up_municipalities(file, rows)
        except SheetError as error:
            raise CommandError(f"Es wurde nichts angelegt. {error}") from None
        except ProvisioningError as error:
            raise CommandError(
                "Es wurde nichts angelegt. Bitte korrigieren Sie die Datei:\n" + "\n".join(error.messages)
            ) from None
        except OSError as error:
            raise CommandError(f"Die Datei {path} kann nicht gelesen werden: {error.strerror}") from None
        for item in done:
            self.stdout.write(
                self.style.SUCCESS(f"Kommune „{item.municipality.name}“ angelegt: /{item.municipality.slug}/")
                + f" – Einladung an {item.email} (Hintergrundaufgabe {item.job_id})"
            )
        self.stdout.write(
            ngettext(
                "%(count)s Kommune angelegt; die Einladung versendet der Hintergrunddienst.",
                "%(count)s Kommunen angelegt; die Einladungen versendet der Hintergrunddienst.",
                len(done),
            )
            % {"count": len(done)}
        )
