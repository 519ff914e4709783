"""`.ci/audit` (pip-audit against the lock files) against a fake OSV vulnerability service on 127.0.0.1.

The real services cannot be reached from CI's network, so without this the branch that fails a run was never
exercised. The fake answers OSV's `/v1/query` like osv.dev: one known vulnerability for `django==3.2.0`,
nothing for anything else. Outside calls are impossible here: every proxy points at a closed port and only
127.0.0.1 is reached directly.
"""

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VULNERABLE = ("django", "3.2.0")
ADVISORY = {
    "id": "GHSA-teil-habe-test",
    "summary": "A made-up vulnerability for the audit test",
    "affected": [
        {
            "package": {"name": "django", "ecosystem": "PyPI"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.2.1"}]}],
        }
    ],
}


class FakeOsv(BaseHTTPRequestHandler):
    queries = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.queries.append((query["package"]["name"], query["version"]))
        body = {"vulns": [ADVISORY]} if self.queries[-1] == VULNERABLE else {}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def osv():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOsv)
    FakeOsv.queries = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    server.shutdown()
    server.server_close()


def run_audit(tmp_path, osv_url, *pins):
    lock = tmp_path / "requirements.lock"
    lock.write_text("".join(f"{name}=={version}\n" for name, version in pins))
    closed = "http://127.0.0.1:9"  # nothing listens there: a call to the outside would fail, not leave
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "AUDIT_LOCKS": str(lock),
        "PIP_AUDIT_VULNERABILITY_SERVICE": "osv",
        "PIP_AUDIT_OSV_URL": osv_url,
        "HTTP_PROXY": closed,
        "HTTPS_PROXY": closed,
        "ALL_PROXY": closed,
        "NO_PROXY": "127.0.0.1",
    }
    done = subprocess.run(
        ["bash", str(ROOT / ".ci" / "audit")], env=env, capture_output=True, text=True, timeout=300
    )
    return done.returncode, done.stdout + done.stderr


def test_a_known_vulnerable_pin_fails_the_audit(tmp_path, osv):
    status, output = run_audit(tmp_path, osv, VULNERABLE, ("segno", "1.6.6"))
    assert status == 1, output
    assert "VULN django 3.2.0: GHSA-teil-habe-test (fixed in 3.2.1)" in output
    assert "pip-audit: FAIL: known vulnerabilities in" in output
    assert set(FakeOsv.queries) == {VULNERABLE, ("segno", "1.6.6")}


def test_clean_pins_pass_the_audit(tmp_path, osv):
    status, output = run_audit(tmp_path, osv, ("django", "5.2.19"), ("segno", "1.6.6"))
    assert status == 0, output
    assert "no known vulnerabilities in 2 pinned packages" in output
    assert ("django", "5.2.19") in FakeOsv.queries


def test_an_unreachable_service_is_reported_as_skipped_not_as_clean(tmp_path, osv):
    status, output = run_audit(tmp_path, "http://127.0.0.1:9/v1/query", VULNERABLE)
    assert status == 0, output
    assert "SKIPPED" in output and "no known vulnerabilities" not in output
    assert FakeOsv.queries == []
