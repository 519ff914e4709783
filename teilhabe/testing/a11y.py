"""The checkers of the accessibility walk: axe-core and Pa11y in the page, the Nu HTML Checker over the saved HTML.

axe-core is vendored (`vendor/axe.min.js`, from the npm package named in `package.json`); the Nu HTML Checker
(`vnu-jar`, needs Java) and Pa11y come from `node_modules/`, which `make a11y-tools` installs from the committed
`package-lock.json`. Nothing is downloaded while checking.

Pa11y runs in the walk's own browser page: `pa11y_bundle()` is exactly what Pa11y injects into a page (its
`runner.js`, HTML_CodeSniffer and its `htmlcs` runner) and `run_pa11y_in_page` calls it with Pa11y's options
(WCAG2AA, errors only). That saves Pa11y's second load of every page and reaches pages a URL cannot (a form's
error state after a POST). `run_pa11y` (pa11y-ci over URLs) stays, to check that both give the same answer.
"""

import hashlib
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
PA11Y = NODE_MODULES / "pa11y"
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
    for path in (VNU_JAR, PA11Y_CI, PA11Y):
        if not path.exists():
            missing.append(str(path))
    return missing


def checker_scripts() -> str:
    """axe-core and Pa11y's in-page bundle, for `BrowserContext.add_init_script`: injected by the browser
    itself on every page of the context, before the page's own scripts and past its Content-Security-Policy."""
    return AXE_JS.read_text() + "\n;\n" + pa11y_bundle()


def pa11y_bundle() -> str:
    """What Pa11y injects into a page (lib/pa11y.js `injectRunners`), built by node from Pa11y's own files."""
    script = (
        "const fs = require('fs'); const runner = require('pa11y/lib/runners/htmlcs.js');"
        "process.stdout.write(fs.readFileSync(require.resolve('pa11y/lib/runner.js'), 'utf8') + '\\n;' +"
        " runner.scripts.map(s => fs.readFileSync(s, 'utf8')).join('\\n\\n') +"
        " ';\\n;window.__pa11y.runners.htmlcs = ' + runner.run.toString() + ';\\n');"
    )
    completed = subprocess.run(
        ["node", "-e", script], capture_output=True, text=True, cwd=ROOT, timeout=60, check=True
    )
    return completed.stdout


def pa11y_version() -> str:
    return json.loads((PA11Y / "package.json").read_text())["version"]


PA11Y_OPTIONS = {
    "hideElements": None,
    "ignore": ["notice", "warning"],  # Pa11y's default: errors only
    "levelCapWhenNeedsReview": None,
    "rootElement": None,
    "rules": [],
    "runners": ["htmlcs"],
    "standard": "WCAG2AA",
    "wait": 0,
}


def run_pa11y_in_page(page, label: str, version: str) -> list[Finding]:
    """Pa11y (HTML_CodeSniffer, WCAG2AA, errors only) on the page as it is now, in the walk's browser."""
    result = page.evaluate(
        "options => window.__pa11y.run(options)", {**PA11Y_OPTIONS, "pa11yVersion": version}
    )
    return [
        Finding(
            engine="pa11y",
            page=label,
            rule=issue["code"],
            element=f"{issue.get('selector', '')} {str(issue.get('context', ''))[:160]}",
            message=issue.get("message", ""),
        )
        for issue in result["issues"]
        if issue["type"] == "error"
    ]


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

    def headers(page):
        return {"Cookie": page["cookie"], "Accept-Language": page["language"]}

    config = {
        "defaults": {
            "standard": "WCAG2AA",
            "level": "error",
            "runners": ["htmlcs"],
            "timeout": 60000,
            "concurrency": 2,
            "chromeLaunchConfig": {"executablePath": chromium, "args": chromium_args},
        },
        "urls": [{"url": p["url"], "headers": {k: v for k, v in headers(p).items() if v}} for p in pages],
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


# --- One check per distinct document -------------------------------------------------------------------------
# What differs between two renderings of the same page without changing what a checker sees: CSRF tokens,
# CSP nonces, clock times, and who is looking (the name in the header, the e-mail address on the profile).
_VOLATILE = [
    re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*'),
    re.compile(rb'("X-CSRFToken": ")[^"&]*'),
    re.compile(rb'(\bnonce=")[^"]*'),
    re.compile(rb"(\b)\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"),
    re.compile(rb"(\b)\d{1,2}:\d\d(?::\d\d)?\b"),
]


def normalised(body: bytes, user=None) -> bytes:
    """`body` without what changes per request or per viewer, for telling distinct documents apart."""
    for pattern in _VOLATILE:
        body = pattern.sub(rb"\1~", body)
    if user is not None:
        for text in sorted(
            {str(user), user.email, user.username, user.get_full_name()}, key=len, reverse=True
        ):
            if len(text) >= 3:
                body = body.replace(text.encode(), b"~user~")
    return body


def document_key(body: bytes, user=None) -> str:
    return hashlib.sha256(normalised(body, user)).hexdigest()


# --- Forms in their error state --------------------------------------------------------------------------------
# The walk submits each POST form that has a field with its fields empty (the browser's own check switched off,
# as a browser without it would send). A form with a required field is answered with its errors and nothing is
# saved; a form without one may save empty fields (then there is no error state), so the walk submits those last.
FORMS_JS = """() => [...document.forms].map((form, index) => {
    const fields = [...form.elements].filter(el => el.name && !el.disabled && !['hidden', 'submit', 'button',
      'reset', 'image'].includes(el.type) && !el.readOnly);
    return {index, method: (form.getAttribute('method') || 'get').toLowerCase(),
            action: new URL(form.getAttribute('action') || '', location.href).pathname,  // form.action is clobbered by a field named "action"
            fields: fields.map(el => el.name).sort(),
            required: fields.filter(el => el.required).map(el => el.name).sort()};
  }).filter(form => form.method === 'post' && form.fields.length > 0)"""

SUBMIT_EMPTY_JS = """([index, everything]) => {
  const form = document.forms[index];
  form.noValidate = true;
  for (const el of form.elements) {
    if (el.disabled || el.readOnly || ['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)) continue;
    if (!everything && !el.required) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
    else if (el.tagName === 'SELECT') el.selectedIndex = -1;
    else el.value = '';
  }
  const button = [...form.elements].find(el => el.type === 'submit' && !el.disabled);
  form.requestSubmit(button);
}"""

# What no engine checks on a form's error state (WCAG 3.3.1, 3.3.3, 1.3.1, 2.4.3, 4.1.2): the summary is there,
# has the focus and leads to the fields; every field in error is marked aria-invalid, has a label and is
# described by its own error text.
ERROR_STATE_JS = """() => {
  const problems = [];
  const describe = el => el.outerHTML.slice(0, 120);
  const summary = document.querySelector('.error-summary');
  const invalid = [...document.querySelectorAll('[aria-invalid="true"]')];
  if (!summary) return ['no error summary (.error-summary) on the page answering an empty required field'];
  const focused = document.activeElement;
  if (!(focused === summary || summary.contains(focused)))
    problems.push('the focus is not on the error summary but on ' + (focused ? describe(focused) : 'nothing'));
  if (!summary.matches('[role=alert]')) problems.push('the error summary has no role="alert"');
  const links = [...summary.querySelectorAll('a[href^="#"]')];
  if (!links.length && !summary.querySelector('li')) problems.push('the error summary names no error');
  for (const link of links) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) problems.push('summary link to a missing id: ' + describe(link));
    else if (!target.matches('input, select, textarea')) problems.push('summary link not to a field: ' + describe(link));
    else if (target.getAttribute('aria-invalid') !== 'true') problems.push('summary link to a field without aria-invalid: ' + describe(target));
  }
  if (links.length && !invalid.length) problems.push('no field is marked aria-invalid="true"');
  for (const el of invalid) {
    const refs = (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const texts = refs.map(id => document.getElementById(id)).filter(Boolean);
    if (!texts.some(t => t.classList.contains('field-error') && t.textContent.trim()))
      problems.push('field in error not described by its error text (aria-describedby): ' + describe(el));
    const legend = el.closest('fieldset') && el.closest('fieldset').querySelector('legend');
    if (!(el.labels && el.labels.length) && !legend && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      problems.push('field in error without a label: ' + describe(el));
  }
  return problems;
}"""


def check_error_state(page, label: str) -> list[Finding]:
    return [
        Finding(engine="form", page=label, rule="error-state", element="", message=problem)
        for problem in page.evaluate(ERROR_STATE_JS)
    ]
