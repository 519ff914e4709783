"""The accessibility walk's own checks can fail: the error-state check on a form, and the deduplication key.

The walk itself (test_accessibility.py, `make a11y`) only shows that the site passes them.
"""

import pytest
from django import forms
from django.template.loader import render_to_string

from teilhabe.testing import a11y


class Invitation(forms.Form):
    email = forms.EmailField(label="E-Mail-Adresse", help_text="An diese Adresse geht die Einladung.")
    role = forms.ChoiceField(label="Rolle", choices=[("", "—"), ("office", "Amt")])
    colour = forms.ChoiceField(label="Farbe", choices=[("r", "rot"), ("g", "grün")], widget=forms.RadioSelect)


def _error_state():
    form = render_to_string("forms/form.html", {"form": Invitation(data={})})
    return f'<!DOCTYPE html><html lang="de"><title>t</title><a href="/">Start</a><main>{form}</main></html>'


BROKEN = {
    "the focus is not on the error summary": lambda html: html.replace(" autofocus", ""),
    'has no role="alert"': lambda html: html.replace('role="alert"', ""),
    "summary link to a missing id": lambda html: html.replace('href="#id_email"', 'href="#id_mail"'),
    "summary link to a field without aria-invalid": lambda html: html.replace(
        'aria-invalid="true" id="id_email"', 'id="id_email"'
    ),
    "not described by its error text": lambda html: html.replace(
        'aria-describedby="id_email_helptext id_email_error"', 'aria-describedby="id_email_helptext"'
    ),
    "without a label": lambda html: html.replace('for="id_role"', 'for="id_rolle"'),
    "no error summary": lambda html: html.replace('class="error-summary"', 'class="summary"'),
}


@pytest.mark.browser
def test_the_error_state_check_passes_the_form_template_and_fails_each_fault(browser):
    html = _error_state()
    page = browser.new_page()
    try:
        page.set_content(html)
        assert page.evaluate(a11y.ERROR_STATE_JS) == []
        for expected, breaking in BROKEN.items():
            broken = breaking(html)
            assert broken != html, expected
            page.set_content(broken)
            problems = page.evaluate(a11y.ERROR_STATE_JS)
            assert any(expected in problem for problem in problems), (expected, problems)
    finally:
        page.close()


class Viewer:
    email = username = "amt@musterstadt.example"

    def get_full_name(self):
        return "Anna Amt"

    def __str__(self):
        return self.get_full_name()


def test_documents_differing_only_in_tokens_times_and_viewer_are_one_document():
    page = (
        '<body data-hx-headers=\'{{"X-CSRFToken": "{token}"}}\'><a href="/konto/">{name}</a>'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{token}"><script nonce="{token}"></script>'
        '<time datetime="{stamp}">{time} Uhr</time><p>{text}</p></body>'
    )
    one = page.format(
        token="abc", name="Anna Amt", stamp="2026-12-01T13:05:01.123+01:00", time="13:05", text="x"
    )
    other = page.format(
        token="xyz", name="Bernd Beirat", stamp="2026-12-01T14:00:00Z", time="14:00", text="x"
    )
    changed = page.format(token="abc", name="Anna Amt", stamp="2026-12-01T13:05", time="13:05", text="y")

    class OtherViewer(Viewer):
        def get_full_name(self):
            return "Bernd Beirat"

    assert a11y.document_key(one.encode(), Viewer()) == a11y.document_key(other.encode(), OtherViewer())
    assert a11y.document_key(one.encode(), Viewer()) != a11y.document_key(changed.encode(), Viewer())
    assert a11y.document_key(one.encode()) != a11y.document_key(other.encode())  # names count for anonymous
