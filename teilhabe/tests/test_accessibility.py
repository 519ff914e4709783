"""Every page, for every role and the public, in German and English, through three engines (BITV 2.0 / WCAG 2.1 AA).

The walk (`teilhabe/testing/pagewalk.py`) reads the URL configuration, so a new page is checked without anyone
adding it. Each page is opened in Debian's chromium and checked with axe-core; its HTML as the server sent it is
saved under var/a11y/ and validated with the Nu HTML Checker in one Java call; Pa11y (HTML_CodeSniffer, WCAG2AA,
errors only) opens each page again as the first role that reached it (it takes twice axe's time). Any finding
of any engine fails: where engines disagree, the stricter wins. Run with `make a11y`.

By default each page is checked once per language, as the first role in ROLES that may open it, and the public
walks every public page itself; `A11Y_EVERY_ROLE=1` has every role open every page it may (about five times
longer: the role-specific buttons of each page). Pages seen identically twice are checked once.
"""

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from teilhabe.conftest import CHROMIUM, CHROMIUM_ARGS
from teilhabe.testing import a11y
from teilhabe.testing.pagewalk import NOT_WALKED, not_walked_reason, page_urls, site_routes

pytestmark = [pytest.mark.browser, pytest.mark.a11y]

LANGUAGES = ["de", "en"]
# role -> demo login (None: the public, not logged in)
# In this order: by default each page is checked once per language, as the first role that may open it;
# the public walks all public pages itself (they look different when not logged in).
ROLES = {
    "public": None,
    "office": "amt@musterstadt.example",
    "department_editor": "kulturamt@musterstadt.example",
    "partner_editor": "caritas@musterstadt.example",
    "advisory_board": "beirat@musterstadt.example",
    "superuser": "admin@musterstadt.example",
}
# `A11Y_EVERY_ROLE=1 make a11y`: every role opens every page it may, in both languages (five times longer).
EVERY_ROLE = os.environ.get("A11Y_EVERY_ROLE") == "1"
# `A11Y_PAGES=concept:,directory:organisation_list make a11y` checks only URL names containing one of these.
ONLY = [part for part in os.environ.get("A11Y_PAGES", "").split(",") if part]
# The superuser sees the office's pages (and the admin, which is Django's): once, in German, is enough.
GERMAN_ONLY = {"superuser"}
SNAPSHOTS = Path(settings.BASE_DIR).parent / "var" / "a11y"
CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": ")"?[^"&]+')


@dataclass
class Walk:
    axe: list = field(default_factory=list)
    snapshots: dict = field(default_factory=dict)  # file -> label
    pa11y_pages: list = field(default_factory=list)
    pa11y: list = field(default_factory=list)
    pa11y_routes: set = field(default_factory=set)
    walked: dict = field(default_factory=dict)  # route name -> set of (role, language)
    pages: int = 0
    axe_seconds: float = 0.0


def _choose_language(user, language):
    """As a person gets `language`: a member by the stored choice, a visitor by the browser (the context)."""
    if user is not None:
        user.language = language
        user.save(update_fields=["language"])


def _walk_as(browser, base_url, routes, role, user, language, walk, seen):
    context = browser.new_context(locale={"de": "de-DE", "en": "en-GB"}[language])
    _choose_language(user, language)
    cookies = []
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies.append(
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            }
        )
    context.add_cookies([{**c, "url": base_url} for c in cookies])
    page = context.new_page()
    try:
        for route, url in routes:
            if user is None and not route.public:
                continue
            seen_by = walk.walked.get(route.name, ())
            if (
                user is not None
                and not EVERY_ROLE
                and any(r != "public" and lang == language for r, lang in seen_by)
            ):
                continue  # an earlier role saw this page in this language
            probe = context.request.get(base_url + url)  # classify first: a download is no page to open
            if probe.status in (403, 404, 405):
                continue
            assert probe.status == 200, f"{role}/{language} {url}: HTTP {probe.status}"
            if not probe.headers.get("content-type", "").startswith("text/html"):
                continue
            response = page.goto(base_url + url)
            assert response.status == 200, f"{role}/{language} {url}: HTTP {response.status}"
            walk.walked.setdefault(route.name, set()).add((role, language))
            body = response.body()
            key = hashlib.sha256(CSRF.sub(b"", body)).hexdigest()
            if key in seen:
                continue
            seen.add(key)
            walk.pages += 1
            final = page.url.removeprefix(base_url)
            label = f"{role}/{language} {final} ({route.name})"
            started = time.perf_counter()
            walk.axe += a11y.run_axe(page, label)
            walk.axe_seconds += time.perf_counter() - started
            snapshot = SNAPSHOTS / language / role / f"{route.name.replace(':', '-')}.html"
            snapshot.parent.mkdir(parents=True, exist_ok=True)
            snapshot.write_bytes(body)
            walk.snapshots[snapshot] = label
            where = (final.split("?", 1)[0], language)  # a page shown at several URLs (the login) counts once
            if where not in walk.pa11y_routes:  # Pa11y: the first role that reaches the page
                walk.pa11y_routes.add(where)
                cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
                accept = {"de": "de-DE,de", "en": "en-GB,en"}[language]
                walk.pa11y_pages.append(
                    {"url": page.url, "label": label, "cookie": cookie, "language": accept}
                )
    finally:
        context.close()


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
            users = {role: email and User.objects.get(username=email) for role, email in ROLES.items()}
            seen = set()
            for language in LANGUAGES:
                for role, user in users.items():
                    if EVERY_ROLE and role in GERMAN_ONLY and language != "de":
                        continue
                    _walk_as(browser, live_server.url, routes, role, user, language, result, seen)
            walked = time.perf_counter()
            # Pa11y opens the pages itself, so the server and the sessions must still be there.
            result.pa11y = a11y.run_pa11y(result.pa11y_pages, SNAPSHOTS, CHROMIUM, CHROMIUM_ARGS)
            print(
                f"\naccessibility walk: {result.pages} distinct pages, walk {walked - begun:.0f} s "
                f"(axe {result.axe_seconds:.0f} s), Pa11y {time.perf_counter() - walked:.0f} s"
            )
        finally:
            call_command("flush", "--noinput", verbosity=0)
    yield result


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


def test_the_walk_covers_every_role_and_both_languages(walk):
    if ONLY:
        pytest.skip("A11Y_PAGES restricts the walk")
    seen = set().union(*walk.walked.values())
    assert {("public", lang) for lang in LANGUAGES} | {("office", lang) for lang in LANGUAGES} <= seen
    if EVERY_ROLE:
        assert seen == {
            (r, lang) for r in ROLES for lang in LANGUAGES if r not in GERMAN_ONLY or lang == "de"
        }
    for name, seen_by in walk.walked.items():  # every page in both languages
        assert {lang for _role, lang in seen_by} == set(LANGUAGES), name
    assert walk.pages > 50


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
