"""Every page, for every role and the public, in German and English, through three engines (BITV 2.0 / WCAG 2.1 AA).

The walk (`teilhabe/testing/pagewalk.py`) reads the URL configuration, so a new page is checked without anyone
adding it. Every role and the public open every page they may, in both languages. Each page is fetched once
(`context.request`); what the server sent is normalised (CSRF tokens, nonces, clock times, the viewer's name:
`a11y.normalised`) and hashed, and a document seen before, by another role or at another URL, is not checked
again (the walk reports how many were deduplicated). A new document is shown in Debian's chromium from that same
response and checked there by axe-core and by Pa11y (HTML_CodeSniffer, WCAG2AA, errors only; Pa11y's own
in-page runner, see `teilhabe/testing/a11y.py`); its HTML is saved under var/a11y/ and validated with the Nu HTML
Checker in one Java call over all documents at the end.

Each POST form with a required field is also submitted with those fields empty, once per form and language, and
its error state is checked by the same three engines and by `a11y.ERROR_STATE_JS` (error summary with the focus
and links to the fields; aria-invalid, label and error text of each field in error).

Any finding of any engine fails: where engines disagree, the stricter wins. Run with `make a11y`;
`A11Y_PAGES=concept:,directory:organisation_list` checks only URL names containing one of these,
`A11Y_ROLES=public,office` only these roles.
"""

import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import resolve

from teilhabe.conftest import CHROMIUM, CHROMIUM_ARGS
from teilhabe.testing import a11y
from teilhabe.testing.pagewalk import NOT_WALKED, not_walked_reason, page_urls, site_routes
from teilhabe.testing.two_factor import force_login_verified

pytestmark = [pytest.mark.browser, pytest.mark.a11y]

LANGUAGES = ["de", "en"]
# role -> demo login (None: the public, not logged in)
ROLES = {
    "public": None,
    "office": "amt@musterstadt.example",
    "department_editor": "kulturamt@musterstadt.example",
    "partner_editor": "caritas@musterstadt.example",
    "advisory_board": "beirat@musterstadt.example",
    "superuser": "admin@musterstadt.example",
}
# `A11Y_PAGES=concept:,directory:organisation_list make a11y` checks only URL names containing one of these.
ONLY = [part for part in os.environ.get("A11Y_PAGES", "").split(",") if part]
# `A11Y_ROLES=public,office make a11y` walks only these roles.
ONLY_ROLES = [part for part in os.environ.get("A11Y_ROLES", "").split(",") if part]
# Forms whose error state the walk does not submit (URL name -> why). Keep it short.
NO_ERROR_STATE: dict[str, str] = {}
SNAPSHOTS = Path(settings.BASE_DIR).parent / "var" / "a11y"


@dataclass
class Walk:
    axe: list = field(default_factory=list)
    pa11y: list = field(default_factory=list)
    forms: list = field(default_factory=list)  # error-state findings
    forms_gone: list = field(default_factory=list)  # optional forms an earlier submission had removed
    snapshots: dict = field(default_factory=dict)  # file -> label
    walked: dict = field(default_factory=dict)  # route name -> set of (role, language)
    walked_as: dict = field(default_factory=dict)  # route with its sample variant (role table row) -> roles
    error_states: dict = field(
        default_factory=dict
    )  # route name -> number of forms checked in their error state
    fetched: int = 0  # pages fetched (role × language × route that answered with HTML)
    deduplicated: int = 0  # ... of which the document had been checked already
    dedup_by_role: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)

    @property
    def documents(self):
        return len(self.snapshots)


def _choose_language(user, language):
    """As a person gets `language`: a member by the stored choice, a visitor by the browser (the context)."""
    if user is not None:
        user.language = language
        user.save(update_fields=["language"])


def _show(page, probe):
    """Open the probe's URL in the page, answered by the probe's own response (the server renders it once)."""

    def answer(route):
        if route.request.method == "GET" and route.request.is_navigation_request():
            route.fulfill(response=probe)
        else:
            route.continue_()

    def this_url(url):
        return url == probe.url

    page.route(this_url, answer)
    try:
        page.goto(probe.url)
    finally:
        page.unroute(this_url, answer)


def _current_index(page, form):
    """The form's index on the page as it is now, found by its action and fields (not by its old position:
    the optional forms are submitted after the whole walk, when earlier submissions may have changed the page)."""
    for candidate in page.evaluate(a11y.FORMS_JS):
        if candidate["action"] == form["action"] and candidate["fields"] == form["fields"]:
            return candidate["index"]
    return None


class Walker:
    def __init__(self, browser, base_url, walk, scripts, version):
        self.browser, self.base_url, self.walk = browser, base_url, walk
        self.scripts, self.version = scripts, version
        self.seen = set()  # document keys
        self.forms_seen = set()  # (language, action, fields): a form on many pages (the header's) counts once
        self.urls_seen = set()  # (role, language, URL shown): pages that redirect to one page count once
        self.optional_forms = []  # (role, user, language, url, route, label, name, form): submitted last

    def check(self, page, body, label, snapshot):
        """axe and Pa11y on the page as shown, its HTML saved for the Nu checker."""
        started = time.perf_counter()
        self.walk.axe += a11y.run_axe(page, label)
        self.walk.seconds["axe"] += time.perf_counter() - started
        started = time.perf_counter()
        self.walk.pa11y += a11y.run_pa11y_in_page(page, label, self.version)
        self.walk.seconds["pa11y"] += time.perf_counter() - started
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(body)
        self.walk.snapshots[snapshot] = label

    def context(self, user, language):
        context = self.browser.new_context(
            locale={"de": "de-DE", "en": "en-GB"}[language],
            extra_http_headers={"Accept-Language": {"de": "de-DE,de", "en": "en-GB,en"}[language]},
        )
        context.add_init_script(script=self.scripts)
        _choose_language(user, language)
        if user is not None:
            client = Client()
            if user.is_superuser:  # as a superuser always is: with the second factor the site requires
                force_login_verified(client, user)
            else:
                client.force_login(user)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": self.base_url}]
            )
        return context

    def walk_as(self, routes, role, user, language):
        walk = self.walk
        context = self.context(user, language)
        page = context.new_page()
        try:
            for route, url in routes:
                if user is None and not route.public:
                    continue
                started = time.perf_counter()
                probe = context.request.get(self.base_url + url)  # a download is no page to open
                walk.seconds["fetch"] += time.perf_counter() - started
                if probe.status in (403, 404, 405):
                    continue
                assert probe.status == 200, f"{role}/{language} {url}: HTTP {probe.status}"
                if not probe.headers.get("content-type", "").startswith("text/html"):
                    continue
                walk.walked.setdefault(route.name, set()).add((role, language))
                walk.walked_as.setdefault(str(route), set()).add(role)
                walk.fetched += 1
                body = probe.body()
                key = a11y.document_key(body, user)
                if key in self.seen or (role, language, probe.url) in self.urls_seen:
                    walk.deduplicated += 1
                    walk.dedup_by_role[role] += 1
                    continue
                self.seen.add(key)
                self.urls_seen.add((role, language, probe.url))
                started = time.perf_counter()
                _show(page, probe)
                walk.seconds["show"] += time.perf_counter() - started
                final = probe.url.removeprefix(self.base_url)
                label = f"{role}/{language} {final} ({route})"
                name = str(route).replace(":", "-")
                self.check(page, body, label, SNAPSHOTS / language / role / f"{name}.html")
                if route.name in NO_ERROR_STATE:
                    continue
                fresh = True  # the page shows the document, not a form's answer
                for form in page.evaluate(a11y.FORMS_JS):
                    signature = (language, form["action"], tuple(form["fields"]))
                    if signature in self.forms_seen:
                        continue
                    self.forms_seen.add(signature)
                    if not form["required"]:
                        self.optional_forms.append((role, user, language, final, route, label, name, form))
                        continue
                    if not fresh:
                        _show(page, probe)
                    fresh = False
                    self.error_state(page, route, user, role, language, label, name, form)
        finally:
            context.close()

    def walk_optional_forms(self):
        """The forms without a required field, submitted with every field empty, after all pages were seen."""
        groups = {}
        for role, user, language, url, *rest in self.optional_forms:
            groups.setdefault((role, language), (user, []))[1].append((url, *rest))
        for (role, language), (user, forms) in groups.items():
            context = self.context(user, language)
            page = context.new_page()
            try:
                for url, route, label, name, form in forms:
                    page.goto(self.base_url + url)
                    self.error_state(page, route, user, role, language, label, name, form, everything=True)
            finally:
                context.close()

    def error_state(self, page, route, user, role, language, label, name, form, everything=False):
        """Submit the form with its (required) fields empty and check the page that answers."""
        started = time.perf_counter()
        empty = form["fields"] if everything else form["required"]
        where = f"{label} form {form['index']} (POST {form['action']}, empty: {', '.join(empty)})"
        index = _current_index(page, form)
        if index is None:  # an earlier empty submission removed this form (e.g. its item)
            self.walk.forms_gone.append(where)
            return
        with page.expect_navigation() as navigation:
            page.evaluate(a11y.SUBMIT_EMPTY_JS, [index, everything])
        response = navigation.value
        self.walk.seconds["forms"] += time.perf_counter() - started
        if response is None or response.status >= 500:
            status = response and response.status
            self.walk.forms.append(a11y.Finding("form", where, "error-state", "", f"HTTP {status}"))
            return
        if response.request.redirected_from is not None or response.status != 200:
            return  # the form took the empty fields (nothing required after all): no error state
        if not page.query_selector(".error-summary, [aria-invalid=true]") and not form["required"]:
            return  # answered with the page itself, nothing to correct
        form_view = resolve(form["action"]).view_name
        self.walk.error_states[form_view] = self.walk.error_states.get(form_view, 0) + 1
        self.walk.forms += a11y.check_error_state(page, where)
        body = response.body()
        key = a11y.document_key(body, user)
        if key in self.seen:
            self.walk.deduplicated += 1
            return
        self.seen.add(key)
        snapshot = SNAPSHOTS / language / role / f"{name}-error-{form['index']}.html"
        self.check(page, body, where, snapshot)


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker, live_server, browser):
    missing = a11y.missing_tools()
    if missing:
        message = "accessibility tools missing (`make a11y-tools` installs them): " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from teilhabe.accounts.models import User
    from teilhabe.municipalities.models import Municipality

    shutil.rmtree(SNAPSHOTS, ignore_errors=True)
    result = Walk()
    with django_db_blocker.unblock():
        try:
            begun = time.perf_counter()
            call_command("demo", "--quiet-logins")
            municipality = Municipality.objects.get(slug="musterstadt")
            invited = User.objects.create_user(
                username="neu@musterstadt.example", email="neu@musterstadt.example"
            )
            routes = page_urls(municipality, invited)
            if ONLY:
                routes = [(route, url) for route, url in routes if any(part in route.name for part in ONLY)]
            roles = {r: e for r, e in ROLES.items() if not ONLY_ROLES or r in ONLY_ROLES}
            users = {role: email and User.objects.get(username=email) for role, email in roles.items()}
            walker = Walker(browser, live_server.url, result, a11y.checker_scripts(), a11y.pa11y_version())
            result.seconds["setup"] = time.perf_counter() - begun
            for language in LANGUAGES:
                for role, user in users.items():
                    walker.walk_as(routes, role, user, language)
            walker.walk_optional_forms()
            result.seconds["walk"] = time.perf_counter() - begun - result.seconds["setup"]
        finally:
            call_command("flush", "--noinput", verbosity=0)
    yield result
    print(
        f"\naccessibility walk: {result.fetched} pages fetched for {len(users)} roles × {len(LANGUAGES)} "
        f"languages, {result.documents} distinct documents checked ({sum(result.error_states.values())} "
        f"forms in their error state), {result.deduplicated} deduplicated "
        f"({dict(result.dedup_by_role)}); " + ", ".join(f"{k} {v:.0f} s" for k, v in result.seconds.items())
    )
    for where in result.forms_gone:
        print(f"  not submitted, removed by an earlier empty form: {where}")


def test_every_url_is_walked_or_listed_with_a_reason(walk):
    if ONLY:
        pytest.skip("A11Y_PAGES restricts the walk")
    names = {route.name for route in site_routes()}
    unexplained = sorted(n for n in names if n not in walk.walked and not not_walked_reason(n))
    assert not unexplained, (
        "The accessibility walk reached no page at these URLs for any role: make them reachable with the "
        f"demo data, or list them with a reason in teilhabe/testing/pagewalk.py NOT_WALKED: {unexplained}"
    )
    stale = sorted(n for n in NOT_WALKED if not n.endswith(":*") and (n not in names or n in walk.walked))
    assert not stale, f"NOT_WALKED lists URLs that are gone or are walked after all: {stale}"
    stale = sorted(n for n in NO_ERROR_STATE if n not in names)
    assert not stale, f"NO_ERROR_STATE lists URLs that are gone: {stale}"


def test_every_role_sees_every_page_the_role_table_gives_it(walk):
    """Each row of the role table (teilhabe/tests/role_table.py) that answers a role with a page: the walk
    checked that page as that role, so a new view is walked for each role that may open it."""
    if ONLY or ONLY_ROLES:
        pytest.skip("A11Y_PAGES or A11Y_ROLES restricts the walk")
    from teilhabe.tests.role_table import COLUMNS, EXPECTED

    as_walk = {"anonymous": "public"}
    missing = sorted(
        f"{row} as {as_walk.get(column, column)}"
        for row, statuses in EXPECTED.items()
        if not not_walked_reason(row.split("[", 1)[0])
        for column, status in zip(COLUMNS, statuses, strict=True)
        if status == 200 and as_walk.get(column, column) not in walk.walked_as.get(row, set())
    )
    assert not missing, (
        "The role table gives these roles a page the accessibility walk did not check as them (with the demo "
        f"data they may get another answer): {missing}"
    )


def test_the_walk_covers_every_role_and_both_languages(walk):
    if ONLY or ONLY_ROLES:
        pytest.skip("A11Y_PAGES or A11Y_ROLES restricts the walk")
    seen = set().union(*walk.walked.values())
    assert seen == {(r, lang) for r in ROLES for lang in LANGUAGES}
    for name, seen_by in walk.walked.items():  # every page in both languages
        assert {lang for _role, lang in seen_by} == set(LANGUAGES), name
    assert walk.documents > 100
    assert walk.deduplicated > 0


def test_forms_are_checked_in_their_error_state(walk):
    assert not walk.forms, a11y.report(walk.forms)
    expected = ["accounts:login", "concept:report_edit", "members:invite", "directory:organisation_create"]
    for name in expected if not ONLY else []:
        assert walk.error_states.get(name), f"{name}: no form of it was checked in its error state"


def test_no_page_violates_wcag_by_axe(walk):
    assert not walk.axe, a11y.report(walk.axe)


def test_every_page_is_valid_html_by_the_nu_checker(walk):
    findings = a11y.run_nu_checker(walk.snapshots)
    assert not findings, a11y.report(findings)


def test_every_id_reference_resolves(walk):
    """aria-describedby to a help text, error summary links to their fields: the ids must exist."""
    broken = {
        label: refs
        for path, label in walk.snapshots.items()
        if (refs := a11y.broken_id_references(path.read_text()))
    }
    assert not broken, "\n".join(f"{label}: {refs[:5]}" for label, refs in list(broken.items())[:30])


def test_no_page_has_a_pa11y_error(walk):
    assert not walk.pa11y, a11y.report(walk.pa11y)


PLANTED = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Probe</title></head><body><main>
<h1>Probe</h1><img src="data:,"><form><input name="q"></form><a href="/"></a>
<p style="color:#aaa;background:#fff">blass</p></main></body></html>"""


def test_pa11y_in_the_walk_finds_what_pa11y_ci_finds(walk, browser):
    """The walk's in-page Pa11y is Pa11y: pa11y-ci, opening the same files itself, reports the same errors
    on a page with planted errors and on saved pages of the walk (dashboard, matrix, a form in its error state)."""
    planted = SNAPSHOTS / "planted.html"
    planted.write_text(PLANTED)
    saved = [p for p in walk.snapshots if p.parent.parent.name == "de"]
    sample = [planted] + [
        next(p for p in saved if key in p.name)
        for key in ("concept-dashboard", "concept-matrix", "-error-")
        if any(key in p.name for p in saved)
    ]
    urls = [path.resolve().as_uri() for path in sample]
    context = browser.new_context()
    context.add_init_script(script=a11y.checker_scripts())
    page = context.new_page()
    in_page = set()
    try:
        for url in urls:
            page.goto(url)
            in_page |= {(url, f.rule) for f in a11y.run_pa11y_in_page(page, url, a11y.pa11y_version())}
    finally:
        context.close()
    pages = [{"url": url, "label": url, "cookie": "", "language": "de"} for url in urls]
    by_ci = {(f.page, f.rule) for f in a11y.run_pa11y(pages, SNAPSHOTS, CHROMIUM, CHROMIUM_ARGS)}
    assert {rule for url, rule in in_page if url == urls[0]} >= {
        "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37",  # img without alt
        "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail",  # contrast
    }
    assert in_page == by_ci
