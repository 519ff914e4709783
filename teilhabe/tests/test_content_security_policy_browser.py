"""The Content-Security-Policy in Debian's chromium: the main pages load without one violation, and htmx still
works under it (the job page polls its progress; the directory search swaps its results).

Each page records the browser's `securitypolicyviolation` events (listened for by an init script, which the
policy does not govern) and every console message about the policy. Blocked inline styles would show here
as violations even where the page still looks usable, so none are allowed.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from teilhabe.conftest import browser_login
from teilhabe.jobs import services
from teilhabe.jobs.models import Job
from teilhabe.jobs.tests import kinds  # noqa: F401  (the test job kinds)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber} ${event.sample || ""}`);
});
"""


@pytest.fixture
def demo(settings, tmp_path_factory):
    from teilhabe.municipalities.models import Municipality

    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "var"
    call_command("demo", "--quiet-logins")
    return Municipality.objects.get(slug="musterstadt")


@pytest.fixture
def watched(page):
    """The page, with every policy violation and policy console error collected in `page.csp_errors`."""
    errors = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}")
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.csp_errors = errors
    return page


def _violations(page):
    return page.csp_errors + page.evaluate("window.__cspViolations || []")


def _visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert "'self'" in response.headers.get("content-security-policy", ""), url
    page.wait_for_load_state("networkidle")
    return _violations(page)


def test_the_main_pages_load_without_a_policy_violation(watched, live_server, demo):
    from teilhabe.concept.models import Concept
    from teilhabe.directory.models import Organisation

    concept = Concept.objects.filter(municipality=demo).order_by("pk").first()
    organisation = Organisation.objects.filter(municipality=demo).order_by("pk").first()
    slug = demo.slug
    pages = [
        reverse("municipalities:home", args=[slug]),
        reverse("concept:dashboard", args=[slug, concept.pk]),
        reverse("concept:matrix", args=[slug, concept.pk]),
        reverse("concept:structure", args=[slug, concept.pk]),
        reverse("statistics:overview", args=[slug]),
        reverse("statistics:pyramid", args=[slug]),
        reverse("statistics:districts", args=[slug]),
        reverse("directory:organisation_list", args=[slug]),
        reverse("directory:organisation_edit", args=[slug, organisation.pk]),
        reverse("accounts:profile"),
    ]
    public = [
        reverse("public:home", args=[slug]),
        reverse("statistics_public:pyramid", args=[slug]),
    ]
    found = {}
    for url in public:
        found[url] = _visit(watched, live_server.url + url)
    browser_login(watched, live_server, "amt@musterstadt.example", password="musterstadt")
    charts = 0
    for url in pages:
        found[url] = _visit(watched, live_server.url + url)
        charts += watched.locator("figure.chart svg, .chart svg").count()
    found = {url: errors for url, errors in found.items() if errors}
    assert not found, found
    assert charts >= 3
    # The charts keep their colours (presentation attributes instead of the refused style="fill: …"); the
    # background and the axes are unfilled (fill="none") in the one renderer's house style.
    watched.goto(f"{live_server.url}{reverse('statistics:pyramid', args=[slug])}")
    fill = watched.evaluate(
        "getComputedStyle(document.querySelector("
        '\'.chart svg path[fill]:not([fill="#ffffff"]):not([fill="none"])\')).fill'
    )
    assert fill.startswith("rgb(") and fill != "rgb(0, 0, 0)"


def test_htmx_polls_a_running_jobs_progress_under_the_policy(watched, live_server, demo):
    from teilhabe.accounts.models import User

    office = User.objects.get(username="amt@musterstadt.example")
    job = Job.objects.create(
        municipality=demo,
        kind="jobs.test_slow",
        started_by=office,
        state=Job.State.RUNNING,
        started_at=timezone.now(),
        file_names="register.csv",
    )
    services.report_progress(job, "Datei wird geprüft", 10)
    browser_login(watched, live_server, office.username, password="musterstadt")
    watched.goto(f"{live_server.url}{reverse('jobs:detail', args=[demo.slug, job.pk])}")
    assert "Datei wird geprüft" in watched.locator("#job-progress").inner_text()
    with watched.expect_response(lambda r: r.url.endswith("/fortschritt/"), timeout=10_000):
        services.report_progress(job, "Zeilen werden gezählt", 60)
    watched.locator("#job-progress").get_by_text("Zeilen werden gezählt").wait_for(timeout=10_000)
    assert watched.locator("#job-progress progress").get_attribute("value") == "60"
    assert _violations(watched) == []


def test_htmx_search_swaps_results_under_the_policy(watched, live_server, demo):
    browser_login(watched, live_server, "amt@musterstadt.example", password="musterstadt")
    watched.goto(f"{live_server.url}{reverse('directory:organisation_list', args=[demo.slug])}")
    search = watched.locator("form[role=search] input").first
    with watched.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        search.fill("Caritas")
    watched.wait_for_load_state("networkidle")
    assert "Caritas" in watched.locator("#results").inner_text()
    assert _violations(watched) == []
