"""Benchmark of the registration pages (issue 15): do the public list, the public feed, the participant list
and its exports stay fast at 2,000 activities and 2,000 registrations?

Usage::

    .venv/bin/python bench/registrations.py                 # a fresh SQLite file under var/bench/
    .venv/bin/python bench/registrations.py --requests 40

One process per size (small: 20 public activities and 20 registrations; large: 2,000 of each, built in bulk,
not through the named actions: the point is the pages). Logged in as office staff with django.test.Client,
each page is requested 3 times to warm up, then N times; printed: p50/p95 wall time, SQL queries per page,
and the ratio large/small. Target: p95 < 300 ms at 2,000. The query counts stay fixed (bounded by the tests in
teilhabe/registrations/tests and teilhabe/activities/tests/test_feeds.py); what grows with the size is
rendering: the participant list and its XLSX per row, the feed per VEVENT (icalendar's serialisation).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _timing import percentiles, setup_django  # noqa: E402  (the benchmarks' shared harness)

CACHE = ROOT / "var" / "bench"
SIZES = {"small": 20, "large": 2000}
TARGET_P95_MS = 300.0


def build(count: int) -> dict:
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from teilhabe.accounts.models import Membership, User
    from teilhabe.activities.models import Activity
    from teilhabe.activities.testdata import many_activities
    from teilhabe.municipalities.models import Municipality
    from teilhabe.registrations.models import Registration, RegistrationSettings

    call_command("migrate", verbosity=0)
    municipality = Municipality.objects.create(
        name="Benchstadt", slug="benchstadt", ags="09999999", federal_state="BY"
    )
    user = User.objects.create_user(username="amt@bench.example", email="amt@bench.example", password="x")
    Membership.objects.create(user=user, municipality=municipality, role="office")
    today = timezone.localdate()
    activities = many_activities(municipality, count, today)
    Activity.objects.filter(pk__in=[a.pk for a in activities]).update(public=True)
    fair = activities[-1]
    Activity.objects.filter(pk=fair.pk).update(
        first_on=today + datetime.timedelta(days=10), last_on=today + datetime.timedelta(days=10)
    )
    RegistrationSettings.objects.create(
        municipality=municipality,
        activity=fair,
        is_open=True,
        capacity=count // 2,
        consent_text="Einwilligung",
    )
    now = timezone.now()
    Registration.objects.bulk_create(
        Registration(
            municipality=municipality,
            activity=fair,
            name=f"Person {i}",
            email=f"p{i}@example.org",
            language="de",
            people=1,
            consent_text="Einwilligung",
            consented_at=now,
            status="confirmed" if i < count // 2 else "waiting",
        )
        for i in range(count)
    )
    return {"slug": municipality.slug, "activity": fair.pk}


def measure(target: dict, requests: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from teilhabe.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="amt@bench.example"))
    slug, pk = target["slug"], target["activity"]
    pages = {
        "events:list": reverse("events:list", args=[slug]),
        "feeds:public": reverse("feeds:public", args=[slug]),
        "registrations:participants": reverse("registrations:participants", args=[slug, pk]),
        "registrations:export_xlsx": reverse("registrations:export_xlsx", args=[slug, pk]),
    }
    results = {}
    for name, url in pages.items():
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        figures = {"wall": [], "cpu": []}
        queries = []

        def count(execute, sql, params, many, context, seen=queries):
            seen.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        for _ in range(requests):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            figures["wall"].append((time.perf_counter() - wall) * 1000)
            figures["cpu"].append((time.process_time() - cpu) * 1000)
        p50, p95, cpu50 = percentiles(figures)
        results[name] = {"p50": p50, "p95": p95, "cpu": cpu50, "queries": len(queries)}
    return results


def child(size: str, requests: int) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"registrations-{size}.sqlite3"
    path.unlink(missing_ok=True)
    setup_django(f"sqlite:///{path}")
    target = build(SIZES[size])
    print(json.dumps(measure(target, requests)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.requests)
        return
    figures = {}
    for size in SIZES:
        out = subprocess.run(
            [sys.executable, __file__, "--child", size, "--requests", str(args.requests)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures[size] = json.loads(out.strip().splitlines()[-1])
    print(f"registration pages, SQLite, {args.requests} requests each (ms; queries)")
    print(
        f"{'page':<30} {'small p50':>10} {'large p50':>10} {'large p95':>10} {'ratio':>6} {'queries s/l':>12}"
    )
    worst = 0.0
    for name, small in figures["small"].items():
        large = figures["large"][name]
        ratio = large["p50"] / small["p50"] if small["p50"] else 0.0
        worst = max(worst, large["p95"])
        print(
            f"{name:<30} {small['p50']:>10.1f} {large['p50']:>10.1f} {large['p95']:>10.1f} {ratio:>6.1f}"
            f" {small['queries']:>5}/{large['queries']:<6}"
        )
    print(f"worst p95 at {SIZES['large']:,}: {worst:.0f} ms (target < {TARGET_P95_MS:.0f} ms)")


if __name__ == "__main__":
    main()
