"""`teilhabe demo`: create or refresh the demo municipality Musterstadt. Safe to run again."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from teilhabe.accounts import demo as logins
from teilhabe.municipalities import demo

# Each app contributes its demo data through teilhabe/<app>/demo.py: load_demo(municipality).
# Order matters: later apps link to earlier apps' demo objects (networks name activities that arose from them).
DEMO_APPS = [
    "directory",
    "concept",
    "statistics",
    "activities",
    "registrations",
    "networks",
    "programmes",
    "bulletins",
    "reports",
]


class Command(BaseCommand):
    help = "Creates the demo municipality Musterstadt with demo users, directory, concept and statistics."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, **options):
        with transaction.atomic():
            municipality = demo.load_municipality()
            for app in DEMO_APPS:
                try:
                    module = import_module(f"teilhabe.{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name not in (f"teilhabe.{app}", f"teilhabe.{app}.demo"):
                        raise
                    continue
                self.stdout.write(f"Demo: {app} …")
                module.load_demo(municipality)
            logins.load_users(municipality)
        self.stdout.write(self.style.SUCCESS(f"Demo-Kommune „{municipality.name}“ ist bereit."))
        if not options["quiet_logins"]:
            self.stdout.write("\nDemo-Zugänge (Passwort für alle: %s):" % logins.DEMO_PASSWORD)
            for email, role in logins.demo_logins():
                self.stdout.write(f"  {email:<34} {role}")
            self.stdout.write("\nhttp://127.0.0.1:8000/%s/\n" % municipality.slug)
            if settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend":
                self.stdout.write(
                    "Die E-Mails (ohne EMAIL_HOST) liegen als Dateien in %s/\n" % settings.EMAIL_FILE_PATH
                )
