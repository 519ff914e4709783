from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template

from teilhabe.audit.services import history_for
from teilhabe.directory.models import Contact, Organisation


def test_history_for_names_fields_and_resolves_related_objects(
    municipality, department, partner, django_assert_max_num_queries
):
    child = Organisation.objects.create(
        municipality=municipality, kind="department", name="Stadtbibliothek", languages=["de"]
    )
    child.parent = department
    child.languages = ["de", "uk"]
    child.save()
    ContentType.objects.get_for_model(Organisation)  # cached for the life of the process
    with django_assert_max_num_queries(2):
        history = history_for(child)
    newest, created = history
    assert newest.action == "geändert"
    changes = {c.label: (c.old, c.new) for c in newest.changes}
    assert changes["Übergeordnete Einheit"] == ("", "Kulturamt")
    assert changes["Sprachen"] == ("Deutsch", "Deutsch, Ukrainisch")
    assert created.action == "angelegt"
    assert ("Art", "", "Amt / Dienststelle") in [(c.label, c.old, c.new) for c in created.changes]
    assert "Kommune" not in [c.label for c in created.changes]


def test_history_shows_choices_booleans_and_dates_in_german(municipality, partner):
    import datetime

    person = Contact.objects.create(municipality=municipality, organisation=partner, name="Anna Roth")
    person.consent_date = datetime.date(2024, 2, 27)
    person.consent_method = "email"
    person.consent_purpose = "Einladungen"
    person.consent_withdrawn = True
    person.save()
    changes = {c.label: c.new for c in history_for(person)[0].changes}
    assert changes["Einwilligung am"] == "27.02.2024"
    assert changes["Einwilligung erteilt"] == "per E-Mail"
    assert changes["Einwilligung widerrufen"] == "ja"


def test_the_history_include_renders_del_and_ins_for_any_object(municipality, partner):
    partner.short_name = "CV"
    partner.save()
    html = Template("{% load audit %}{% history obj %}").render(Context({"obj": partner}))
    assert f'<h2 id="history-directory.organisation-{partner.pk}">Verlauf</h2>' in html
    assert "Caritas</del>" in html and "CV</ins>" in html
    assert "System" in html  # saved outside a request: no actor


def test_a_delete_is_kept_in_the_trail(municipality, partner):
    pk = partner.pk
    partner.delete()
    entry = LogEntry.objects.filter(object_id=pk, action=LogEntry.Action.DELETE).get()
    assert entry.additional_data["municipality_id"] == municipality.pk
