"""Benchmark of the concept pages (issue 3): does a page stay fast when the database is large?

Usage::

    .venv/bin/python bench/concept.py                  # SQLite files under var/bench/
    .venv/bin/python bench/concept.py --requests 50
    .venv/bin/python bench/concept.py --rebuild        # regenerate the large database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teilhabe .venv/bin/python bench/concept.py
                                                       # also PostgreSQL (databases <name>_bench_small/_large)

Two databases are built once (cached) and measured, each in its own process:

- small: the demo (Musterstadt, its concept of 144 measures, 2 closed rounds and 1 open round);
- large: 400 municipalities x 150 measures x 6 closed rounds (360,000 status reports), bulk-created.

For one municipality of each, logged in as office staff with django.test.Client, it requests the dashboard,
the measure list and the responsibility matrix (URL names concept:dashboard, concept:measure_list,
concept:matrix; whichever exist), 5 times to warm up and then N times, and prints p50/p95 render time, the
number of SQL queries per page, and the ratio large/small. Targets: ratio <= 1.5 and p95 < 50 ms.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _timing import (  # noqa: E402  (the benchmarks' shared harness)
    alternate,
    analyze,
    database_urls,
    logged_in_client,
    percentiles,
    prepare,
    setup_django,
    start,
    time_page,
)

PAGES = ["concept:dashboard", "concept:measure_list", "concept:matrix"]
LARGE = {"municipalities": 400, "measures": 150, "rounds": 6}
MEASURED_INDEX = 200  # the large database's municipality that is measured
TARGET_RATIO = 1.5
TARGET_P95_MS = 50.0


# --- the databases -------------------------------------------------------------------------------------


def build_small() -> dict:
    """The demo municipality, built with the demo loaders (the importer included)."""
    from django.core.management import call_command
    from django.db import transaction

    from teilhabe.accounts import demo as account_demo
    from teilhabe.concept import demo as concept_demo
    from teilhabe.directory import demo as directory_demo
    from teilhabe.municipalities import demo as municipality_demo

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        municipality = municipality_demo.load_municipality()
        directory_demo.load_demo(municipality)
        concept = concept_demo.load_demo(municipality)
        account_demo.load_users(municipality)
    return {"slug": municipality.slug, "concept": concept.pk, "user": account_demo.DEMO_USERS[0][0]}


def build_large(municipalities: int, measures: int, rounds: int) -> dict:
    """Bulk-creates the large database; returns where the measured municipality is."""
    import datetime as dt
    import random

    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from teilhabe.accounts.models import Membership, User
    from teilhabe.accounts.roles import OFFICE
    from teilhabe.concept import models as m
    from teilhabe.directory.models import Organisation
    from teilhabe.municipalities.models import Municipality

    call_command("migrate", verbosity=0)
    rng = random.Random(3)
    batch = 2000
    due_dates = [dt.date(2021 + (i + 1) // 2, 5 if i % 2 == 0 else 10, 31) for i in range(rounds)]
    measured = None
    start_time = time.perf_counter()
    for index in range(municipalities):
        with transaction.atomic():
            municipality = Municipality.objects.create(
                name=f"Benchstadt {index}", slug=f"bench-{index}", ags=f"09{index:06d}", federal_state="BY"
            )
            m.ensure_default_statuses(municipality)
            statuses = list(m.Status.objects.filter(municipality=municipality).order_by("order"))
            organisations = Organisation.objects.bulk_create(
                Organisation(
                    municipality=municipality,
                    kind="department" if k < 13 else "partner",
                    name=f"{'Amt' if k < 13 else 'Partner'} {k} Benchstadt {index}",
                    short_name=f"O{k}",
                )
                for k in range(30)
            )
            concept = m.Concept.objects.create(
                municipality=municipality, title=f"Integrationskonzept Benchstadt {index}", short_name="KIK"
            )
            fields = m.FieldOfAction.objects.bulk_create(
                m.FieldOfAction(
                    municipality=municipality, concept=concept, number=f + 1, title=f"Handlungsfeld {f + 1}"
                )
                for f in range(6)
            )
            goals = []
            for g in range(40):
                field = fields[g % 6]
                number = f"{field.number}.{g // 6 + 1}"
                goals.append(
                    m.Goal(
                        municipality=municipality,
                        field_of_action=field,
                        number=number,
                        title=f"Ziel {number}",
                        sort_key=m.number_sort_key(number),
                    )
                )
            goals = m.Goal.objects.bulk_create(goals)
            measure_objects = []
            for k in range(measures):
                goal = goals[k % 40]
                number = f"{goal.number}.{k // 40 + 1}"
                start = dt.date(2021 + rng.randrange(4), 1 + rng.randrange(12), 1)
                measure_objects.append(
                    m.Measure(
                        municipality=municipality,
                        concept=concept,
                        field_of_action_id=goal.field_of_action_id,
                        goal=goal,
                        number=number,
                        title=f"Maßnahme {number} mit einem realistisch langen Titel über Teilhabe",
                        description="Beschreibung der Maßnahme. " * 5,
                        lead=organisations[rng.randrange(30)],
                        start=start,
                        end=start + dt.timedelta(days=365 * (1 + rng.randrange(3))),
                        ongoing=rng.random() < 0.2,
                        priority=rng.choice(["high", "medium", "low", ""]),
                        sort_key=m.number_sort_key(number),
                    )
                )
            measure_objects = m.Measure.objects.bulk_create(measure_objects, batch_size=batch)
            through = m.Measure.involved.through
            through.objects.bulk_create(
                [
                    through(measure_id=measure.pk, organisation_id=organisation.pk)
                    for measure in measure_objects
                    for organisation in rng.sample(organisations, 2)
                    if organisation.pk != measure.lead_id
                ],
                batch_size=batch,
            )
            stage = {measure.pk: 0 for measure in measure_objects}
            last_reports = {}
            for r, due in enumerate(due_dates):
                closed_at = timezone.make_aware(dt.datetime.combine(due + dt.timedelta(days=10), dt.time(12)))
                a_round = m.ReportingRound.objects.create(
                    municipality=municipality, concept=concept, title=f"Zwischenstand {r + 1}", due_date=due
                )
                reports = []
                for measure in measure_objects:
                    stage[measure.pk] = min(4, stage[measure.pk] + (rng.random() < 0.45))
                    status = statuses[stage[measure.pk]]
                    reports.append(
                        m.StatusReport(
                            municipality=municipality,
                            round=a_round,
                            measure=measure,
                            status=status,
                            done="Sachstand der Maßnahme in dieser Runde. " * 3,
                            state="accepted",
                            reported_at=closed_at,
                            reviewed_at=closed_at,
                            snapshot={
                                "measure": {
                                    "number": measure.number,
                                    "title": measure.title,
                                    "field_of_action": f"{measure.field_of_action_id}",
                                    "goal": "",
                                    "lead": "",
                                },
                                "status": {
                                    "id": status.pk,
                                    "name": status.name,
                                    "colour": status.colour,
                                    "progress": status.progress,
                                    "started": status.counts_as_started,
                                    "implemented": status.counts_as_implemented,
                                },
                                "state": "accepted",
                            },
                        )
                    )
                reports = m.StatusReport.objects.bulk_create(reports, batch_size=batch)
                counts = {}
                for report in reports:
                    counts[report.status_id] = counts.get(report.status_id, 0) + 1
                by_pk = {s.pk: s for s in statuses}
                summary = {
                    "measures": len(measure_objects),
                    "reported": len(reports),
                    "started": sum(n for pk, n in counts.items() if by_pk[pk].counts_as_started),
                    "implemented": sum(n for pk, n in counts.items() if by_pk[pk].counts_as_implemented),
                    "without_status": 0,
                    "statuses": [
                        {"id": s.pk, "name": s.name, "colour": s.colour, "progress": s.progress,
                         "started": s.counts_as_started, "implemented": s.counts_as_implemented,
                         "count": counts[s.pk]}
                        for s in statuses if s.pk in counts
                    ],
                }  # fmt: skip
                m.ReportingRound.objects.filter(pk=a_round.pk).update(closed_at=closed_at, summary=summary)
                last_reports = {report.measure_id: report for report in reports}
            for measure in measure_objects:
                report = last_reports[measure.pk]
                measure.current_report_id = report.pk
                measure.current_status_id = report.status_id
            m.Measure.objects.bulk_update(
                measure_objects, ["current_report", "current_status"], batch_size=batch
            )
            if index == MEASURED_INDEX:
                user = User.objects.create_user(
                    username="amt@bench.example", email="amt@bench.example", password="x" * 12
                )
                Membership.objects.create(user=user, municipality=municipality, role=OFFICE)
                measured = {"slug": municipality.slug, "concept": concept.pk, "user": user.username}
        if index % 50 == 49:
            print(f"  {index + 1} municipalities ({time.perf_counter() - start_time:.0f} s)", file=sys.stderr)
    return measured


# --- measuring -----------------------------------------------------------------------------------------


def measure_pages(target: dict, requests: int, warmup: int = 5) -> dict:
    from django.urls import NoReverseMatch, reverse

    client = logged_in_client(target["user"])
    results = {}
    for name in PAGES:
        try:
            url = reverse(name, args=[target["slug"], target["concept"]])
        except NoReverseMatch:
            results[name] = {"missing": True}
            continue
        results[name] = time_page(client, url, requests, warmup)
    return results


def child(args) -> None:
    """One step in a fresh process: build or measure one database; prints JSON on the last line."""
    setup_django(args.url)
    if args.child == "build-small":
        info = build_small()
    elif args.child == "build-large":
        info = build_large(LARGE["municipalities"], LARGE["measures"], LARGE["rounds"])
    else:
        info = measure_pages(json.loads(args.target), args.requests)
    if args.child.startswith("build"):
        analyze()
    print(json.dumps(info))


def main() -> None:
    args = start(__doc__, child)
    if args is None:
        return  # a child step ran
    failures = 0
    print(
        f"Concept pages for one municipality: {args.requests} requests per page and database, in "
        f"{args.rounds} alternating runs of small and large, each after 5 warm-up requests.\n"
        f"small = demo (144 measures, 2 closed + 1 open round, 1 municipality); large = "
        f"{LARGE['municipalities']} municipalities x {LARGE['measures']} measures x {LARGE['rounds']} rounds.\n"
        f"Targets: large/small <= {TARGET_RATIO}, p95 < {TARGET_P95_MS:.0f} ms."
    )
    for engine, urls in database_urls("concept").items():
        targets = {
            size: prepare(__file__, "concept", engine, size, urls[size], LARGE, args.rebuild)
            for size in ("small", "large")
        }
        # Small and large alternate, several times, so that both see the same load on the machine.
        results = alternate(__file__, urls, targets, args.requests, args.rounds)
        print(f"\n{engine}: wall-clock ms p50/p95 (CPU ms p50 of the Django process), queries per page")
        print(
            f"  {'page':<22}{'small':>22}{'q':>4}{'large':>23}{'q':>4}"
            f"{'ratio p50':>11}{'ratio p95':>11}{'ratio cpu':>11}  verdict"
        )
        for name in PAGES:
            small, large = results["small"][name], results["large"][name]
            if small.get("missing") or large.get("missing"):
                print(f"  {name:<22}  (no such URL)")
                continue
            s50, s95, scpu = percentiles(small)
            l50, l95, lcpu = percentiles(large)
            ok = l50 / s50 <= TARGET_RATIO and l95 < TARGET_P95_MS and s95 < TARGET_P95_MS
            failures += not ok
            print(
                f"  {name:<22}{s50:>8.1f}/{s95:<6.1f} ({scpu:>4.1f}){small['queries']:>4}"
                f"{l50:>9.1f}/{l95:<6.1f} ({lcpu:>4.1f}){large['queries']:>4}"
                f"{l50 / s50:>11.2f}{l95 / s95:>11.2f}{lcpu / scpu:>11.2f}  {'ok' if ok else 'MISSED'}"
            )
        print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"\n{'All targets met.' if not failures else f'{failures} page(s) missed a target.'}")


if __name__ == "__main__":
    main()
