"""The personal calendar feed's secret (CalendarToken): made or renewed on request, never shown to others."""

import secrets

from teilhabe.activities.models import CalendarToken


def renew_token(municipality, user) -> CalendarToken:
    """A new secret for the user's personal feed; the old address stops working at once."""
    token = CalendarToken.objects.filter(municipality=municipality, user=user).first()
    if token is None:
        token = CalendarToken(municipality=municipality, user=user)
    token.token = secrets.token_urlsafe(32)
    token.save()
    return token
