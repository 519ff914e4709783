"""Every page of the site, for the accessibility walk (`teilhabe/tests/test_accessibility.py`).

The walk reads the URL configuration, so a new page is checked without anyone adding it. Object ids are filled
with the demo municipality's own objects (rich pages: charts, matrix, open and closed rounds), falling back to
the sample factories of `teilhabe/testing/samples.py`; a page whose object has sample variants (a closed round,
a contact who withdrew consent) is walked once more per variant, as the role table lists it. A URL the walk cannot show as a page for anyone must be
listed in NOT_WALKED with the reason; a test fails on a URL that is neither walked nor listed.
"""

from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.urls import get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from teilhabe.municipalities.scoping import URL_OBJECTS, URL_VALUES
from teilhabe.testing.samples import DEFAULT
from teilhabe.testing.urlwalk import Route, _kwarg_names, _walk, fill_kwargs, object_variants, variant_label

# URL name (or "namespace:*") -> why the walk does not check it as a page.
NOT_WALKED = {
    "admin:*": "Django's own admin for superusers (Django's templates, not Teilhabe's pages)",
    "set_language": "POST only: the language switch of every page's header",
    "healthz": "plain text for the load balancer, no page",
    "api:*": "the open data API (/api/v1/): JSON and CSV, no pages; checked by schemathesis in api/tests",
    "api_tokens:create": "POST only: the form on the profile page (the key is shown once in its answer)",
    "api_tokens:revoke": "POST only: a button on the profile page",
    "media": "uploaded files (logos), no page",
    "accounts:logout": "POST only: the logout button of every page's header",
    "accounts:oidc_login": "redirects to the identity provider (404 unless single sign-on is configured)",
    "accounts:oidc_callback": "the identity provider's return address, no page of its own",
    "members:deactivate": "POST only: a button on the member's page",
    "members:reactivate": "POST only: a button on the member's page",
    "members:resend": "POST only: a button on the member's page",
    "members:sso_unbind": "POST only: a button on the member's page",
    "statistics:set_lead": "POST only: the form choosing the leading definition on the overview",
    "activities:attachment_delete": "POST only: a button on the activity's page",
    "activities:partner_remove": "POST only: a button on the activity's page",
    "activities:attachment_file": "an uploaded PDF attachment, no page",
    "activities:picture_file": "an uploaded picture, no page",
    "activities:export_xlsx": "file download (XLSX), not a page",
    "activities:export_csv": "file download (CSV), not a page",
    "activities:export_template": "file download (the XLSX template), not a page",
    "distribution:import_template": "file download (the XLSX template of a distribution list), not a page",
    "distribution:import_confirm": "the preview after an upload (POST); tested in bulletins/tests, the upload page is walked",
    "activities:import_confirm": "the preview after an upload (POST); tested in activities/tests, the upload page is walked",
    "networks:member_remove": "POST only: a button on the network's page",
    "networks:meeting_invite": "POST only: a button on the meeting's page",
    "networks:meeting_send_minutes": "POST only: a button on the meeting's page",
    "networks:task_done": "POST only: a button beside each open task",
    "networks:meeting_ics": "file download (iCalendar), not a page",
    "programmes:export": "file download (XLSX), not a page",
    "concept:import_confirm": "the preview after an upload (POST); tested in concept/tests, the upload page is walked",
    "directory:import_confirm": "the preview after an upload (POST); tested in directory/tests, the upload page is walked",
    "jobs:progress": "htmx fragment of the job page (polled into it; checked as part of jobs:detail)",
    "jobs:delete_upload": "POST only: a button on the job page",
    "directory:export_xlsx": "file download (XLSX), not a page",
    "directory:export_organisations_csv": "file download (CSV), not a page",
    "directory:export_contacts_csv": "file download (CSV), not a page",
    "directory:contact_export": "file download (the privacy export of one person), not a page",
    "concept:export_xlsx": "file download (XLSX), not a page",
    "concept:export_csv": "file download (CSV), not a page",
    "concept:round_export_xlsx": "file download (XLSX), not a page",
    "concept:round_export_csv": "file download (CSV), not a page",
    "statistics:export": "file download (CSV/XLSX), not a page",
    "statistics:district_map_public": "POST only: the switch on the district map page",
    "statistics_public:export": "file download (CSV/XLSX), not a page",
    "activities:subscription_renew": "POST only: the button on the calendar subscription page",
    "activities:personal_feed": "iCalendar feed behind a member's secret token, not a page",
    "feeds:public": "iCalendar feed, not a page",
    "events:picture": "a released picture, no page",
    "registrations:attendance": "POST only: the form on the participant list",
    "registrations:cancel": "POST only: a button on the participant list",
    "registrations:export_xlsx": "file download (XLSX), not a page",
    "registrations:sign_in_sheet": "file download (PDF), not a page",
    "leaflets:pdf": "file download (PDF), not a page",
    "reports_public:pdf": "file download (the published report's PDF), not a page",
    "reports:public": "POST only: the button on the version's page",
    "leaflets:renew": "POST only: the button on the leaflet list and the preview",
    "leaflets:print": 'POST only: the button "Druckfassung erstellen" on the leaflet\'s page',
    "leaflets:print_file": "file download (a frozen print, PDF), not a page",
    "bulletins:issue_state": "POST only: the state buttons on the issue's page",
    "bulletins:item_machine": "POST only: the machine-translation button on the item's page",
    "bulletins:item_move": "POST only: the up/down buttons beside each item of an issue",
    "bulletins:item_remove": "POST only: the remove button beside each item of an issue",
    "bulletins:version_approve": "POST only: the approve button of a machine translation",
    "bulletins:pdf": "file download (PDF of an issue), not a page",
    "bulletins_public:pdf": "file download (PDF of a sent issue), not a page",
    "bulletins_public:header": "the series' header picture, no page",
    "distribution:lift_suspension": "POST only: the button beside a suspended address",
    "distribution:remove": "POST only: the button beside each subscription",
    "distribution:test_send": "POST only: the test-send button on the send page",
    "distribution:schedule": "POST only: the scheduling form on the send page",
    "distribution:unschedule": "POST only: the button cancelling a scheduled send",
    "distribution:resume": "POST only: the button resuming an interrupted send",
    "reports:generate": "POST only: the generate button on the report's page",
    "reports:publish": "POST only: the release button of a report version",
    "reports:download": "file download (PDF, PPTX or DOCX of a report version), not a page",
    "statistics:table_export_csv": "file download (CSV), not a page",
    "statistics:table_export_xlsx": "file download (XLSX), not a page",
    "statistics:table_template": "file download (the XLSX template), not a page",
    "distribution:contact_topics": "POST only: the topics form on the contact's page",
    "distribution:organisation_topics": "POST only: the topics form on the organisation's page",
}


def not_walked_reason(name: str) -> str | None:
    if name in NOT_WALKED:
        return NOT_WALKED[name]
    namespace = name.rsplit(":", 1)[0] if ":" in name else None
    return NOT_WALKED.get(f"{namespace}:*") if namespace else None


@dataclass(frozen=True)
class SiteRoute:
    name: str
    kwargs: tuple[str, ...]
    public: bool  # @public_view, or outside the municipality area (login, password reset ...)
    variants: tuple[tuple[str, str], ...] = ()  # (kwarg, sample variant), as in the role table

    def __str__(self):
        return variant_label(Route(self.name, self.kwargs, None), dict(self.variants))


def site_routes() -> list[SiteRoute]:
    """Every named URL of the site (municipality area and the pages outside it)."""
    routes = {}
    for pattern, name, entry in _walk(get_resolver().url_patterns):
        kwargs = tuple(sorted(set(_kwarg_names(pattern))))
        in_area = "municipality_slug" in kwargs
        public = getattr(entry.callback, "public_view", False) or not in_area
        routes[(name, kwargs)] = SiteRoute(name=name, kwargs=kwargs, public=public)
    return sorted(routes.values(), key=lambda r: r.name)


def demo_objects(municipality) -> dict:
    """The cache `fill_kwargs` reads: the first object of each URL model, preferring the richest state."""
    from teilhabe.activities.models import Activity
    from teilhabe.concept.models import ReportingRound, StatusReport

    cache = {}
    for model in set(URL_OBJECTS.values()):
        queryset = model.objects.filter(municipality=municipality).order_by("pk")
        if model is ReportingRound:
            obj = queryset.filter(closed_at__isnull=True).first() or queryset.first()
        elif model is Activity:  # one the public pages show, with its registration form and participants
            shown = queryset.filter(public=True).exclude(state="idea")
            obj = (
                shown.filter(registration_settings__is_open=True).first() or shown.first() or queryset.first()
            )
        elif model is StatusReport:
            obj = queryset.filter(state=StatusReport.State.SUBMITTED).first() or queryset.first()
        else:
            obj = queryset.first()
        if obj is not None:
            cache[(model, municipality.pk, DEFAULT)] = obj  # the key `fill_kwargs` looks up
    return cache


def account_token_kwargs(user) -> dict:
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


def secret_values(municipality) -> dict:
    """Valid secrets for the secret-link pages (@secret_link_view), so the walk sees them as their holder
    does: the cancellation link of one of the municipality's registrations, and a distribution list's
    confirmation (a pending sign-up), unsubscribe and preferences links (an active subscription)."""
    from teilhabe.bulletins.models import Subscription
    from teilhabe.bulletins.services import tokens
    from teilhabe.registrations.models import Registration
    from teilhabe.registrations.services.tokens import cancel_token

    values = {}
    registration = (
        Registration.objects.filter(municipality=municipality, status="confirmed", anonymised_at=None)
        .order_by("pk")
        .first()
    )
    if registration:
        values["cancel_token"] = cancel_token(registration)
    subscriptions = Subscription.objects.filter(municipality=municipality).select_related("subscriber")
    pending = subscriptions.filter(state=Subscription.State.PENDING).order_by("pk").first()
    if pending:
        values["confirm_token"] = tokens.confirm_token(pending)
    active = subscriptions.filter(state=Subscription.State.ACTIVE).order_by("pk").first()
    if active:
        values["unsubscribe_token"] = tokens.unsubscribe_token(active)
        values["preferences_token"] = tokens.preferences_token(active.subscriber)
    return values


def page_urls(municipality, invited_user) -> list[tuple[SiteRoute, str]]:
    """(route, URL) for every route the walk opens; `invited_user` has a pending invitation (token pages)."""
    cache = demo_objects(municipality)
    secrets = secret_values(municipality)
    samples = {}
    pages = []
    for route in site_routes():
        if not_walked_reason(route.name):
            continue
        if "municipality_slug" in route.kwargs:
            plain = Route(route.name, route.kwargs, None)
            for variants in object_variants(plain):
                # a variant comes with sample objects around it (the closed round's own measure), as in the
                # role table; the demo's objects would not belong to it
                objects = samples if variants else cache
                kwargs = fill_kwargs(plain, municipality, cache=objects, variants=variants)
                kwargs.update((k, v) for k, v in secrets.items() if k in kwargs)
                variant = SiteRoute(route.name, route.kwargs, route.public, tuple(sorted(variants.items())))
                pages.append((variant, reverse(route.name, kwargs=kwargs)))
            continue
        if set(route.kwargs) == {"uidb64", "token"}:
            kwargs = account_token_kwargs(invited_user)
        else:
            kwargs = {k: URL_VALUES[k] for k in route.kwargs}
        pages.append((route, reverse(route.name, kwargs=kwargs)))
    return pages
