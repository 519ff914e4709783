"""Load test: simulated people on a running Teilhabe (locust, headless), then a check that no write was lost.

    DATABASE_URL=postgres://…/teilhabe_bench teilhabe migrate && teilhabe demo     # the demo data
    DATABASE_URL=… SECRET_KEY=… HTTPS=0 gunicorn teilhabe.wsgi -w 2 -b 127.0.0.1:8115
    DATABASE_URL=… python bench/load.py --host http://127.0.0.1:8115 --users 50 --minutes 5

`make bench-load` does all three steps (PostgreSQL on 127.0.0.1:5432, port 8115). Each simulated person logs in
as the demo's office or one of its editors and, with 1–5 s think time, opens the dashboard, the measure list,
the matrix, the directory, the Faktencheck and the public pages, and writes status reports into the open round
(each person its own measures, each text unique). Printed: requests, errors (goal 0), p50/p95 per page. Then,
reading the database directly: every report save that was answered with success is in the audit trail exactly
once, and each report holds the text of the last save made to it. Exit status 1 on any error or lost or
duplicated write.
"""

import argparse
import os
import re
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

from gevent import monkey

monkey.patch_all()

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

SLUG = "musterstadt"
PASSWORD = "musterstadt"
ACCOUNTS = ["amt@musterstadt.example"]  # the office may write every measure's report
READERS = ["kulturamt@musterstadt.example", "caritas@musterstadt.example", "beirat@musterstadt.example"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
STATUS = re.compile(r'<option value="(\d+)"')

WRITES: list[tuple[int, str]] = []  # (measure id, text) of every save answered with success
PLAN: dict = {}


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
    import django

    django.setup()


def plan():
    """Ids the simulated people need, read once from the database: the concept, its open round, measures."""
    from teilhabe.concept.models import Concept, Measure, ReportingRound

    concept = Concept.objects.filter(municipality__slug=SLUG).order_by("-is_current", "pk").first()
    if concept is None:
        sys.exit("no demo data: run `teilhabe demo` on this database first")
    a_round = ReportingRound.objects.filter(concept=concept, closed_at__isnull=True).order_by("-pk").first()
    if a_round is None:
        sys.exit("the demo concept has no open reporting round")
    measures = list(Measure.objects.filter(concept=concept).order_by("sort_key").values_list("pk", flat=True))
    return {"concept": concept.pk, "round": a_round.pk, "measures": measures}


class Person(HttpUser):
    wait_time = between(1, 5)
    number = 0

    def on_start(self):
        Person.number += 1
        self.index = Person.number
        self.writer = self.index % 3 != 0  # two in three people write reports; the others only read
        email = ACCOUNTS[0] if self.writer else READERS[self.index % len(READERS)]
        page = self.client.get("/konto/anmelden/", name="login form")
        token = CSRF.search(page.text).group(1)
        with self.client.post(
            "/konto/anmelden/",
            {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"login {answer.status_code}")
        measures = PLAN["measures"]
        # each writer its own measures, so its saves never meet another person's
        self.own = measures[self.index :: 60] or measures[:1]

    def _get(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

    @task(4)
    def dashboard(self):
        self._get(f"/{SLUG}/konzept/{PLAN['concept']}/", "dashboard")

    @task(3)
    def measure_list(self):
        self._get(f"/{SLUG}/konzept/{PLAN['concept']}/massnahmen/", "measure list")

    @task(2)
    def matrix(self):
        self._get(f"/{SLUG}/konzept/{PLAN['concept']}/matrix/", "matrix")

    @task(2)
    def directory(self):
        self._get(f"/{SLUG}/adressbuch/", "directory")

    @task(2)
    def factcheck(self):
        self._get(f"/{SLUG}/faktencheck/", "faktencheck")

    @task(2)
    def public(self):
        self._get(f"/{SLUG}/oeffentlich/", "public home")
        self._get(f"/{SLUG}/oeffentlich/faktencheck/", "public faktencheck")

    @task(3)
    def write_report(self):
        if not self.writer:
            return
        measure = self.own[len(WRITES) % len(self.own)]
        path = f"/{SLUG}/konzept/runden/{PLAN['round']}/massnahmen/{measure}/"
        with self.client.get(path, name="report form", catch_response=True) as form:
            if form.status_code != 200:
                form.failure(f"{form.status_code}")
                return
        text = f"Lasttest {uuid.uuid4().hex}"
        data = {
            "csrfmiddlewaretoken": CSRF.search(form.text).group(1),
            "status": STATUS.search(form.text).group(1),
            "done": text,
            "next_steps": "",
            "obstacles": "",
            "aktion": "entwurf",
        }
        version = VERSION.search(form.text)
        if version:
            data["version"] = version.group(1)
        with self.client.post(
            path, data, name="report save", allow_redirects=False, catch_response=True
        ) as saved:
            if saved.status_code == 302:
                WRITES.append((measure, text))
            else:
                saved.failure(f"{saved.status_code}")


def verify_writes(since):
    """Every successful save once in the audit trail; each report holds its last save's text."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from teilhabe.concept.models import StatusReport

    report_type = ContentType.objects.get_for_model(StatusReport)
    entries = LogEntry.objects.filter(content_type=report_type, timestamp__gte=since)
    seen = defaultdict(int)
    for changes in entries.values_list("changes", flat=True):
        after = (changes if isinstance(changes, dict) else {}).get("done", [None, None])[1] or ""
        if after.startswith("Lasttest "):
            seen[after] += 1
    lost = [text for _m, text in WRITES if seen.get(text, 0) == 0]
    doubled = [text for _m, text in WRITES if seen.get(text, 0) > 1]
    last = {}
    for measure, text in WRITES:
        last[measure] = text
    reports = dict(
        StatusReport.objects.filter(round_id=PLAN["round"], measure_id__in=last).values_list(
            "measure_id", "done"
        )
    )
    wrong = [m for m, text in last.items() if reports.get(m) != text]
    return lost, doubled, wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="http://127.0.0.1:8115")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--spawn-rate", type=float, default=5)
    args = parser.parse_args()
    setup_django()
    PLAN.update(plan())

    env = Environment(user_classes=[Person], host=args.host)
    runner = env.create_local_runner()
    from django.utils import timezone

    since = timezone.now()
    started = time.monotonic()
    runner.start(args.users, spawn_rate=args.spawn_rate)
    import gevent

    gevent.spawn_later(args.minutes * 60, runner.quit)
    runner.greenlet.join()
    elapsed = time.monotonic() - started

    total = env.stats.total
    print(f"\n{args.users} simulated people, {elapsed / 60:.1f} min against {args.host}")
    print(f"requests {total.num_requests}, errors {total.num_failures}, {total.total_rps:.1f} requests/s")
    print(f"{'page':<20} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for (name, _method), entry in sorted(env.stats.entries.items()):
        print(
            f"{name:<20} {entry.num_requests:>8} {entry.num_failures:>6} "
            f"{entry.get_response_time_percentile(0.5):>7.0f} {entry.get_response_time_percentile(0.95):>7.0f} "
            f"{entry.max_response_time:>7.0f}"
        )
    for error in env.stats.errors.values():
        print(f"ERROR {error.method} {error.name}: {error.error} ×{error.occurrences}")
    lost, doubled, wrong = verify_writes(since)
    print(
        f"writes answered with success: {len(WRITES)}; in the audit trail exactly once: "
        f"{len(WRITES) - len(lost) - len(doubled)}; lost {len(lost)}, duplicated {len(doubled)}; "
        f"reports not holding their last save: {len(wrong)}"
    )
    ok = total.num_failures == 0 and not lost and not doubled and not wrong
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
