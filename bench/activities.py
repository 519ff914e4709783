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

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from concept import (  # noqa: E402  (shared helpers of the benchmarks)
    drop_postgres_database,
    ensure_postgres_database,
    percentiles,
    setup_django,
)

CACHE = ROOT / "var" / "bench"
PAGES = ["activities:list", "activities:past", "activities:calendar"]
LARGE = 2000
TARGET_CPU_MS = (
    100.0  # median CPU time per request at 2,000 activities (wall times follow the machine's load)
)


def database_urls() -> dict[str, dict[str, str]]:
    urls = {
        "sqlite": {size: f"sqlite:///{CACHE / f'activities-{size}.sqlite3'}" for size in ("small", "large")}
    }
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(base)
        name = parts.path.lstrip("/") or "teilhabe"
        urls["postgresql"] = {
            size: urlunsplit(parts._replace(path=f"/{name}_activities_{size}")) for size in ("small", "large")
        }
    return urls


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
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from teilhabe.accounts.models import User

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    client.force_login(User.objects.get(username=target["user"]))
    results = {}
    for name in PAGES:
        url = reverse(name, args=[target["slug"]])
        for _ in range(warmup):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{name}: HTTP {response.status_code} for {url}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)
        wall, cpu = [], []
        for _ in range(requests):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        results[name] = {"wall": wall, "cpu": cpu, "queries": query_count, "bytes": len(response.content)}
    return results


def child(args) -> None:
    setup_django(args.url)
    if args.child.startswith("build-"):
        info = build(args.child.removeprefix("build-"))
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        info = measure_pages(json.loads(args.target), args.requests)
    print(json.dumps(info))


def run_child(step: str, url: str, **extra) -> dict:
    command = [sys.executable, __file__, "--child", step, "--url", url]
    for key, value in extra.items():
        command += [f"--{key}", str(value)]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def prepare(engine: str, size: str, url: str, rebuild: bool) -> dict:
    marker = CACHE / f"activities-{engine}-{size}.json"
    if marker.exists() and not rebuild:
        info = json.loads(marker.read_text())
        if info.get("large") == LARGE:
            return info["target"]
    if engine == "sqlite":
        Path(urlsplit(url).path).unlink(missing_ok=True)
    else:
        drop_postgres_database(url)
        ensure_postgres_database(url)
    started = time.perf_counter()
    print(f"Building the {size} {engine} database …", file=sys.stderr)
    target = run_child(f"build-{size}", url)
    print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    marker.write_text(json.dumps({"large": LARGE, "target": target}))
    return target


def load() -> str:
    return "%.2f %.2f %.2f" % os.getloadavg()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3, help="alternate small and large this many times")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    failures = 0
    for engine, urls in database_urls().items():
        targets = {size: prepare(engine, size, urls[size], args.rebuild) for size in ("small", "large")}
        print(
            f"Activity pages ({engine}): {args.requests} requests per page and database in {args.rounds} "
            f"alternating runs, each after 5 warm-up requests. small = demo ({targets['small']['activities']} "
            f"activities), large = demo + {LARGE} ({targets['large']['activities']} activities). "
            f"Load average before: {load()}."
        )
        results: dict = {"small": {}, "large": {}}
        per_round = max(1, args.requests // args.rounds)
        for _round in range(args.rounds):
            for size in ("small", "large"):
                measured = run_child(
                    "measure", urls[size], target=json.dumps(targets[size]), requests=per_round
                )
                for name, figures in measured.items():
                    merged = results[size].setdefault(name, {**figures, "wall": [], "cpu": []})
                    merged["wall"] += figures["wall"]
                    merged["cpu"] += figures["cpu"]
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
