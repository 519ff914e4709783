from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.accounts import throttle
from teilhabe.accounts.models import User


class LoginForm(AuthenticationForm):
    """Login by user name or e-mail address, throttled after repeated failures."""

    username = forms.CharField(label=gettext_lazy("E-Mail-Adresse oder Benutzername"), max_length=254)

    def clean(self):
        username = self.cleaned_data.get("username", "")
        password = self.cleaned_data.get("password")
        address = throttle.client_address(self.request) if self.request else None
        if username and throttle.is_throttled(username, address):
            raise forms.ValidationError(
                _(
                    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es erneut."
                ),
                code="throttled",
            )
        if username and password:
            login_name = username
            by_email = User.objects.filter(email__iexact=username).first()
            if by_email:
                login_name = by_email.get_username()
            self.user_cache = authenticate(self.request, username=login_name, password=password)
            if self.user_cache is None:
                throttle.record_failure(username, address)
                raise forms.ValidationError(
                    _("Anmeldung fehlgeschlagen: E-Mail-Adresse/Benutzername oder Passwort stimmen nicht."),
                    code="invalid_login",
                )
            self.confirm_login_allowed(self.user_cache)
            throttle.clear_failures(username)
        return self.cleaned_data
