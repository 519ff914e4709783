from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.roles import OFFICE

# The areas of the internal navigation, in order. Areas that later issues fill have no URL name yet and
# are shown as "in Vorbereitung" rather than as a link.
NAVIGATION = [
    ("concept", _("Integrationskonzept"), "concept:index"),
    ("statistics", _("Faktencheck"), "statistics:overview"),
    ("activities", _("Aktivitäten"), None),
    ("networks", _("Netzwerke"), None),
    ("bulletins", _("Information"), None),
    ("reports", _("Berichte"), None),
    ("directory", _("Adressbuch"), "directory:organisation_list"),
]


def navigation(request):
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    role = role_of(request) if (municipality and user) else None
    items = []
    if municipality and role:
        current = request.resolver_match.namespace if request.resolver_match else ""
        for key, label, url_name in NAVIGATION:
            try:
                url = reverse(url_name, args=[municipality.slug]) if url_name else None
            except NoReverseMatch:
                url = None
            active = bool(url_name) and current == url_name.split(":")[0]
            items.append({"key": key, "label": label, "url": url, "active": active})
    return {
        "municipality": municipality,
        "membership": getattr(request, "membership", None),
        "user_role": role,
        "is_office": role == OFFICE,
        "navigation": items,
    }
