from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from teilhabe.accounts import throttle
from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR, Role

# The organisation a membership belongs to (directory.Organisation), reached through Membership's foreign key:
# accounts sits below the directory and does not import it (teilhabe/tests/test_import_layers.py).
Organisation = Membership._meta.get_field("organisation").related_model


def login_name_for(identifier: str) -> str:
    """The user name behind what someone typed: a user name, or the e-mail address of an account."""
    identifier = identifier.strip()
    if User.objects.filter(username=identifier).exists():
        return identifier
    by_email = User.objects.filter(email__iexact=identifier).order_by("-is_active", "pk").first()
    return by_email.get_username() if by_email else identifier


def has_access_somewhere(user) -> bool:
    # An open invitation counts: the person logs in to accept or decline it.
    return user.is_superuser or user.memberships.filter(is_active=True).exists()


class LoginForm(AuthenticationForm):
    """Login by user name or e-mail address, throttled after repeated failures per account and address."""

    username = forms.CharField(label=gettext_lazy("E-Mail-Adresse oder Benutzername"), max_length=254)

    def clean(self):
        identifier = (self.cleaned_data.get("username") or "").strip()
        password = self.cleaned_data.get("password")
        if not identifier or not password:
            return self.cleaned_data
        # Throttle by the account, not by what was typed: e-mail and user name count together.
        login_name = login_name_for(identifier)
        address = throttle.client_address(self.request) if self.request else None
        if throttle.is_throttled(login_name, address):
            minutes = throttle.minutes_to_wait()
            raise forms.ValidationError(
                ngettext(
                    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie %(minutes)d Minute und versuchen Sie es erneut.",
                    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie %(minutes)d Minuten und versuchen Sie es erneut.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        self.user_cache = authenticate(self.request, username=login_name, password=password)
        if self.user_cache is None:
            throttle.record_failure(login_name, address)
            raise forms.ValidationError(
                _("Anmeldung fehlgeschlagen: E-Mail-Adresse/Benutzername oder Passwort stimmen nicht."),
                code="invalid_login",
            )
        self.confirm_login_allowed(self.user_cache)
        throttle.clear_failures(login_name, address)
        return self.cleaned_data

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not has_access_somewhere(user):
            raise forms.ValidationError(
                _(
                    "Ihr Zugang ist derzeit in keiner Kommune freigeschaltet. Bitte wenden Sie sich an Ihr Integrationsamt."
                ),
                code="no_membership",
            )


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "%s (%s)" % (obj.name, obj.get_kind_display())


def check_role_organisation(role: str, organisation: Organisation | None) -> None:
    """Editors act for one organisation of the right kind; raises a German ValidationError otherwise."""
    if role == DEPARTMENT_EDITOR:
        if organisation is None:
            raise forms.ValidationError(_("Bitte wählen Sie das Amt, für das die Redaktion arbeitet."))
        if organisation.kind != Organisation.Kind.DEPARTMENT:
            raise forms.ValidationError(
                _("Eine Redaktion Fachamt gehört zu einem Amt oder einer Dienststelle der Verwaltung.")
            )
    elif role == PARTNER_EDITOR:
        if organisation is None:
            raise forms.ValidationError(
                _("Bitte wählen Sie den Kooperationspartner oder Verein, für den die Redaktion arbeitet.")
            )
        if organisation.kind not in (Organisation.Kind.PARTNER, Organisation.Kind.COMMUNITY):
            raise forms.ValidationError(
                _(
                    "Eine Redaktion Kooperationspartner gehört zu einem Kooperationspartner oder einem migrantischen Verein."
                )
            )


class RoleOrganisationMixin:
    """Shared role + organisation fields, with the organisation limited to the municipality's directory."""

    def setup_organisation(self, municipality):
        self.fields["organisation"] = OrganisationChoiceField(
            label=_("Organisation"),
            queryset=Organisation.objects.for_municipality(municipality).order_by("kind", "name"),
            required=False,
            empty_label=_("– keine –"),
            help_text=_(
                "Pflicht für Redaktionen: bei „Redaktion Fachamt“ ein Amt, bei „Redaktion Kooperationspartner“ "
                "ein Kooperationspartner oder Verein."
            ),
        )

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role:
            try:
                check_role_organisation(role, cleaned.get("organisation"))
            except forms.ValidationError as error:
                self.add_error("organisation", error)
        return cleaned


class InviteForm(RoleOrganisationMixin, forms.Form):
    first_name = forms.CharField(label=gettext_lazy("Vorname"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Nachname"), max_length=150)
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse"),
        help_text=gettext_lazy("An diese Adresse geht die Einladung; sie ist zugleich der Benutzername."),
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Rolle"), choices=[("", gettext_lazy("– bitte wählen –")), *Role.choices]
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Sprache"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        help_text=gettext_lazy(
            "In dieser Sprache geht die Einladung hinaus, und in ihr sieht die Person Teilhabe, bis sie es im "
            "Profil ändert. Hat die Adresse schon ein Konto, gilt dessen Sprache."
        ),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.setup_organisation(municipality)

    def clean_language(self):
        return self.cleaned_data.get("language") or settings.LANGUAGE_CODE

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        existing = Membership.objects.filter(
            municipality=self.municipality, user__email__iexact=email
        ).first()
        if existing and existing.is_active:
            raise forms.ValidationError(_("Diese Person hat bereits einen Zugang zu dieser Kommune."))
        if existing:
            raise forms.ValidationError(
                _(
                    "Der Zugang dieser Person ist deaktiviert. Sie können ihn in der Benutzerliste reaktivieren."
                )
            )
        # Nothing here may depend on accounts outside this municipality (whether one exists, is locked ...).
        return email


class MembershipForm(RoleOrganisationMixin, forms.ModelForm):
    """Change the role and organisation of a membership; office staff cannot demote themselves."""

    class Meta:
        model = Membership
        fields = ["role", "organisation", "team_function", "name_public", "team_order"]

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        self.setup_organisation(self.instance.municipality)
        self.fields["team_order"].required = False

    def clean_team_order(self):
        return self.cleaned_data.get("team_order") or 0

    def clean_role(self):
        role = self.cleaned_data["role"]
        own = self.instance.user_id == self.acting_user.pk
        if own and self.instance.role == OFFICE and role != OFFICE:
            raise forms.ValidationError(
                _(
                    "Sie können sich die Rolle „Integrationsamt“ nicht selbst entziehen. Bitten Sie eine Kollegin oder einen Kollegen darum."
                )
            )
        return role


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        labels = {"first_name": gettext_lazy("Vorname"), "last_name": gettext_lazy("Nachname")}


class NotificationForm(forms.Form):
    round_opened = forms.BooleanField(
        label=gettext_lazy("E-Mail, wenn eine Berichtsrunde eröffnet wird"),
        required=False,
        help_text=gettext_lazy(
            "Für Redaktionen: eine Nachricht, sobald die Maßnahmen Ihrer Organisation zu melden sind."
        ),
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose look-up and e-mail run as a background task: the request itself never touches the
    user table, so neither its answer nor its timing tells whether an address has an account."""

    def save(self, domain_override=None, subject_template_name="", email_template_name="", use_https=False,
             request=None, **kwargs):  # fmt: skip
        from teilhabe.accounts.tasks import send_password_reset

        send_password_reset.enqueue(
            email=self.cleaned_data["email"],
            domain=domain_override or request.get_host(),
            use_https=use_https,
        )
