"""The foundation as a person uses it, in Debian's chromium: login, navigation, keyboard, language."""

import pytest

from teilhabe.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_office_clerk_logs_in_and_finds_every_area(page, live_server, office_user, municipality):
    browser_login(page, live_server, "amt@example.org")
    assert page.url.endswith(f"/{municipality.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Musterstadt"
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    for area in ["Integrationskonzept", "Faktencheck", "Adressbuch", "Verlauf", "Benutzer"]:
        assert nav.get_by_text(area).count() >= 1


def test_a_wrong_password_gets_a_german_error_summary(page, live_server, office_user):
    browser_login(page, live_server, "amt@example.org", password="falsch")
    alert = page.get_by_role("alert")
    assert "Bitte prüfen Sie Ihre Eingaben" in alert.inner_text()
    assert "Anmeldung fehlgeschlagen" in alert.inner_text()


def test_the_skip_link_is_the_first_stop_of_the_keyboard(page, live_server, municipality):
    page.goto(f"{live_server.url}/{municipality.slug}/oeffentlich/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_visitor_switches_the_interface_to_english(page, live_server, municipality):
    page.goto(f"{live_server.url}/{municipality.slug}/oeffentlich/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1


def test_pages_read_without_javascript(browser, live_server, municipality):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(f"{live_server.url}/{municipality.slug}/oeffentlich/")
    assert "Öffentliche Informationen" in page.content()
    context.close()
