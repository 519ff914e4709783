"""Keyboard only, 200 % zoom and 320 px width (WCAG 2.1.1, 2.4.7, 1.4.4, 1.4.10), in Debian's chromium.

The main flow without a mouse, from the login on: an editor logs in, goes to the concept's dashboard and on to
the measure status to report, reports it; the office logs in, goes to the dashboard and to the reports to
check, and accepts. On every page of it, every control is reached by Tab, every stop shows a visible focus,
links and buttons are used by Enter and Space, and the first Tab reaches the skip link, which leads into the
main content. Nothing is opened by URL after the login page.
"""

import datetime

import pytest

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses
from teilhabe.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every element the keyboard must reach (visible, enabled, not taken out of the tab order).
CONTROLS_JS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')]
  .filter(el => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0
                && getComputedStyle(el).visibility !== 'hidden')
  .map(el => el.outerHTML.slice(0, 120))"""
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {html: el.outerHTML.slice(0, 120), text: (el.innerText || el.value || el.name || '').trim(),
          label: el.labels && el.labels[0] ? el.labels[0].innerText.trim() : '', visible: outline || shadow};
}"""


def tab_through(page):
    """Tab once round the whole page; every stop must show its focus. Returns the stops in order."""
    stops = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or (stops and focused["html"] == stops[0]["html"]):
            break
        assert focused["visible"], f"no visible focus on {focused['html']}"
        stops.append(focused)
    return stops


def assert_every_control_is_reached(page):
    reached = {stop["html"] for stop in tab_through(page)}
    missed = [html for html in page.evaluate(CONTROLS_JS) if html not in reached]
    assert not missed, f"{page.url}: not reachable by Tab: {missed}"


def tab_to(page, matches, limit=200):
    """Tab forward until the focused element matches (by text or label); fails if it is never reached."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None:
            continue
        assert focused["visible"], f"no visible focus on {focused['html']}"
        if matches(focused):
            return focused
        seen.append(focused["text"] or focused["label"])
    raise AssertionError(f"{page.url}: never focused; stops were {seen[:60]}")


def text_starts(prefix):
    return lambda f: f["text"].startswith(prefix) or f["label"].startswith(prefix)


SKIP_LINK_TEXT = "Zum Inhalt springen"


def assert_skip_link_leads_to_main(page):
    """The first Tab of a page reaches the skip link, visibly; Enter moves the focus into the main content."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["text"] == SKIP_LINK_TEXT, f"{page.url}: first Tab reached {focused}"
    assert focused["visible"]
    assert page.evaluate(IN_VIEW_JS), f"{page.url}: the focused skip link is not in view"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)"), (
        f"{page.url}: after the skip link, Tab left the main content"
    )


IN_VIEW_JS = """() => { const r = document.activeElement.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth; }"""


def on_page(page):
    """A page reached by keyboard: its skip link works and every control is reached; then back to its top."""
    assert_every_control_is_reached(page)
    page.reload()
    assert_skip_link_leads_to_main(page)
    page.goto(page.url.split("#", 1)[0])


def follow(page, matches):
    """Tab to a link or button and use it with Enter."""
    tab_to(page, matches)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def keyboard_login(page, live_server, email):
    page.goto(f"{live_server.url}/konto/anmelden/")
    on_page(page)
    tab_to(page, text_starts("E-Mail-Adresse oder Benutzername"))
    page.keyboard.type(email)
    tab_to(page, text_starts("Passwort"))
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    on_page(page)


def to_the_dashboard(page, concept):
    """From the page after the login to the concept's dashboard, through the main navigation."""
    follow(page, text_starts("Integrationskonzept"))
    assert page.url.rstrip("/").endswith(f"/konzept/{concept.pk}"), page.url
    on_page(page)


def test_an_editor_reports_and_the_office_accepts_by_keyboard_alone(
    page, live_server, municipality, department, department_user, office_user
):
    concept = build_concept(municipality, fields=1, goals=1, measures=1, leads=[department])
    statuses(municipality)
    m.ReportingRound.objects.create(
        municipality=municipality,
        concept=concept,
        title="Zwischenstand",
        due_date=datetime.date(2030, 10, 31),
    )

    keyboard_login(page, live_server, "kulturamt@example.org")
    to_the_dashboard(page, concept)
    follow(page, text_starts("Meine Meldungen"))
    on_page(page)
    follow(page, lambda f: f["text"].startswith("Melden") and "1.1.1" in f["html"] + f["text"])
    on_page(page)
    tab_to(page, text_starts("Status"))
    page.keyboard.type("umgesetzt")  # a focused <select> picks the option typed
    assert page.get_by_label("Status").evaluate("el => el.options[el.selectedIndex].text") == "umgesetzt"
    tab_to(page, text_starts("Was wurde umgesetzt?"))
    page.keyboard.type("Sprachcafé läuft, 40 Teilnehmende")
    tab_to(page, text_starts("Einreichen"))
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert "eingereicht" in page.get_by_role("status").inner_text()

    tab_to(page, text_starts("Abmelden"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    keyboard_login(page, live_server, "amt@example.org")
    to_the_dashboard(page, concept)
    follow(page, text_starts("Zu prüfen"))
    on_page(page)
    follow(page, lambda f: f["text"].startswith("Prüfen"))
    assert "40 Teilnehmende" in page.get_by_role("main").inner_text()
    on_page(page)
    tab_to(page, text_starts("Annehmen"))
    with page.expect_navigation():
        page.keyboard.press("Space")
    report = m.StatusReport.objects.get()
    assert report.state == m.StatusReport.State.ACCEPTED


NO_PAGE_SCROLL_JS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
PAGES = ["", "konzept/", "konzept/meine-meldungen/", "adressbuch/", "faktencheck/", "oeffentlich/"]


def _pages_with_data(municipality, department):
    concept = build_concept(municipality, fields=3, goals=2, measures=3, leads=[department])
    statuses(municipality)
    return [
        *PAGES,
        f"konzept/{concept.pk}/",
        f"konzept/{concept.pk}/matrix/",
        f"konzept/{concept.pk}/massnahmen/",
    ]


@pytest.mark.parametrize(
    ("viewport", "scale"),
    [({"width": 320, "height": 640}, 1), ({"width": 640, "height": 450}, 2)],
    ids=["320px-reflow", "200-percent-zoom"],
)
def test_pages_reflow_without_horizontal_scrolling(
    browser, live_server, municipality, department, office_user, viewport, scale
):
    """320 CSS px (WCAG 1.4.10), and a 1280 px window zoomed to 200 % (the same 640 CSS px, twice the pixels).
    Wide tables may scroll inside their own region; the page itself must not."""
    from django.test import Client

    client = Client()
    client.force_login(office_user)
    context = browser.new_context(locale="de-DE", viewport=viewport, device_scale_factor=scale)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    try:
        for path in _pages_with_data(municipality, department):
            page.goto(f"{live_server.url}/{municipality.slug}/{path}")
            assert page.evaluate(NO_PAGE_SCROLL_JS), (
                f"{path} scrolls sideways at {viewport['width']} CSS px: "
                f"{page.evaluate('document.documentElement.scrollWidth')} px wide"
            )
    finally:
        context.close()
