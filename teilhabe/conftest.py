"""Fixtures every app's tests share: two municipalities and one user per role in the first."""

import pytest

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.directory.models import Organisation
from teilhabe.municipalities.models import Municipality

PASSWORD = "geheim-und-lang-genug"


@pytest.fixture
def municipality(db):
    return Municipality.objects.create(
        name="Musterstadt", slug="musterstadt", ags="09763000", federal_state="BY"
    )


@pytest.fixture
def other_municipality(db):
    return Municipality.objects.create(
        name="Anderstadt", slug="anderstadt", ags="08111000", federal_state="BW"
    )


@pytest.fixture
def department(municipality):
    return Organisation.objects.create(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT, name="Kulturamt", short_name="KA"
    )


@pytest.fixture
def partner(municipality):
    return Organisation.objects.create(
        municipality=municipality, kind=Organisation.Kind.PARTNER, name="Caritasverband", short_name="Caritas"
    )


def make_member(municipality, role, email, organisation=None):
    user = User.objects.create_user(username=email, email=email, password=PASSWORD)
    Membership.objects.create(user=user, municipality=municipality, role=role, organisation=organisation)
    return user


@pytest.fixture
def office_user(municipality):
    return make_member(municipality, OFFICE, "amt@example.org")


@pytest.fixture
def department_user(municipality, department):
    return make_member(municipality, DEPARTMENT_EDITOR, "kulturamt@example.org", department)


@pytest.fixture
def partner_user(municipality, partner):
    return make_member(municipality, PARTNER_EDITOR, "caritas@example.org", partner)


@pytest.fixture
def board_user(municipality):
    return make_member(municipality, ADVISORY_BOARD, "beirat@example.org")


@pytest.fixture
def outsider(other_municipality):
    """An office user of another municipality: must never see Musterstadt's data."""
    return make_member(other_municipality, OFFICE, "amt@anderstadt.example")


@pytest.fixture
def role_users(office_user, department_user, partner_user, board_user):
    return {
        OFFICE: office_user,
        DEPARTMENT_EDITOR: department_user,
        PARTNER_EDITOR: partner_user,
        ADVISORY_BOARD: board_user,
    }


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser). `make test` installs chromium."""
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing: run `make browser`")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def browser_login(page, live_server, email, password=PASSWORD):
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.get_by_label("E-Mail-Adresse oder Benutzername").fill(email)
    page.get_by_label("Passwort").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Anmelden").click()


@pytest.fixture(autouse=True)
def _private_job_dirs(settings, tmp_path):
    """Each test stores its private uploads and job progress in its own temporary directory."""
    settings.PRIVATE_UPLOAD_DIR = tmp_path / "uploads"
    settings.JOB_PROGRESS_DIR = tmp_path / "jobs"


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language (German): a request in English (the English walk) must not leave
    English active for the tests that run after it in the same process."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
