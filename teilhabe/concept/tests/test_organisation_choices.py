import pytest

from teilhabe.concept.organisation_choices import closest, group_key, group_unknown, guess_kind, parse_choice


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Amt für Jugendarbeit", "department"),
        ("Kulturamt", "department"),
        ("Stadtbibliothek", "department"),
        ("Büro OB", "department"),
        ("Referat für Bildung", "department"),
        ("Volkshochschule", "department"),
        ("Caritasverband Musterstadt e.V.", "partner"),
        ("Jobcenter", "partner"),
        ("Diakonie", "partner"),
        ("Kulturverein Musterstadt e.V.", "partner"),
        ("Evangelische Kirchengemeinde", "partner"),
        ("Klinikum Musterstadt", "partner"),
        ("Ukrainischer Verein", "community"),
        ("Afrikanische Gemeinde e.V.", "community"),
        ("Syrische Community", "community"),
        ("Deutsch-Türkischer Freundschaftsverein", "community"),
    ],
)
def test_the_kind_is_guessed_from_the_name(name, kind):
    assert guess_kind(name) == kind


def test_spellings_of_one_organisation_share_a_group():
    assert group_key("Kulturamt") == group_key("Kultur-Amt") == group_key(" KULTUR AMT ")
    assert group_key("Amt f. Jugend") == group_key("Amt für Jugend")
    assert group_key("Kulturamt") != group_key("Kulturbüro")


def test_the_closest_existing_names_are_offered():
    names = ["Amt für Jugendarbeit", "Kulturamt", "Jobcenter Musterstadt", "Caritasverband"]
    assert closest("Amt f. Jugendarbeit", names)[0] == "Amt für Jugendarbeit"
    assert closest("Jobcenter", names) == ["Jobcenter Musterstadt"]
    assert closest("Kulturamtt", names) == ["Kulturamt"]
    assert closest("Stadtwerke", names) == []


class Org:
    def __init__(self, pk, name):
        self.pk, self.name = pk, name


def test_unknown_names_are_grouped_with_a_kind_and_suggestions():
    unknown = {"Kulturamt": [3], "Kultur-Amt": [7, 3], "Amt f. Jugendarbeit": [4], "Ukrainischer Verein": [5]}
    groups = group_unknown(unknown, [Org(1, "Amt für Jugendarbeit"), Org(2, "Jobcenter")])
    assert [g["name"] for g in groups] == ["Kulturamt", "Amt f. Jugendarbeit", "Ukrainischer Verein"]
    culture = groups[0]
    assert culture["spellings"] == ["Kulturamt", "Kultur-Amt"] and culture["rows"] == [3, 7]
    assert culture["kind"] == "department" and culture["suggestions"] == []
    assert groups[1]["suggestions"] == [{"id": 1, "name": "Amt für Jugendarbeit"}]
    assert groups[2]["kind"] == "community"


def test_a_choice_is_a_kind_to_create_or_an_organisation_of_this_municipality():
    assert parse_choice("create:partner", {1}) == {"create": "partner"}
    assert parse_choice("map:1", {1}) == {"map": 1}
    assert parse_choice("map:2", {1}) is None
    assert parse_choice("create:verein", {1}) is None
    assert parse_choice("", {1}) is None
