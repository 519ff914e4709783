"""Live progress of a running job: a small JSON file per job, beside the private uploads.

Why a file and not the job row: a job's writes run in one transaction (all-or-nothing), so progress written
to the database from inside it would stay invisible until the end, and on SQLite a second connection writing
the row meanwhile would break that transaction. A file is seen at once by every web process on the machine
(or on every node, as the data directory is shared like the uploads). A heartbeat thread touches the file
while the job runs; a running job whose file has not been touched for JOB_STALE_AFTER seconds lost its worker.
The job row gets the last step when the job ends.
"""

import json
import os
import threading
import time
from pathlib import Path

from django.conf import settings


def progress_path(job_id: int) -> Path:
    return Path(settings.JOB_PROGRESS_DIR) / ("%d.json" % job_id)


def write(job_id: int, step: str, percent: int | None, params: dict) -> None:
    path = progress_path(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp-%d-%d" % (os.getpid(), threading.get_ident()))
    temporary.write_text(json.dumps({"step": step, "percent": percent, "params": params}), encoding="utf-8")
    os.replace(temporary, path)


def read(job_id: int) -> dict | None:
    """{"step", "percent", "params", "beat"} or None when the job has no live progress (not running)."""
    path = progress_path(job_id)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["beat"] = path.stat().st_mtime
    except (OSError, ValueError):
        return None
    return data


def last_beat(job_id: int) -> float | None:
    try:
        return progress_path(job_id).stat().st_mtime
    except OSError:
        return None


def remove(job_id: int) -> None:
    progress_path(job_id).unlink(missing_ok=True)


class Heartbeat:
    """Touches the job's progress file every JOB_HEARTBEAT_SECONDS while the job runs (a daemon thread)."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="job-heartbeat-%d" % job_id, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)

    def _beat(self):
        interval = float(settings.JOB_HEARTBEAT_SECONDS)
        while not self._stop.wait(interval):
            path = progress_path(self.job_id)
            try:
                now = time.time()
                os.utime(path, (now, now))
            except OSError:
                pass  # the job just ended and removed its file
