"""A layout's headers and sheet title follow the interface language on export; import reads both languages."""

from django.utils import translation

from teilhabe.sheets import Col, Layout
from teilhabe.sheets.reader import read

LAYOUT = Layout(
    "Aktivitäten",
    (
        Col("title", "Titel", english="Title", required=True),
        Col("place", "Ort"),
        Col("day", "Tag", english="Day"),
    ),
    english="Activities",
)


def test_german_by_default_and_english_in_an_english_session():
    with translation.override("de"):
        assert LAYOUT.headers() == ["Titel", "Ort", "Tag"] and LAYOUT.title() == "Aktivitäten"
        assert [c.header for c in LAYOUT.out_columns()] == ["Titel", "Ort", "Tag"]
    with translation.override("en"):
        # A column without an English header keeps its German one.
        assert LAYOUT.headers() == ["Title", "Ort", "Day"] and LAYOUT.title() == "Activities"
        assert [c.header for c in LAYOUT.out_columns(["day"])] == ["Day"]


def test_either_language_binds_whatever_the_session():
    for language in ("de", "en"):
        with translation.override(language):
            for header in ("Titel;Ort;Tag", "Title;Ort;Day"):
                table = (
                    read(
                        f"{header}\nSprachcafé;Bibliothek;Montag\n".encode(),
                        kind="directory",
                        filename="a.csv",
                    )
                    .sheets[0]
                    .table()
                )
                bound = LAYOUT.bind(table)
                assert bound.missing() == [] and bound.unknown == []
                assert bound.values(bound.rows[0], []) == {
                    "title": "Sprachcafé",
                    "place": "Bibliothek",
                    "day": "Montag",
                }
