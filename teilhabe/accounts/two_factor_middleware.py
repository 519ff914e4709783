"""Before any page answers a logged-in user who has or must have a second factor, the code is asked for.

Runs after django-otp's OTPMiddleware (which sets `request.user.is_verified()`). What a session still needs is
computed at login and kept in the session for a few minutes, so ordinary pages spend no queries on it; a
municipality that switches the requirement on reaches its office within that time.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from teilhabe.accounts import two_factor

SESSION_KEY = "teilhabe_two_factor"
RECHECK_SECONDS = 300


@receiver(user_logged_in)
def _remember_step(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = [two_factor.needed_step(user), time.time()]


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and not self._exempt(request.path_info):
            step = self._step(request, user)
            if step != two_factor.NOTHING:
                name = (
                    "accounts:two_factor_verify" if step == two_factor.VERIFY else "accounts:two_factor_setup"
                )
                return redirect(reverse(name) + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)

    @staticmethod
    def _step(request, user) -> str:
        stored = request.session.get(SESSION_KEY)
        if not stored or time.time() - stored[1] > RECHECK_SECONDS:
            stored = [two_factor.needed_step(user), time.time()]
            request.session[SESSION_KEY] = stored
        return stored[0]

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = (
            reverse("accounts:two_factor_verify"),
            reverse("accounts:two_factor_setup"),
            reverse("accounts:logout"),
            settings.STATIC_URL,
            settings.MEDIA_URL,
            "/i18n/",
            "/healthz",
        )
        return path.startswith(allowed)
