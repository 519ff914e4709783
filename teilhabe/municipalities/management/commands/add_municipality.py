"""`teilhabe add_municipality`: set up a new municipality and invite its first office user."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import OFFICE
from teilhabe.accounts.services import set_password_link
from teilhabe.municipalities.models import FederalState, Municipality


class Command(BaseCommand):
    help = (
        "Creates a municipality and its first office user, and prints the link to set that user's password."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="z. B. 'Stadt Kempten (Allgäu)'")
        parser.add_argument("--ags", required=True, help="Amtlicher Gemeindeschlüssel, 8 Ziffern")
        parser.add_argument(
            "--state", required=True, choices=FederalState.values, help="Bundesland, z. B. BY"
        )
        parser.add_argument("--slug", help="Kurzname in Adressen (Standard: aus dem Namen)")
        parser.add_argument(
            "--office-email", required=True, help="E-Mail der ersten Person im Integrationsamt"
        )

    @transaction.atomic
    def handle(self, *args, **options):
        municipality = Municipality(
            name=options["name"],
            slug=options["slug"] or slugify(options["name"].replace("ß", "ss"))[:60],
            ags=options["ags"],
            federal_state=options["state"],
        )
        try:
            municipality.full_clean()
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items())
            raise CommandError(f"Die Kommune wurde nicht angelegt: {messages}") from None
        municipality.save()
        from teilhabe.concept.models import ensure_default_statuses

        ensure_default_statuses(municipality)
        email = options["office_email"].strip().lower()
        user, created = User.objects.get_or_create(username=email, defaults={"email": email})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.create(user=user, municipality=municipality, role=OFFICE)
        self.stdout.write(
            self.style.SUCCESS(f"Kommune „{municipality.name}“ angelegt: /{municipality.slug}/")
        )
        if created:
            link = set_password_link(user, settings.SITE_URL)
            self.stdout.write(f"Passwort festlegen für {email}: {link}")
        else:
            self.stdout.write(
                f"{email} hat bereits ein Konto und ist jetzt Integrationsamt in {municipality.name}."
            )
