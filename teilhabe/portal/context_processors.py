from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.roles import ADVISORY_BOARD, OFFICE

# The areas of the internal navigation, in order; only areas that exist. "concept:index" opens the current
# concept (or the list when there is none).
NAVIGATION = [
    ("concept", _("Integrationskonzept"), "concept:index"),
    ("statistics", _("Faktencheck"), "statistics:overview"),
    ("activities", _("Aktivitäten"), "activities:list"),
    ("networks", _("Netzwerke"), "networks:list"),
    ("bulletins", _("Informationen"), "bulletins:list"),
    ("programmes", _("Förderprogramme"), "programmes:list"),
    ("reports", _("Berichte"), "reports:list"),
    ("directory", _("Adressbuch"), "directory:organisation_list"),
    ("distribution", _("Verteiler"), "distribution:index"),
    ("leaflets", _("Flyer"), "leaflets:list"),
]
# Areas only some roles may open: shown to those roles only.
ONLY_FOR = {
    "programmes": (OFFICE, ADVISORY_BOARD),
    "reports": (OFFICE, ADVISORY_BOARD),
    "distribution": (OFFICE,),
}


def navigation(request):
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    role = role_of(request) if (municipality and user) else None
    items = []
    if municipality and role:
        current = request.resolver_match.namespace if request.resolver_match else ""
        for key, label, url_name in NAVIGATION:
            if key in ONLY_FOR and role not in ONLY_FOR[key]:
                continue
            url = reverse(url_name, args=[municipality.slug])
            active = current == url_name.split(":")[0]
            items.append({"key": key, "label": label, "url": url, "active": active})
    return {
        "municipality": municipality,
        "membership": getattr(request, "membership", None),
        "user_role": role,
        "is_office": role == OFFICE,
        "navigation": items,
    }
