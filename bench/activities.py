"""Benchmark of the activity pages (issue 15): does the list stay fast at 2,000 activities?

Usage::

    .venv/bin/python bench/activities.py                  # SQLite files under var/bench/
    .venv/bin/python bench/activities.py --requests 60 --rebuild
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teilhabe .venv/bin/python bench/activities.py
                                                          # also PostgreSQL (<name>_activities_small/_large)

Two databases, built once (cached) and measured each in its own process:

- small: the demo (Musterstadt with the seed's activities, about 20);
- large: the demo plus 2,000 activities around today (teilhabe/activities/testdata.many_activities: one
  date, a place, a partner and a target group each).

Logged in as office staff with django.test.Client, it requests the upcoming list, the past list and the
month calendar of the current month (activities:list, activities:past, activities:calendar), 5 times to warm
up and then N times in alternating runs, and prints p50/p95, SQL queries per page, the ratio large/small and
the load average. Target: median CPU time < 100 ms per request at 2,000 activities (the query counts are bounded by the tests in
teilhabe/activities/tests/test_query_bounds.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _timing import (  # noqa: E402  (the benchmarks' shared harness)
    alternate,
    analyze,
    database_urls,
    load,
    logged_in_client,
    percentiles,
    prepare,
    setup_django,
    start,
    time_page,
)

PAGES = ["activities:list", "activities:past", "activities:calendar"]
LARGE = 2000
TARGET_CPU_MS = (
    100.0  # median CPU time per request at 2,000 activities (wall times follow the machine's load)
)


def build(size: str) -> dict:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from teilhabe.accounts import demo as account_demo
    from teilhabe.activities import demo as activities_demo
    from teilhabe.activities.testdata import many_activities
    from teilhabe.concept import demo as concept_demo
    from teilhabe.directory import demo as directory_demo
    from teilhabe.municipalities import demo as municipality_demo

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        municipality = municipality_demo.load_municipality()
        directory_demo.load_demo(municipality)
        concept_demo.load_demo(municipality)
        activities_demo.load_demo(municipality)
        if size == "large":
            many_activities(municipality, LARGE, timezone.localdate())
        account_demo.load_users(municipality)
    from teilhabe.activities.models import Activity

    return {
        "slug": municipality.slug,
        "user": account_demo.DEMO_USERS[0][0],
        "activities": Activity.objects.filter(municipality=municipality).count(),
    }


def measure_pages(target: dict, requests: int, warmup: int = 5) -> dict:
    from django.urls import reverse

    client = logged_in_client(target["user"])
    return {name: time_page(client, reverse(name, args=[target["slug"]]), requests, warmup) for name in PAGES}


def child(args) -> None:
    setup_django(args.url)
    if args.child.startswith("build-"):
        info = build(args.child.removeprefix("build-"))
        analyze()
    else:
        info = measure_pages(json.loads(args.target), args.requests)
    print(json.dumps(info))


def main() -> None:
    args = start(__doc__, child)
    if args is None:
        return  # a child step ran
    failures = 0
    for engine, urls in database_urls("activities").items():
        targets = {
            size: prepare(__file__, "activities", engine, size, urls[size], {"large": LARGE}, args.rebuild)
            for size in ("small", "large")
        }
        print(
            f"Activity pages ({engine}): {args.requests} requests per page and database in {args.rounds} "
            f"alternating runs, each after 5 warm-up requests. small = demo ({targets['small']['activities']} "
            f"activities), large = demo + {LARGE} ({targets['large']['activities']} activities). "
            f"Load average before: {load()}."
        )
        results = alternate(__file__, urls, targets, args.requests, args.rounds)
        print(f"{'page':<22} {'size':<6} {'p50 ms':>8} {'p95 ms':>8} {'cpu ms':>8} {'queries':>8} {'kB':>6}")
        for name in PAGES:
            p50 = {}
            for size in ("small", "large"):
                figures = results[size][name]
                median, p95, cpu = percentiles(figures)
                p50[size] = median
                print(
                    f"{name:<22} {size:<6} {median:8.1f} {p95:8.1f} {cpu:8.1f} {figures['queries']:8d} "
                    f"{figures['bytes'] / 1000:6.0f}"
                )
                if size == "large" and cpu > TARGET_CPU_MS:
                    failures += 1
            same = results["small"][name]["queries"] == results["large"][name]["queries"]
            print(
                f"{'':<22} ratio large/small p50 {p50['large'] / p50['small']:.2f}; queries "
                f"{'equal' if same else 'DIFFER'}"
            )
        print(f"Load average after: {load()}.")
    if failures:
        print(f"{failures} target(s) missed.")
        sys.exit(1)


if __name__ == "__main__":
    main()
