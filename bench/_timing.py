"""The timing harness the page benchmarks share (bench/concept.py, bench/activities.py,
bench/registrations.py).

A benchmark builds a small and a large database once (cached under var/bench/, SQLite always, PostgreSQL
when DATABASE_URL names one), then measures each in a fresh process ("child" steps of the same script that
print JSON on their last line), small and large in alternating rounds so both see the same machine load.
Each page is requested a few times to warm up, once to count its SQL queries, then N times for wall-clock
and CPU milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"


# --- the databases -------------------------------------------------------------------------------------


def database_urls(name: str) -> dict[str, dict[str, str]]:
    """{engine: {"small": url, "large": url}}: SQLite files `var/bench/<name>-<size>.sqlite3` always,
    PostgreSQL databases `<database>_<name>_<size>` when DATABASE_URL names one."""
    urls = {"sqlite": {size: f"sqlite:///{CACHE / f'{name}-{size}.sqlite3'}" for size in ("small", "large")}}
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(base)
        database = parts.path.lstrip("/") or "teilhabe"
        urls["postgresql"] = {
            size: urlunsplit(parts._replace(path=f"/{database}_{name}_{size}")) for size in ("small", "large")
        }
    return urls


def ensure_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}"')


def setup_django(url: str) -> None:
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "teilhabe.settings_test"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def analyze() -> None:
    """Planner statistics, as a database in use would have them (after building one)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def arguments(description: str) -> argparse.Namespace:
    """The command line of a page benchmark (and of its child steps)."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3, help="alternate small and large this many times")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    return parser.parse_args()


def start(description: str, child) -> argparse.Namespace | None:
    """The command line: a child step is run by `child(args)` (None is returned), else the cache directory is
    made and the arguments returned."""
    args = arguments(description)
    if args.child:
        child(args)
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    return args


# --- processes -----------------------------------------------------------------------------------------


def run_child(script: str, step: str, url: str, **extra) -> dict:
    """Run `script --child step --url url --key value …` and return the JSON of its last output line."""
    command = [sys.executable, script, "--child", step, "--url", url]
    for key, value in extra.items():
        command += [f"--{key}", str(value)]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def prepare(script: str, name: str, engine: str, size: str, url: str, params, rebuild: bool) -> dict:
    """The target of one database (slug, user, …), built by the child step `build-<size>` unless a marker
    with the same `params` says it is built already."""
    marker = CACHE / f"{name}-{engine}-{size}.json"
    if marker.exists() and not rebuild:
        info = json.loads(marker.read_text())
        if info.get("params") == params:
            return info["target"]
    if engine == "sqlite":
        Path(urlsplit(url).path).unlink(missing_ok=True)
    else:
        drop_postgres_database(url)
        ensure_postgres_database(url)
    started = time.perf_counter()
    print(f"Building the {size} {engine} database …", file=sys.stderr)
    target = run_child(script, f"build-{size}", url)
    print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    marker.write_text(json.dumps({"params": params, "target": target}))
    return target


def alternate(script: str, urls: dict, targets: dict, requests: int, rounds: int) -> dict:
    """{size: {page: figures}} measured by the child step `measure`, small and large in turns."""
    results: dict = {"small": {}, "large": {}}
    per_round = max(1, requests // rounds)
    for _round in range(rounds):
        for size in ("small", "large"):
            measured = run_child(
                script, "measure", urls[size], target=json.dumps(targets[size]), requests=per_round
            )
            for page, figures in measured.items():
                merged = results[size].setdefault(page, {**figures, "wall": [], "cpu": []})
                if not figures.get("missing"):
                    merged["wall"] += figures["wall"]
                    merged["cpu"] += figures["cpu"]
    return results


# --- measuring -----------------------------------------------------------------------------------------


def logged_in_client(username: str):
    """A test client logged in as `username`, keeping one database connection across requests (as Django's
    test runner does), so that the figures are render time and the query log survives the request."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test import Client

    from teilhabe.accounts.models import User

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def time_page(client, url: str, requests: int, warmup: int = 5) -> dict:
    """{"wall": [ms], "cpu": [ms], "queries": n, "bytes": n} of `requests` GETs of `url`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"HTTP {response.status_code} for {url}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # now: the log is cleared at the next request
    wall, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {"wall": wall, "cpu": cpu, "queries": query_count, "bytes": len(response.content)}


def percentiles(figures: dict) -> tuple[float, float, float]:
    """(p50 wall, p95 wall, p50 CPU) in milliseconds."""
    wall = sorted(figures["wall"])
    return (
        statistics.median(wall),
        statistics.quantiles(wall, n=20, method="inclusive")[18],
        statistics.median(figures["cpu"]),
    )


def load() -> str:
    return "%.2f %.2f %.2f" % os.getloadavg()
