"""A real `db_worker` process for the integration tests, on the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from teilhabe.jobs.models import Job

PROJECT_DIR = Path(__file__).resolve().parents[3]


def start_worker(*args, stale_after: int | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "teilhabe.jobs.tests.worker_settings",
        "TEILHABE_TEST_DATABASE": str(connection.settings_dict["NAME"]),
        "PRIVATE_UPLOAD_DIR": str(settings.PRIVATE_UPLOAD_DIR),
        "JOB_PROGRESS_DIR": str(settings.JOB_PROGRESS_DIR),
        "JOB_HEARTBEAT_SECONDS": "1",
        "JOB_STALE_AFTER": str(stale_after or settings.JOB_STALE_AFTER),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "teilhabe.jobs.tests.run_worker", *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, timeout=90.0, interval=0.2, worker: subprocess.Popen | None = None):
    """Poll until condition() is true; fail with the worker's output if it does not happen in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if worker is not None and worker.poll() is not None:
            raise AssertionError("worker ended early:\n%s" % worker.stdout.read())
        time.sleep(interval)
    output = ""
    if worker is not None:
        worker.kill()
        output = worker.communicate()[0]
    raise AssertionError("timed out waiting; worker output:\n%s" % output)


def states(*jobs) -> list[str]:
    return list(
        Job.objects.filter(pk__in=[j.pk for j in jobs]).order_by("pk").values_list("state", flat=True)
    )


def stop(worker: subprocess.Popen) -> str:
    if worker.poll() is None:
        worker.terminate()
    try:
        return worker.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        worker.kill()
        return worker.communicate()[0]
