"""The office's send page of an issue: who will get it (per language list), the test send to oneself, the
send now or at a chosen time, and the progress (sent / failed / left) with every address that did not get it
and why; an interrupted send is resumed from here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.models import BulletinIssue, Sending, SendRecord, Subscription
from teilhabe.bulletins.sending_forms import ScheduleForm, TestSendForm
from teilhabe.bulletins.services import sending as service
from teilhabe.municipalities.scoping import get_scoped_or_404


def _issue(request, issue_id):
    return get_scoped_or_404(BulletinIssue.objects.select_related("bulletin"), request, pk=issue_id)


@role_required(OFFICE)
@require_safe
def send_page(request, issue_id):
    issue = _issue(request, issue_id)
    lists = issue.bulletin.distribution_lists.annotate(
        active=Count("subscriptions", filter=Q(subscriptions__state=Subscription.State.ACTIVE))
    ).order_by("language")
    state = service.progress(issue)
    sending = state["sending"]
    problems = []
    if sending is not None:
        problems = list(
            sending.records.exclude(state=SendRecord.State.SENT).order_by("state", "address")[:500]
        )
    ctx = {
        "issue": issue,
        "lists": lists,
        "progress": state,
        "sending": sending,
        "problems": problems,
        "test_form": TestSendForm(issue=issue),
        "schedule_form": ScheduleForm(),
        "batch_size": service.batch_size(),
        "rate": service.rate_per_minute(),
    }
    return render(request, "bulletins/sending/send_page.html", ctx)


@role_required(OFFICE)
@require_POST
def test_send(request, issue_id):
    issue = _issue(request, issue_id)
    form = TestSendForm(request.POST, issue=issue)
    if not form.is_valid():
        messages.error(request, _("Bitte mindestens eine Sprachfassung wählen."))
        return redirect("distribution:send", request.municipality.slug, issue.pk)
    job = service.test_send(issue, request.user, form.cleaned_data["languages"])
    return redirect(job)


@role_required(OFFICE)
@require_POST
def schedule(request, issue_id):
    issue = _issue(request, issue_id)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte einen gültigen Zeitpunkt angeben (TT.MM.JJJJ HH:MM)."))
        return redirect("distribution:send", request.municipality.slug, issue.pk)
    try:
        sending = service.schedule(issue, form.when_or_now(), request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("distribution:send", request.municipality.slug, issue.pk)
    if sending.job_id:
        messages.success(request, _("Der Versand läuft."))
    else:
        messages.success(request, _("Der Versand ist geplant."))
    return redirect("distribution:send", request.municipality.slug, issue.pk)


@role_required(OFFICE)
@require_POST
def resume(request, issue_id):
    issue = _issue(request, issue_id)
    sending = get_scoped_or_404(Sending.objects.select_related("job"), request, issue=issue)
    try:
        service.resume(sending, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Der Versand wird fortgesetzt; niemand bekommt die Ausgabe doppelt."))
    return redirect("distribution:send", request.municipality.slug, issue.pk)


@role_required(OFFICE)
@require_POST
def unschedule(request, issue_id):
    issue = _issue(request, issue_id)
    sending = get_scoped_or_404(Sending.objects.select_related("job", "issue"), request, issue=issue)
    try:
        service.unschedule(sending)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Der geplante Versand ist aufgehoben; die Ausgabe ist wieder ein Entwurf.")
        )
    return redirect("distribution:send", request.municipality.slug, issue.pk)
