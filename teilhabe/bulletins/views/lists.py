"""The office's pages of the distribution lists: all lists with their counts, one list with its people
(suspended addresses shown apart, never dropped), creating and editing a list, adding directory contacts,
taking someone off, lifting a suspension, the topics. Office only: these pages show personal data."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.bulletins.list_forms import ContactsForm, ListForm, TopicForm, topics_of
from teilhabe.bulletins.models import ConsentRecord, DistributionList, Subscriber, Subscription, Topic
from teilhabe.bulletins.services import subscribing
from teilhabe.directory.models import Contact
from teilhabe.municipalities.scoping import get_scoped_or_404

PAGE_SIZE = 50
S = Subscription.State


def _counted(queryset):
    return queryset.annotate(
        active_count=Count("subscriptions", filter=Q(subscriptions__state=S.ACTIVE)),
        pending_count=Count("subscriptions", filter=Q(subscriptions__state=S.PENDING)),
        unsubscribed_count=Count("subscriptions", filter=Q(subscriptions__state=S.UNSUBSCRIBED)),
        suspended_count=Count(
            "subscriptions",
            filter=Q(subscriptions__state=S.ACTIVE, subscriptions__subscriber__suspended_at__isnull=False),
        ),
    )


@role_required(OFFICE)
@require_safe
def index(request):
    lists = _counted(
        DistributionList.objects.for_municipality(request.municipality).select_related("bulletin")
    )
    return render(request, "bulletins/lists/index.html", {"lists": lists})


def _form_errors(form, error: ValidationError):
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def list_form(request, distribution_list_id=None):
    dlist = None
    if distribution_list_id is not None:
        dlist = get_scoped_or_404(DistributionList, request, pk=distribution_list_id)
    form = ListForm(request.POST or None, instance=dlist, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            dlist = subscribing.save_list(request.municipality, form.values(), dlist)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Der Verteiler ist gespeichert."))
            return redirect("distribution:detail", request.municipality.slug, dlist.pk)
    return render(request, "bulletins/lists/list_form.html", {"form": form, "list": dlist})


@role_required(OFFICE)
@require_safe
def detail(request, distribution_list_id):
    dlist = get_scoped_or_404(
        _counted(DistributionList.objects.select_related("bulletin")), request, pk=distribution_list_id
    )
    state = request.GET.get("stand", "")
    subscriptions = dlist.subscriptions.select_related("subscriber__contact").order_by("subscriber__email")
    if state in S.values:
        subscriptions = subscriptions.filter(state=state)
    suspended = list(
        dlist.subscriptions.filter(state=S.ACTIVE, subscriber__suspended_at__isnull=False)
        .select_related("subscriber")
        .order_by("subscriber__email")[:200]
    )
    ctx = {
        "list": dlist,
        "page": Paginator(subscriptions, PAGE_SIZE).get_page(request.GET.get("seite")),
        "suspended": suspended,
        "state": state,
        "states": S.choices,
        "bounce_limit": Subscriber.bounce_limit(),
    }
    return render(request, "bulletins/lists/detail.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def add_contacts(request, distribution_list_id):
    dlist = get_scoped_or_404(
        DistributionList.objects.select_related("bulletin"), request, pk=distribution_list_id
    )
    on_list = dlist.subscriptions.filter(state=S.ACTIVE, subscriber__contact__isnull=False).values(
        "subscriber__contact"
    )
    contacts = (
        Contact.objects.for_municipality(request.municipality)
        .filter(erased_at__isnull=True, consent_withdrawn=False, consent_date__isnull=False)
        .exclude(email="")
        .exclude(pk__in=on_list)
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
    form = ContactsForm(request.POST or None, contacts=contacts)
    if request.method == "POST" and form.is_valid():
        outcome = subscribing.add_contacts(dlist, form.cleaned_data["contacts"], request.user)
        count = len(outcome.added)
        messages.success(
            request,
            ngettext(
                "%(count)s Ansprechperson ist eingetragen.",
                "%(count)s Ansprechpersonen sind eingetragen.",
                count,
            )
            % {"count": count},
        )
        for contact, reason in outcome.refused:
            messages.warning(
                request, _("%(name)s nicht eingetragen: %(reason)s") % {"name": contact, "reason": reason}
            )
        return redirect("distribution:detail", request.municipality.slug, dlist.pk)
    return render(request, "bulletins/lists/add_contacts.html", {"list": dlist, "form": form})


@role_required(OFFICE)
@require_POST
def remove(request, subscription_id):
    subscription = get_scoped_or_404(
        Subscription.objects.select_related("distribution_list"), request, pk=subscription_id
    )
    subscribing.unsubscribe(subscription, ConsentRecord.Method.OFFICE, actor=request.user)
    messages.success(request, _("Die Adresse ist vom Verteiler abgemeldet; der Nachweis bleibt."))
    return redirect("distribution:detail", request.municipality.slug, subscription.distribution_list_id)


@role_required(OFFICE)
@require_POST
def lift_suspension(request, subscriber_id):
    subscriber = get_scoped_or_404(Subscriber, request, pk=subscriber_id)
    subscribing.lift_suspension(subscriber)
    messages.success(request, _("Die Sperre ist aufgehoben; die Adresse bekommt wieder E-Mails."))
    back = request.POST.get("verteiler", "")
    if back.isdigit():
        return redirect("distribution:detail", request.municipality.slug, int(back))
    return redirect("distribution:index", request.municipality.slug)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def topics(request):
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = " ".join(form.cleaned_data["name"].split())
        if Topic.objects.for_municipality(request.municipality).filter(name__iexact=name).exists():
            form.add_error("name", _("Dieses Thema gibt es schon."))
        else:
            subscribing.save_topic(request.municipality, {"name": name})
            messages.success(request, _("Das Thema ist angelegt."))
            return redirect("distribution:topics", request.municipality.slug)
    ctx = {"form": form, "topics": topics_of(request.municipality).annotate(people=Count("subscribers"))}
    return render(request, "bulletins/lists/topics.html", ctx)
