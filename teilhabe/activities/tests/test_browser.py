"""In Debian's chromium: an office user records an activity from idea to done with a partner, a picture with
credit line and alt text, and a measure; it shows on the measure's page, the partner's page and in the
dashboard's count per field of action."""

import datetime
import io

import pytest
from django.urls import reverse

from teilhabe.activities.models import Activity
from teilhabe.concept import samples as concept_samples
from teilhabe.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def jpeg(path):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (800, 500), (31, 95, 139)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_an_office_user_records_an_activity_from_idea_to_done(
    page, live_server, municipality, office_user, partner, tmp_path
):
    measure = concept_samples.measure(municipality)
    concept = measure.concept
    concept.is_current = True
    concept.save()
    field = measure.field_of_action
    today = datetime.date.today()
    base = f"{live_server.url}/{municipality.slug}"
    browser_login(page, live_server, office_user.email)

    # An idea, linked to the measure
    page.goto(live_server.url + reverse("activities:create", args=[municipality.slug]))
    page.get_by_role("textbox", name="Titel", exact=True).fill(
        "Informationsnachmittag für internationale Pflegekräfte"
    )
    page.get_by_role("combobox", name="Stand", exact=True).select_option("idea")
    page.get_by_label("Datum (Beginn)").fill(today.isoformat())
    page.get_by_label("Maßnahmen des Integrationskonzepts").select_option(str(measure.pk))
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    activity = Activity.objects.get()
    assert page.url == base + f"/aktivitaeten/{activity.pk}/"
    assert "Die Aktivität ist angelegt." in page.get_by_role("main").inner_text()

    # The partner, as lead
    page.get_by_role("link", name="Organisation eintragen").click()
    page.get_by_label("Organisation").select_option(str(partner.pk))
    page.get_by_label("Rolle").select_option("lead")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()

    # A picture with its credit line and alt text
    page.get_by_role("link", name="Bild hochladen").click()
    page.get_by_label("Bild (JPEG, PNG oder WebP, höchstens 10 MB)").set_input_files(
        str(jpeg(tmp_path / "pflegekraefte.jpg"))
    )
    page.get_by_label("Bildnachweis").fill("© Klinikum Kempten, Martin Fink")
    page.get_by_label("Alternativtext").fill("Pflegekräfte hören einem Vortrag zu")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    picture = page.get_by_role("img", name="Pflegekräfte hören einem Vortrag zu")
    assert picture.count() == 1 and picture.evaluate("img => img.naturalWidth") > 0
    assert "© Klinikum Kempten, Martin Fink" in page.get_by_role("main").inner_text()

    # From idea to planned to done
    for state in ("planned", "done"):
        page.get_by_role("link", name="Stand ändern").click()
        page.get_by_label("Neuer Stand").select_option(state)
        page.get_by_role("button", name="Speichern").click()
        page.wait_for_load_state()
    main = page.get_by_role("main").inner_text()
    assert "durchgeführt" in main and partner.name in main and measure.title in main
    activity.refresh_from_db()
    assert activity.state == "done"
    assert [c.state for c in activity.state_changes.all()] == ["idea", "planned", "done"]

    # It shows on the measure's page, the partner's page and in the dashboard's count
    page.goto(live_server.url + reverse("concept:measure_detail", args=[municipality.slug, measure.pk]))
    page.get_by_role("link", name=activity.title).wait_for()
    page.goto(
        live_server.url + reverse("directory:organisation_detail", args=[municipality.slug, partner.pk])
    )
    page.get_by_role("link", name=activity.title).wait_for()
    page.goto(live_server.url + reverse("concept:dashboard", args=[municipality.slug, concept.pk]))
    section = page.locator("section", has=page.get_by_role("heading", name="Aktivitäten je Handlungsfeld"))
    row = section.get_by_role("row", name=f"{field.number} {field.title}")
    assert row.get_by_role("cell").nth(1).inner_text().strip() == "1"
