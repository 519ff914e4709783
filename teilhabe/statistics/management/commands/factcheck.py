"""`teilhabe factcheck FILE --date YYYY-MM-DD [--columns MAP] [--json] [--store --municipality SLUG]`."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError
from teilhabe.statistics.result import FactCheckResult


def parse_date(value: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CommandError("Ungültiges Datum „%s“: erwartet wird JJJJ-MM-TT." % value)


def result_table(result: FactCheckResult) -> list[tuple[str, str]]:
    """The seed's table for one reference date, German number format."""
    # Imported here: the number format needs Django's template layer, which ``--json`` does not.
    from teilhabe.statistics.headline import comparison_rows, format_count, format_percent, percent_value

    values = result.headline()
    lines = []
    for label, key, whole in comparison_rows():
        if whole is None:
            text = format_count(values[key])
        else:
            share = percent_value(values[key], values[whole])
            text = format_percent(share) if share is not None else "–"
        lines.append((label, text))
    return lines


class TerminalProgress:
    """Step and elapsed seconds on one stderr line, redrawn twice a second while a step runs."""

    def __init__(self, stream):
        self.stream = stream
        self.step = ""
        self.fraction = 0.0
        self.start = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)
        self._thread.start()

    def __call__(self, step: str, fraction: float) -> None:
        self.step, self.fraction = gettext(step), fraction
        self._draw()

    def _draw(self):
        filled = int(self.fraction * 20)
        self.stream.write(
            "\r[%s%s] %3d%%  %-36s %5.1f s"
            % (
                "#" * filled,
                " " * (20 - filled),
                self.fraction * 100,
                self.step,
                time.monotonic() - self.start,
            )
        )
        self.stream.flush()

    def _tick(self):
        while not self._stop.wait(0.5):
            self._draw()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.stream.write("\r" + " " * 72 + "\r")
        self.stream.flush()


class Command(BaseCommand):
    help = "Berechnet den Faktencheck Migration aus einem Registerauszug (CSV, Parquet oder XLSX)."
    # A calculation on a file: the system checks (about 0.4 s of every run, issue 14's speed target
    # counts process start) check the installation, which `teilhabe check` and the deployment do.
    requires_system_checks = []

    def run_from_argv(self, argv):
        """On the command line only (not ``call_command``): once the result is written and the database
        connections are closed, end the process without tearing down the interpreter. Freeing thousands of
        modules and DuckDB's memory one by one takes 0.1 to 0.5 s, and the user waits for it."""
        super().run_from_argv(argv)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    def add_arguments(self, parser):
        parser.add_argument("file", help="Registerauszug: CSV, Parquet oder XLSX")
        parser.add_argument("--date", required=True, help="Stichtag, JJJJ-MM-TT")
        parser.add_argument("--columns", help="Spaltenzuordnung: CSV „Quellspalte;Zielspalte“ oder JSON")
        parser.add_argument("--json", action="store_true", help="Ergebnis als ein JSON-Objekt ausgeben")
        parser.add_argument("--store", action="store_true", help="Ergebnis für die Kommune speichern")
        parser.add_argument("--municipality", help="Kurzname (slug) der Kommune, mit --store")

    def handle(self, *args, **options):
        reference_date = parse_date(options["date"])
        municipality = None
        if options["store"]:
            from teilhabe.municipalities.models import Municipality

            if not options["municipality"]:
                raise CommandError("--store braucht --municipality SLUG.")
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError("Unbekannte Kommune „%s“." % options["municipality"])
        progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
        try:
            result = compute(options["file"], reference_date, columns=options["columns"], progress=progress)
        except ExtractError as error:
            raise CommandError(str(error)) from None
        finally:
            if progress:
                progress.close()
        if municipality is not None:
            from teilhabe.statistics.services import store_result

            store_result(municipality, result, file_name=options["file"].rsplit("/", 1)[-1])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        lines = result_table(result)
        width = max(len(label) for label, _v in lines)
        header = reference_date.strftime("%d.%m.%Y")
        self.stdout.write("%s  %12s" % (" " * width, header))
        for label, text in lines:
            self.stdout.write("%s  %12s" % (label.ljust(width), text))
        if municipality is not None:
            self.stdout.write("Gespeichert für %s." % municipality.name)
