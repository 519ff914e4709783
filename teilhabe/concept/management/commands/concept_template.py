"""`teilhabe concept_template [--output PATH]`: (re)write the shipped concept import template."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from teilhabe.concept.sheet_template import TEMPLATE_PATH, write_template


class Command(BaseCommand):
    help = "Writes the XLSX template for concept imports (default: the file shipped with the concept app)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(TEMPLATE_PATH), help="where to write the template")

    def handle(self, *args, **options):
        path = write_template(Path(options["output"]))
        self.stdout.write(self.style.SUCCESS(_("Vorlage geschrieben: %(path)s") % {"path": path}))
