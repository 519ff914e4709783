"""The public pages of the distribution lists: sign-up (double opt-in), the confirmation link, the
preferences and the unsubscribe link every mail carries. No login; nothing about anyone else is shown, and a
sign-up answers the same whether or not the address is already on the list."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from teilhabe.accounts.decorators import public_view, secret_link_view
from teilhabe.bulletins.list_forms import HONEYPOT, PreferencesForm, SignupForm, topics_of
from teilhabe.bulletins.models import ConsentRecord, DistributionList, Subscription
from teilhabe.bulletins.output.list_words import for_list
from teilhabe.bulletins.services import subscribing
from teilhabe.municipalities.scoping import get_scoped_or_404


def public_lists(municipality):
    return (
        DistributionList.objects.for_municipality(municipality)
        .filter(public_signup=True)
        .select_related("bulletin")
        .order_by("bulletin__name", "language")
    )


@public_view
@require_safe
def index(request):
    by_bulletin = {}
    for dlist in sorted(public_lists(request.municipality), key=lambda d: (d.bulletin.name, d.order)):
        by_bulletin.setdefault(dlist.bulletin, []).append(dlist)
    return render(request, "bulletins/public/index.html", {"by_bulletin": by_bulletin.items()})


@public_view
@require_http_methods(["GET", "POST"])
def signup(request, distribution_list_id):
    dlist = get_scoped_or_404(public_lists(request.municipality), request, pk=distribution_list_id)
    siblings = [d for d in public_lists(request.municipality) if d.bulletin_id == dlist.bulletin_id]
    siblings.sort(key=lambda d: d.order)
    form = SignupForm(request.POST or None, lists=siblings, chosen=dlist)
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            return redirect("subscriptions:thanks", request.municipality.slug, dlist.pk)
        if form.is_valid():
            chosen = form.chosen
            subscribing.sign_up(
                chosen,
                form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                form=_("Öffentliche Anmeldung „%(list)s“ (%(path)s)")
                % {"list": chosen, "path": request.path},
            )
            return redirect("subscriptions:thanks", request.municipality.slug, chosen.pk)
    ctx = {"list": dlist, "form": form, "honeypot": HONEYPOT}
    return render(request, "bulletins/public/signup.html", ctx)


@public_view
@require_safe
def thanks(request, distribution_list_id):
    dlist = get_scoped_or_404(public_lists(request.municipality), request, pk=distribution_list_id)
    return render(request, "bulletins/public/thanks.html", {"list": dlist, "w": for_list(dlist)})


def _not_found(request, template="bulletins/public/link_invalid.html"):
    return render(request, template, {}, status=404)


@secret_link_view
@require_http_methods(["GET", "POST"])
def confirm(request, confirm_token):
    """GET shows a button (mail scanners open links); only the POST confirms."""
    subscription = subscribing.pending_for_token(request.municipality, confirm_token)
    if subscription is None:
        return _not_found(request)
    ctx = {"subscription": subscription, "w": for_list(subscription.distribution_list)}
    if request.method == "POST":
        subscribing.confirm(subscription)
        return render(request, "bulletins/public/confirmed.html", ctx)
    return render(request, "bulletins/public/confirm.html", ctx)


@csrf_exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" without any token of ours
@secret_link_view
@require_http_methods(["GET", "POST"])
def unsubscribe(request, unsubscribe_token):
    """The link of every mail: GET shows a button, POST (the button, or the mail program's one-click
    request) takes the address off the list. The signed link is the only credential needed."""
    subscription = subscribing.subscription_for_unsubscribe(request.municipality, unsubscribe_token)
    if subscription is None:
        raise Http404
    ctx = {"subscription": subscription, "w": for_list(subscription.distribution_list)}
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        method = ConsentRecord.Method.ONE_CLICK if one_click else ConsentRecord.Method.UNSUBSCRIBE_PAGE
        subscribing.unsubscribe(subscription, method)
        if one_click:
            return render(request, "bulletins/public/unsubscribe.html", ctx)
        messages.success(request, _("Sie sind abgemeldet und bekommen diesen Verteiler nicht mehr."))
        return redirect("subscriptions:unsubscribe", request.municipality.slug, unsubscribe_token)
    return render(request, "bulletins/public/unsubscribe.html", ctx)


@secret_link_view
@require_http_methods(["GET", "POST"])
def preferences(request, preferences_token):
    subscriber = subscribing.subscriber_for_preferences(request.municipality, preferences_token)
    if subscriber is None:
        raise Http404
    subscriptions = list(
        subscriber.subscriptions.filter(state=Subscription.State.ACTIVE)
        .select_related("distribution_list__bulletin")
        .order_by("distribution_list__bulletin__name")
    )
    lists_by_bulletin = {}
    bulletin_ids = {s.distribution_list.bulletin_id for s in subscriptions}
    for dlist in DistributionList.objects.filter(
        municipality=request.municipality, bulletin_id__in=bulletin_ids
    ):
        lists_by_bulletin.setdefault(dlist.bulletin_id, []).append(dlist)
    topics = topics_of(request.municipality)
    form = PreferencesForm(
        request.POST or None,
        subscriptions=subscriptions,
        lists_by_bulletin=lists_by_bulletin,
        topics=topics,
        chosen_topics=list(subscriber.topics.all()),
    )
    if request.method == "POST" and form.is_valid():
        subscribing.save_preferences(subscriber, form.languages(), form.cleaned_data["topics"])
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("subscriptions:preferences", request.municipality.slug, preferences_token)
    return render(
        request, "bulletins/public/preferences.html", {"form": form, "subscriptions": subscriptions}
    )
