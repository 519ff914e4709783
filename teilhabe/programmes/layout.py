"""The budget overview's spreadsheet layout, declared once (teilhabe/sheets): one row per year."""

from teilhabe.sheets import Col, Layout

OVERVIEW = Layout(
    "Budget",
    (
        Col("year", "Jahr", "Year", width=8),
        Col("budget", "Budget", "Budget", width=14),
        Col("requested", "beantragt", "requested", width=14),
        Col("granted", "bewilligt", "granted", width=14),
        Col("spent", "ausgegeben", "spent", width=14),
        Col("available", "noch verfügbar", "available", width=16),
    ),
)

FUNDINGS = Layout(
    "Förderungen",
    (
        Col("year", "Jahr", "Year", width=8),
        Col("activity", "Aktivität", "Activity", width=44),
        Col("requested", "beantragt", "requested", width=14),
        Col("granted", "bewilligt", "granted", width=14),
        Col("spent", "ausgegeben", "spent", width=14),
        Col("note", "Anmerkung", "Note", width=30),
    ),
)
