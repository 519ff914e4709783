"""Releasing a version to the advisory board tells its members by e-mail: a link to sign in, in each member's
language, once per version, to this municipality's active board members only, never the report itself."""

from django.core import mail
from django.urls import reverse

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import ADVISORY_BOARD
from teilhabe.conftest import make_member
from teilhabe.reports.services import generate_version
from teilhabe.reports.tests.test_versions import _report

SLUG = "musterstadt"


def release(client, version, on=True):
    return client.post(reverse("reports:publish", args=[SLUG, version.pk]), {"published": "1" if on else "0"})


def test_the_board_members_get_a_link_when_the_office_releases_a_version(
    client, office_user, board_user, municipality, other_municipality
):
    english = make_member(municipality, ADVISORY_BOARD, "board-en@example.org")
    english.language = "en"
    english.save()
    left = make_member(municipality, ADVISORY_BOARD, "ehemals@example.org")
    Membership.objects.filter(user=left).update(is_active=False)
    make_member(other_municipality, ADVISORY_BOARD, "beirat@anderstadt.example")
    version = generate_version(_report(municipality, title="Jahresbericht 2024"))
    client.force_login(office_user)

    assert release(client, version).status_code == 302
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {board_user.email, english.email}
    german = by_address[board_user.email]
    assert german.subject == "Für den Integrationsbeirat freigegeben: Jahresbericht 2024"
    assert "(Version 1)" in german.body and version.get_absolute_url() in german.body
    assert not german.attachments  # the report stays behind the sign-in
    assert (
        by_address[english.email].subject == "Released to the integration advisory board: Jahresbericht 2024"
    )


def test_taking_the_release_back_and_giving_it_again_sends_nothing_new(
    client, office_user, board_user, municipality
):
    version = generate_version(_report(municipality))
    client.force_login(office_user)
    release(client, version)
    release(client, version, on=False)
    release(client, version)
    assert len(mail.outbox) == 1
    newer = generate_version(version.report)
    release(client, newer)
    assert len(mail.outbox) == 2 and f"(Version {newer.number})" in mail.outbox[1].body


def test_without_board_members_nothing_is_queued(client, office_user, municipality):
    from teilhabe.jobs.models import Job

    version = generate_version(_report(municipality))
    client.force_login(office_user)
    release(client, version)
    version.refresh_from_db()
    assert version.published and mail.outbox == []
    assert not Job.objects.filter(kind="notifications.send").exists()


def test_the_board_finds_the_newest_released_versions_on_its_start_page(
    client, board_user, office_user, municipality, django_assert_max_num_queries
):
    from teilhabe.reports.services import set_published

    draft = generate_version(_report(municipality, title="Entwurf 2025"))
    for year in (2021, 2022, 2023, 2024):
        set_published(generate_version(_report(municipality, title="Jahresbericht %d" % year)), True)
    client.force_login(board_user)
    home = reverse("municipalities:home", args=[SLUG])
    with django_assert_max_num_queries(15):
        content = client.get(home).content.decode()
    assert "Für den Integrationsbeirat freigegeben" in content
    # the three newest, newest first; never a draft
    assert (
        content.index("Jahresbericht 2024")
        < content.index("Jahresbericht 2023")
        < content.index("Jahresbericht 2022")
    )
    assert "Jahresbericht 2021" not in content and "Entwurf 2025" not in content
    assert reverse("reports:download", args=[SLUG, draft.pk, "pdf"]) not in content
    client.force_login(office_user)
    assert "Für den Integrationsbeirat freigegeben" not in client.get(home).content.decode()
