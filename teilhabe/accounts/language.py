"""Which language a page is in, and the switch that changes it.

Internal pages are German unless the person chose English: the choice is stored on the user (`User.language`)
and so is remembered on every device; the browser's Accept-Language does not switch them. Visitors who are not
logged in (public pages, login) get what they chose with the switch in the header (a cookie), else what their
browser asks for, else German.
"""

from django.conf import settings
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language


def _supported(code):
    return code if code in dict(settings.LANGUAGES) else None


class LanguageMiddleware:
    """Replaces Django's LocaleMiddleware; stands after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = _supported(user.language) or settings.LANGUAGE_CODE
        else:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        vary = {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}
        if "accept-language" not in vary:
            response.headers["Vary"] = ", ".join(
                filter(None, [response.headers.get("Vary"), "Accept-Language"])
            )
        return response


@require_POST
def set_language(request):
    """Django's switch (the cookie), and for a logged-in person also their stored choice."""
    response = django_set_language(request)
    language = _supported(request.POST.get("language"))
    if language and request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
