from teilhabe.directory.demo import load_demo
from teilhabe.directory.models import Contact, Organisation


def test_the_demo_directory_is_idempotent_and_flags_missing_consent(municipality):
    load_demo(municipality)
    counts = (Organisation.objects.count(), Contact.objects.count())
    load_demo(municipality)
    assert (Organisation.objects.count(), Contact.objects.count()) == counts
    assert Organisation.objects.get(name="Stadtbibliothek").parent.name == "Kulturamt"
    assert not Contact.objects.get(name="Mehmet Aydın").has_consent
    assert Contact.objects.get(name="Katrin Wagner").has_consent
