import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.core import mail

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.accounts.tests.conftest import member_url
from teilhabe.directory.models import Organisation
from teilhabe.jobs.models import Job


def invite(client, municipality, **data):
    payload = {"first_name": "Nora", "last_name": "Neu", "email": "nora@example.org", "role": ADVISORY_BOARD}
    payload.update(data)
    return client.post(member_url("invite", municipality), payload)


def link_in(message):
    return re.search(r"https?://\S+", message.body.split("Passwort fest:")[1]).group(0)


@pytest.mark.parametrize("role", [DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD])
def test_only_office_staff_may_invite(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.get(member_url("invite", municipality)).status_code == 403
    assert invite(client, municipality).status_code == 403
    assert not User.objects.filter(email="nora@example.org").exists()


def test_an_outsider_gets_404(client, outsider, municipality):
    client.force_login(outsider)
    assert invite(client, municipality).status_code == 404


def test_the_form_is_german(office_client, municipality):
    html = office_client.get(member_url("invite", municipality)).content.decode()
    assert "Person einladen" in html and "Vorname" in html and "Einladung senden" in html


def test_inviting_a_new_person_creates_account_membership_and_sends_a_set_password_link(
    office_client, municipality, office_user
):
    response = invite(office_client, municipality)
    assert response.status_code == 302
    user = User.objects.get(email="nora@example.org")
    assert user.get_full_name() == "Nora Neu"
    assert not user.has_usable_password()
    membership = Membership.objects.get(user=user, municipality=municipality)
    assert membership.role == ADVISORY_BOARD
    assert membership.invited_by == office_user
    assert membership.invitation_sent_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nora@example.org"]
    assert message.subject == "Einladung zu Teilhabe – Musterstadt"
    assert "Guten Tag Nora Neu," in message.body
    assert "Integrationsbeirat" in message.body
    assert "3 Tage gültig" in message.body
    assert link_in(message).startswith("http://testserver/konto/einladung/")


def test_the_invitation_link_sets_the_password_and_logs_the_person_in(client, office_client, municipality):
    invite(office_client, municipality)
    link = link_in(mail.outbox[0]).replace("http://testserver", "")
    client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert "Willkommen bei Teilhabe" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Sonnenblume-1987", "new_password2": "Sonnenblume-1987"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="nora@example.org")
    assert client.session[SESSION_KEY] == str(user.pk)
    user.refresh_from_db()
    assert user.check_password("Sonnenblume-1987")
    assert client.get("/musterstadt/").status_code == 200
    # The link works once only.
    client.logout()
    again = client.get(link, follow=True)
    assert "ungültig, schon benutzt oder abgelaufen" in again.content.decode()


def test_an_existing_user_of_another_municipality_is_asked_first_and_has_no_access_until_accepting(
    client, office_client, municipality, outsider
):
    count = User.objects.count()
    response = invite(office_client, municipality, email="AMT@anderstadt.example", role=OFFICE)
    assert response.status_code == 302
    assert User.objects.count() == count
    offer = Membership.objects.get(user=outsider, municipality=municipality, role=OFFICE)
    assert offer.awaiting_acceptance
    message = mail.outbox[0]
    assert message.subject == "Teilhabe: Einladung von Musterstadt"
    assert "bestehenden Konto" in message.body and "http://testserver/konto/einladungen/" in message.body
    assert "/konto/einladung/" not in message.body
    assert outsider.check_password("geheim-und-lang-genug")  # password untouched
    client.force_login(outsider)
    assert client.get("/musterstadt/").status_code == 404  # not yet a member
    assert "offene Einladung" in client.get("/").content.decode()
    page = client.get("/konto/einladungen/").content.decode()
    assert "Musterstadt" in page and "Annehmen" in page
    response = client.post("/konto/einladungen/", {"membership": offer.pk, "answer": "accept"})
    assert response["Location"] == "/musterstadt/"
    assert client.get("/musterstadt/").status_code == 200


def test_an_existing_user_may_decline(client, office_client, municipality, outsider):
    invite(office_client, municipality, email="amt@anderstadt.example", role=OFFICE)
    offer = Membership.objects.get(user=outsider, municipality=municipality)
    client.force_login(outsider)
    client.post("/konto/einladungen/", {"membership": offer.pk, "answer": "decline"})
    assert not Membership.objects.filter(user=outsider, municipality=municipality).exists()
    assert client.get("/musterstadt/").status_code == 404
    assert Membership.objects.filter(user=outsider, municipality__slug="anderstadt", is_active=True).exists()


def test_nobody_answers_an_invitation_of_someone_else(
    client, office_client, municipality, outsider, board_user
):
    invite(office_client, municipality, email="amt@anderstadt.example", role=OFFICE)
    offer = Membership.objects.get(user=outsider, municipality=municipality)
    client.force_login(board_user)
    assert client.post("/konto/einladungen/", {"membership": offer.pk, "answer": "accept"}).status_code == 404
    offer.refresh_from_db()
    assert offer.awaiting_acceptance


def test_the_office_gets_the_same_answer_for_every_address(
    office_client, municipality, outsider, django_user_model
):
    locked = django_user_model.objects.create_user(
        "gesperrt@anderstadt.example", "gesperrt@anderstadt.example"
    )
    locked.is_active = False
    locked.save()
    answers = {
        email: invite(office_client, municipality, email=email)
        for email in ("neu@example.org", "gesperrt@anderstadt.example")
    }
    assert {response.status_code for response in answers.values()} == {302}
    texts = []
    for email in ("neu2@example.org", "AMT@anderstadt.example"):
        office_client.get("/musterstadt/konto/benutzer/")  # shows (and so clears) the earlier messages
        response = invite(office_client, municipality, email=email)
        texts.append([str(m).replace(email, "EMAIL") for m in get_messages(response.wsgi_request)])
    assert (
        texts[0]
        == texts[1]
        == [
            "Die Einladung an EMAIL ist verschickt. Der Zugang gilt, sobald die Person die Einladung angenommen hat."
        ]
    )
    listing = office_client.get("/musterstadt/konto/benutzer/?status=eingeladen").content.decode()
    for email in ("neu@example.org", "amt@anderstadt.example", "gesperrt@anderstadt.example"):
        assert email in listing


def test_a_person_who_is_already_a_member_cannot_be_invited_again(office_client, municipality, board_user):
    response = invite(office_client, municipality, email="beirat@example.org")
    assert response.status_code == 200
    assert "bereits einen Zugang" in response.content.decode()
    assert not mail.outbox


def test_a_deactivated_member_is_pointed_to_reactivation(office_client, municipality, board_user):
    Membership.objects.filter(user=board_user).update(is_active=False)
    response = invite(office_client, municipality, email="beirat@example.org")
    assert "reaktivieren" in response.content.decode()


def test_a_department_editor_needs_a_department(office_client, municipality, partner, department):
    response = invite(office_client, municipality, role=DEPARTMENT_EDITOR)
    assert "Bitte wählen Sie das Amt" in response.content.decode()
    response = invite(office_client, municipality, role=DEPARTMENT_EDITOR, organisation=partner.pk)
    assert "Amt oder einer Dienststelle" in response.content.decode()
    assert not User.objects.filter(email="nora@example.org").exists()
    response = invite(office_client, municipality, role=DEPARTMENT_EDITOR, organisation=department.pk)
    assert response.status_code == 302
    assert Membership.objects.get(user__email="nora@example.org").organisation == department


def test_a_partner_editor_needs_a_partner_or_community(office_client, municipality, partner, department):
    response = invite(office_client, municipality, role=PARTNER_EDITOR, organisation=department.pk)
    assert "Kooperationspartner oder einem migrantischen Verein" in response.content.decode()
    community = Organisation.objects.create(
        municipality=municipality, kind=Organisation.Kind.COMMUNITY, name="Ukrainischer Verein"
    )
    response = invite(office_client, municipality, role=PARTNER_EDITOR, organisation=community.pk)
    assert response.status_code == 302


def test_an_organisation_of_another_municipality_is_refused(office_client, municipality, other_municipality):
    foreign = Organisation.objects.create(
        municipality=other_municipality, kind=Organisation.Kind.DEPARTMENT, name="Fremdamt"
    )
    response = invite(office_client, municipality, role=DEPARTMENT_EDITOR, organisation=foreign.pk)
    assert response.status_code == 200
    assert not User.objects.filter(email="nora@example.org").exists()


@pytest.mark.django_db
def test_a_refused_invitation_mail_keeps_the_invitation_and_the_job_says_so(
    office_client, municipality, settings
):
    """The mail goes out as a background job: a refused address fails that job (the office's job list names
    it), the invitation stays, and resending it works once the address is right at the mail server."""
    settings.EMAIL_BACKEND = "teilhabe.notifications.tests.backends.RefusingBackend"
    response = invite(office_client, municipality, email="refused@example.org")
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="refused@example.org")
    job = Job.objects.get(kind="notifications.send")
    assert job.state == Job.State.FAILED
    assert "refused@example.org" in job.error
    assert "/konto/einladung/" not in str(job.params)  # the one-time link is not kept in the job
    assert not mail.outbox
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    office_client.post(member_url("resend", municipality, membership))
    assert [m.to for m in mail.outbox] == [["refused@example.org"]]


def test_the_invitation_is_recorded_in_the_audit_trail(office_client, municipality, office_user):
    from auditlog.models import LogEntry

    invite(office_client, municipality)
    membership = Membership.objects.get(user__email="nora@example.org")
    entry = LogEntry.objects.get_for_object(membership).get(action=LogEntry.Action.CREATE)
    assert entry.actor == office_user
    assert entry.additional_data == {"municipality_id": municipality.pk}


def test_a_membership_deactivated_before_acceptance_gives_no_access(client, office_client, municipality):
    invite(office_client, municipality)
    Membership.objects.filter(user__email="nora@example.org").update(is_active=False)
    link = link_in(mail.outbox[0]).replace("http://testserver", "")
    client.logout()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Sonnenblume-1987", "new_password2": "Sonnenblume-1987"}, follow=True
    )
    assert SESSION_KEY not in client.session
    assert "in keiner Kommune freigeschaltet" in response.content.decode()


def test_a_locked_account_gets_no_mail_and_no_access(office_client, municipality, outsider):
    outsider.is_active = False
    outsider.save()
    response = invite(office_client, municipality, email="amt@anderstadt.example")
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, municipality=municipality).awaiting_acceptance
    assert not mail.outbox


def test_the_office_chooses_the_language_of_the_invitation(office_client, municipality):
    response = invite(office_client, municipality, email="olena@example.org", language="en")
    assert response.status_code == 302
    user = User.objects.get(email="olena@example.org")
    assert user.language == "en"
    (message,) = mail.outbox
    assert message.subject == "Invitation to Teilhabe – Musterstadt"


def test_the_invitation_language_offers_the_site_languages_and_defaults_to_german(
    office_client, municipality
):
    html = office_client.get(member_url("invite", municipality)).content.decode()
    assert 'name="language"' in html and '<option value="en">English</option>' in html
    invite(office_client, municipality)
    assert User.objects.get(email="nora@example.org").language == "de"
