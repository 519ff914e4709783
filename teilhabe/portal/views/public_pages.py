"""Public pages of a municipality besides its home page: imprint, privacy notice and a page in Leichte Sprache
(easy-to-read German). No personal data: the office's own contact only, as on the public home page."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from teilhabe.accounts.decorators import public_view


@public_view
@require_safe
def imprint(request):
    """Impressum: the office's text (Municipality.imprint), else the office's contact as the provider."""
    return render(request, "municipalities/imprint.html")


@public_view
@require_safe
def privacy(request):
    """Datenschutz: the office's text (Municipality.privacy_notice), else what this platform processes."""
    from teilhabe.registrations.models import retention_days

    return render(
        request, "municipalities/privacy.html", {"retention_days": retention_days(request.municipality)}
    )


@public_view
@require_safe
def easy_read(request):
    """Leichte Sprache: what the office does and what these pages offer, in short sentences."""
    return render(request, "municipalities/easy_read.html")
