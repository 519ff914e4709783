"""Benchmark of the activity report (issue 17): the whole demo report rendered as PDF, PPTX and DOCX.

Usage::

    .venv/bin/python bench/report.py              # 3 rounds
    .venv/bin/python bench/report.py --rounds 5

Runs against the installation's database (``teilhabe demo`` first). Prints the time to collect the data of
every section (with its SQL queries) and, per format, the first rendering in the process (imports of
WeasyPrint, python-pptx, matplotlib included) and the median and fastest of the following rounds, against
the target of 5 s per format, and the CPU time of the median round (steadier on a loaded machine). The machine is shared: the figures are only as steady as its load (printed at
start and end).
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")

TARGET = 5.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--municipality", default="musterstadt")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from teilhabe.municipalities.models import Municipality
    from teilhabe.reports.render import FORMATS, render
    from teilhabe.reports.services import build_data, default_context

    translation.activate("de")
    print("load average at start: %.2f %.2f %.2f" % os.getloadavg())
    municipality = Municipality.objects.get(slug=args.municipality)
    ctx = default_context(municipality, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        data = build_data(ctx)
    print(
        f"data of {len(data['sections'])} sections: {time.perf_counter() - start:.2f} s, {len(queries)} queries"
    )
    for file_format in FORMATS:
        start = time.perf_counter()
        content = render(data, file_format)
        first = time.perf_counter() - start
        times, cpu = [], []
        for _ in range(args.rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            render(data, file_format)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        median = statistics.median(times)
        verdict = "ok" if median < TARGET else "over the target"
        print(
            f"{file_format:5} {len(content) // 1024:5} KB  first {first:5.2f} s  median {median:5.2f} s  "
            f"fastest {min(times):5.2f} s  CPU {statistics.median(cpu):5.2f} s  (target < {TARGET:.0f} s: {verdict})"
        )
    print("load average at end: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
