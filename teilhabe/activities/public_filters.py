"""The filters of the public activity list and its calendar feed (language, target group, kind): one form,
so the feed a page links to holds exactly what the page shows."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.activities.models import Activity, TargetGroup
from teilhabe.languages import LANGUAGES


class PublicFilterForm(forms.Form):
    sprache = forms.ChoiceField(label=_("Sprache"), required=False)
    zielgruppe = forms.TypedChoiceField(label=_("Zielgruppe"), required=False, coerce=int, empty_value=None)
    art = forms.ChoiceField(label=_("Art"), required=False)

    def __init__(self, data, municipality):
        super().__init__(data)
        everything = [("", _("alle"))]
        self.fields["sprache"].choices = everything + list(LANGUAGES)
        self.fields["zielgruppe"].choices = everything + list(
            TargetGroup.objects.for_municipality(municipality).values_list("pk", "name")
        )
        self.fields["art"].choices = everything + list(Activity.Kind.choices)


def filtered(queryset, filters: dict):
    if filters.get("sprache"):
        queryset = queryset.filter(languages__icontains='"%s"' % filters["sprache"])
    if filters.get("zielgruppe"):
        queryset = queryset.filter(target_groups=filters["zielgruppe"]).distinct()
    if filters.get("art"):
        queryset = queryset.filter(kind=filters["art"])
    return queryset


def feed_query(filters: dict) -> str:
    return urlencode({k: v for k, v in filters.items() if v not in ("", None)})
