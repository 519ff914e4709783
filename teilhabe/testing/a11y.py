"""The three checkers of the accessibility walk: axe-core in the page, the Nu HTML Checker, Pa11y.

axe-core is vendored (`vendor/axe.min.js`, from the npm package named in `package.json`); the Nu HTML Checker
(`vnu-jar`, needs Java) and Pa11y (`pa11y-ci`, driving Debian's chromium) come from `node_modules/`, which
`make a11y-tools` installs from the committed `package-lock.json`. Nothing is downloaded while checking.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(__file__).with_name("vendor") / "axe.min.js"
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_CI = NODE_MODULES / "pa11y-ci" / "bin" / "pa11y-ci.js"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass(frozen=True)
class Finding:
    """One failure of one engine on one page: what a developer needs to find and fix it."""

    engine: str
    page: str  # role, language and URL
    rule: str
    element: str
    message: str

    def __str__(self):
        return f"[{self.engine}] {self.page}\n    {self.rule}: {self.message}\n    at {self.element}"


def missing_tools() -> list[str]:
    missing = []
    if not AXE_JS.exists():
        missing.append(str(AXE_JS))
    if not shutil.which("java"):
        missing.append("java (apt: default-jre-headless)")
    if not shutil.which("node"):
        missing.append("node (apt: nodejs)")
    for path in (VNU_JAR, PA11Y_CI):
        if not path.exists():
            missing.append(str(path))
    return missing


def run_axe(page, label: str) -> list[Finding]:
    """axe-core on the page as it is now; any WCAG 2.1 A/AA violation is a finding."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts
        # (teilhabe/csp.py), and the walk checks the pages as the browser gets them, policy included.
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_AA_TAGS,
    )
    findings = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            findings.append(
                Finding(
                    engine="axe",
                    page=label,
                    rule=violation["id"],
                    element=f"{' '.join(map(str, node['target']))} {node['html'][:160]}",
                    message=node.get("failureSummary") or violation["help"],
                )
            )
    return findings


def run_nu_checker(files: dict[Path, str]) -> list[Finding]:
    """The Nu HTML Checker over all saved pages in one Java call; `files` maps each file to its page label."""
    if not files:
        return []
    command = ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
    completed = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False
    )
    try:
        messages = json.loads(completed.stderr or "{}").get("messages", [])
    except json.JSONDecodeError as error:
        raise RuntimeError(f"vnu.jar did not answer in JSON: {completed.stderr[:2000]}") from error
    by_path = {str(path.resolve()): label for path, label in files.items()}
    findings = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        where = f"line {message.get('lastLine', '?')}: {message.get('extract', '').strip()[:160]}"
        findings.append(
            Finding(
                engine="nu",
                page=by_path.get(
                    "/" + message.get("url", "?").removeprefix("file:").lstrip("/"), message.get("url", "?")
                ),
                rule=message.get("subType") or message["type"],
                element=where,
                message=message.get("message", ""),
            )
        )
    return findings


def run_pa11y(pages: list[dict], workdir: Path, chromium: str, chromium_args: list[str]) -> list[Finding]:
    """Pa11y (HTML_CodeSniffer, WCAG2AA, errors only) over live pages, one run for all of them.

    `pages`: dicts with url, label, cookie (the session of the role the page was seen by) and language
    (Accept-Language, for the public pages).
    """
    if not pages:
        return []
    config = {
        "defaults": {
            "standard": "WCAG2AA",
            "level": "error",
            "runners": ["htmlcs"],
            "timeout": 60000,
            "concurrency": 2,
            "chromeLaunchConfig": {"executablePath": chromium, "args": chromium_args},
        },
        "urls": [
            {"url": p["url"], "headers": {"Cookie": p["cookie"], "Accept-Language": p["language"]}}
            for p in pages
        ],
    }
    config_file = workdir / "pa11y-ci.json"
    config_file.write_text(json.dumps(config, indent=1))
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": chromium}
    output = workdir / "pa11y-ci.out.json"
    # Into a file, not a pipe: pa11y-ci exits before a pipe's last 64 KiB are read.
    with output.open("w") as stdout:
        completed = subprocess.run(
            ["node", str(PA11Y_CI), "--config", str(config_file), "--json"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=1800,
            env=env,
            cwd=ROOT,
            check=False,
        )
    completed.stdout = output.read_text()
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"pa11y-ci did not answer in JSON (exit {completed.returncode}): "
            f"{completed.stdout[-2000:]} {completed.stderr[-2000:]}"
        ) from error
    labels = {p["url"]: p["label"] for p in pages}
    findings = []
    for url, issues in report.get("results", {}).items():
        for issue in issues:
            if isinstance(issue, dict) and issue.get("type", "error") != "error":
                continue
            if not isinstance(issue, dict):  # pa11y-ci reports a page it could not load as an error object
                issue = {"code": "page-error", "message": str(issue), "selector": "", "context": ""}
            findings.append(
                Finding(
                    engine="pa11y",
                    page=labels.get(url, url),
                    rule=issue.get("code", "?"),
                    element=f"{issue.get('selector', '')} {str(issue.get('context', ''))[:160]}",
                    message=issue.get("message", ""),
                )
            )
    return findings


def report(findings: list[Finding], limit: int = 60) -> str:
    lines = [f"{len(findings)} finding(s):"]
    lines += [str(f) for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"... and {len(findings) - limit} more")
    return "\n".join(lines)


_REFERENCING = re.compile(r'\b(aria-describedby|aria-labelledby|aria-controls|for|list)="([^"]*)"')
_HASH_LINK = re.compile(r'\bhref="#([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def broken_id_references(html: str) -> list[str]:
    """References to ids that are not on the page: aria-describedby/-labelledby/-controls, label for, list,
    and in-page links (an error summary's links to its fields). No engine reports a reference to a wrong id."""
    ids = set(_ID.findall(html))
    broken = []
    for attribute, value in _REFERENCING.findall(html):
        broken += [f'{attribute}="{value}"' for ref in value.split() if ref not in ids]
    broken += [f'href="#{ref}"' for ref in _HASH_LINK.findall(html) if ref not in ids]
    return broken
