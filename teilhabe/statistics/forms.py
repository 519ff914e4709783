from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from teilhabe.statistics.layout import TABLE

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


class RegisterExtractForm(forms.Form):
    file = forms.FileField(
        label=_("Registerauszug"),
        help_text=_(
            "CSV (UTF-8 oder Windows-1252, getrennt durch ; oder ,), Parquet oder XLSX; eine Zeile je Person."
        ),
    )
    reference_date = forms.DateField(
        label=_("Stichtag"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    columns = forms.FileField(
        label=_("Spaltenzuordnung (optional)"),
        required=False,
        help_text=_(
            "CSV mit zwei Spalten „Quellspalte;Zielspalte“ oder JSON, wenn die Kopfzeile andere Namen hat."
        ),
    )
    keep_file = forms.BooleanField(
        label=_("Datei behalten"),
        required=False,
        help_text=_(
            "Ohne Haken wird der Registerauszug gelöscht, sobald er ausgewertet ist; gespeichert werden nur die "
            "Ergebnisse. Mit Haken bleibt die Datei auf dem Server, bis Sie sie auf der Seite der Aufgabe löschen."
        ),
    )


class StatisticsTableForm(forms.Form):
    file = forms.FileField(label=_("Tabelle des Statistikamts"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The columns as statistics/layout.py declares them, in the interface language.
        self.fields["file"].help_text = gettext("XLSX oder CSV mit den Spalten %(columns)s.") % {
            "columns": ", ".join(TABLE.headers())
        }


class LeadForm(forms.Form):
    lead = forms.ChoiceField(
        label=_("Vorrangige Definition"),
        choices=(
            ("migration_background", _("Migrationshintergrund")),
            ("immigration_history", _("Einwanderungsgeschichte")),
        ),
        widget=forms.RadioSelect,
        help_text=_("Sie steht in Tabellen und Berichten zuerst; die andere folgt darunter."),
    )


class DistrictMapForm(forms.Form):
    file = forms.FileField(
        label=_("Umrisse der Stadtteile (GeoJSON)"),
        help_text=_(
            "Eine FeatureCollection mit einem Polygon oder MultiPolygon je Stadtteil, Koordinaten in WGS84 "
            "(Länge/Breite) oder ETRS89/UTM32N (EPSG:25832); jedes Objekt nennt seinen Stadtteil so, wie ihn "
            "der Registerauszug in der Spalte Stadtteil schreibt."
        ),
    )
    key_property = forms.CharField(
        label=_("Eigenschaft mit dem Stadtteil (optional)"),
        required=False,
        max_length=120,
        help_text=_(
            "Leer: Teilhabe nimmt die Eigenschaft, deren Werte zu den Stadtteilen der gespeicherten Zahlen passen."
        ),
    )


class DistrictMapPublicForm(forms.Form):
    public = forms.BooleanField(
        label=_("Karte auf den öffentlichen Seiten zeigen"),
        required=False,
        help_text=_(
            "Kleine Fallzahlen sind dort geheim gehalten; betroffene Stadtteile erscheinen schraffiert."
        ),
    )
