"""Benchmark: a large register extract uploaded through the page returns at once; a real worker does the work.

Usage::

    .venv/bin/python bench/upload.py                  # 10M rows, CSV
    .venv/bin/python bench/upload.py --rows 1000000   # quicker

It sets up a fresh SQLite installation in a temporary data directory, starts gunicorn (as production does)
and one `teilhabe db_worker`, logs in an office user, and POSTs the extract (generated once by
statistics/large_extract.py, cached under var/bench/ or ``$BENCH_DIR``) to the upload page over HTTP, streamed from disk. It
prints how long the request took (the page must return at once, before any of the work), how long the job
waited and ran in the worker, the steps the job page showed while polling, and the worker's peak memory.
Targets: the request returns in well under the processing time (< 20 % of it from 1M rows, and < 30 s for
10M rows),
and the job succeeds with the same residents count as rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
#: Where the generated extracts are kept (``BENCH_DIR`` overrides it, e.g. ``/tmp/bench``; shared with
#: bench/factcheck.py, which writes the same ISO files).
CACHE = Path(os.environ.get("BENCH_DIR") or ROOT / "var" / "bench")
REFERENCE_DATE = dt.date(2023, 12, 31)
BIN = Path(sys.executable).parent


def extract_file(rows: int, parquet: bool) -> Path:
    path = CACHE / ("extract_%d.%s" % (rows, "parquet" if parquet else "csv"))
    if not path.exists():
        from teilhabe.statistics.large_extract import write_large_extract

        print("generating %s ..." % path.name, flush=True)
        write_large_extract(path, rows, REFERENCE_DATE)
    return path


def setup_django(var_dir: Path, port: int) -> dict:
    env = {
        **os.environ,
        "TEILHABE_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "teilhabe.settings",
        "HTTPS": "False",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "SITE_URL": "http://127.0.0.1:%d" % port,
    }
    env.pop("DATABASE_URL", None)
    env.pop("DEBUG", None)
    os.environ.update(env)
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("DEBUG", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return env


def office_session():
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from teilhabe.accounts.models import Membership, User
    from teilhabe.municipalities.models import Municipality

    municipality = Municipality.objects.create(
        name="Benchstadt", slug="benchstadt", ags="09762000", federal_state="BY"
    )
    user = User.objects.create_user(
        username="amt@bench.example", email="amt@bench.example", password=secrets.token_hex(8)
    )
    Membership.objects.create(user=user, municipality=municipality, role="office")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return municipality, session.session_key


def wait_http(port: int, path: str = "/healthz", timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not start")


def upload(port: int, url: str, session_key: str, path: Path) -> tuple[float, int, str]:
    """POST the file as multipart/form-data, streamed from disk; returns (seconds, status, Location)."""
    csrf = secrets.token_hex(16)  # 32 characters: Django compares a 32-character form token directly
    boundary = "----teilhabe%s" % secrets.token_hex(8)
    fields = {"csrfmiddlewaretoken": csrf, "reference_date": REFERENCE_DATE.isoformat()}
    head = "".join(
        '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, k, v)
        for k, v in fields.items()
    )
    head += (
        '--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n'
        % (
            boundary,
            path.name,
        )
    )
    tail = "\r\n--%s--\r\n" % boundary
    length = len(head.encode()) + path.stat().st_size + len(tail.encode())
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.putrequest("POST", url)
    conn.putheader("Content-Type", "multipart/form-data; boundary=%s" % boundary)
    conn.putheader("Content-Length", str(length))
    conn.putheader("Cookie", "sessionid=%s; csrftoken=%s" % (session_key, csrf))
    conn.endheaders()
    conn.send(head.encode())
    with open(path, "rb") as source:
        while chunk := source.read(1 << 20):
            conn.send(chunk)
    conn.send(tail.encode())
    response = conn.getresponse()
    response.read()
    return time.perf_counter() - started, response.status, response.getheader("Location", "")


def peak_rss_mb(pid: int) -> float | None:
    try:
        text = Path("/proc/%d/status" % pid).read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--parquet", action="store_true")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8101")))
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="teilhabe-bench-upload-"))
    (var_dir / "static").mkdir()
    env = setup_django(var_dir, args.port)
    path = extract_file(args.rows, args.parquet)  # after Django's setup: the generator's messages use gettext
    municipality, session_key = office_session()

    from teilhabe.jobs.models import Job

    worker = subprocess.Popen(
        [str(BIN / "teilhabe"), "db_worker", "--no-reload", "--interval", "0.2", "--verbosity", "0"],
        env=env,
        cwd=ROOT,
    )
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "teilhabe.wsgi",
            "--bind",
            "127.0.0.1:%d" % args.port,
            "--workers",
            "2",
            "--timeout",
            "600",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_http(args.port)
        url = "/%s/faktencheck/registerauszug/" % municipality.slug
        request_seconds, status, location = upload(args.port, url, session_key, path)
        if status != 302 or "/aufgaben/" not in location:
            raise SystemExit("upload answered %s %s" % (status, location))
        job_id = int(location.rstrip("/").split("/")[-1])
        steps, last = [], None
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        while True:
            job = Job.objects.get(pk=job_id)
            conn.request(
                "GET",
                "/%s/aufgaben/%d/fortschritt/" % (municipality.slug, job_id),
                headers={"Cookie": "sessionid=%s" % session_key},
            )
            body = conn.getresponse().read().decode()
            step = re.search(r'job-progress__step">([^<]*)<', body)
            percent = re.search(r'value="(\d+)"', body)
            shown = (step.group(1) if step else job.get_state_display(), percent.group(1) if percent else "")
            if shown != last:
                steps.append((time.perf_counter(), shown))
                last = shown
            if job.is_done:
                break
            time.sleep(0.5)
        worker_peak = peak_rss_mb(worker.pid)
    finally:
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)

    waited = (job.started_at - job.created_at).total_seconds()
    ran = (job.finished_at - job.started_at).total_seconds()
    size_mb = path.stat().st_size / 1e6
    print()
    print("file                %s (%.0f MB, %s rows)" % (path.name, size_mb, format(args.rows, ",")))
    print("upload request      %.2f s (HTTP %s, redirect to the job page)" % (request_seconds, status))
    print("job waited          %.2f s in the queue" % waited)
    print("job ran             %.2f s in the worker (%s rows/s)" % (ran, format(int(args.rows / ran), ",")))
    print("job state           %s%s" % (job.state, "" if job.state == "succeeded" else ": " + job.error_text))
    if job.result and "residents" in job.result:
        print(
            "residents           %s (rows: %s)"
            % (format(job.result["residents"], ","), format(args.rows, ","))
        )
    print("worker peak memory  %s MB" % ("%.0f" % worker_peak if worker_peak else "?"))
    print("steps the page showed:")
    start = steps[0][0] if steps else 0
    for at, (text, percent) in steps:
        print("  +%6.1f s  %s%s" % (at - start, text, " (%s %%)" % percent if percent else ""))
    ratio = request_seconds / ran if ran else float("inf")
    # For small files the ratio says little (a job needs a second or two whatever the size).
    ok = job.state == "succeeded" and (args.rows < 1_000_000 or ratio < 0.2)
    ok = ok and (args.rows < 10_000_000 or request_seconds < 30)
    print(
        "request / processing = %.2f (target < 0.20 from 1M rows): %s" % (ratio, "met" if ok else "NOT met")
    )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
