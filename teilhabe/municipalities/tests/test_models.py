import pytest
from django.core.exceptions import ValidationError

from teilhabe.municipalities.models import Municipality


@pytest.mark.django_db
@pytest.mark.parametrize("ags", ["0976300", "097630001", "09A63000", ""])
def test_it_rejects_a_municipality_key_that_is_not_eight_digits(ags):
    municipality = Municipality(name="X", slug="x", ags=ags, federal_state="BY")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "ags" in error.value.message_dict


@pytest.mark.django_db
def test_it_rejects_a_municipality_key_of_another_federal_state():
    municipality = Municipality(name="X", slug="x", ags="08111000", federal_state="BY")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "Bundesland" in error.value.message_dict["ags"][0]


@pytest.mark.django_db
def test_it_accepts_a_valid_bavarian_key():
    Municipality(name="Kempten", slug="kempten", ags="09763000", federal_state="BY").full_clean()
