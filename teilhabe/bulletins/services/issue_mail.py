"""The issue as an e-mail in one language, rendered once per language for a send: the composition's
`render_issue_mail` with the footer every mail of a list carries (unsubscribe and preferences links, filled
in per recipient from placeholders, so the issue itself is rendered only once)."""

from django.template.loader import render_to_string

from teilhabe.bulletins.output.list_words import words
from teilhabe.bulletins.services.rendering import render_issue_mail

UNSUBSCRIBE = "%%ABMELDELINK%%"
PREFERENCES = "%%EINSTELLUNGSLINK%%"


def footer(issue, language: str, *, test: bool = False) -> tuple[str, str]:
    """(html, text) of the list footer in the list's `language` (output/list_words.py), with the
    placeholders the sender replaces per recipient."""
    w = words(language, name=issue.bulletin.name, municipality=issue.municipality.name)
    ctx = {"issue": issue, "bulletin": issue.bulletin, "unsubscribe": UNSUBSCRIBE, "preferences": PREFERENCES}
    ctx.update(test=test, w=w)
    html = render_to_string("bulletins/email/list_footer.html", ctx)
    text = render_to_string("bulletins/email/list_footer.txt", ctx)
    return html, text


def render(issue, language: str, *, test: bool = False, only=None) -> dict:
    """{"subject", "html", "text"} of the issue in `language`, the footer included; `only`: the ids of the
    items a reader gets (services/reader_topics.py), None for all."""
    footer_html, footer_text = footer(issue, language, test=test)
    mail = render_issue_mail(issue, language, footer_html=footer_html, footer_text=footer_text, only=only)
    return {"subject": mail.subject, "html": mail.html, "text": mail.text}


def personal(rendered: dict, unsubscribe_url: str, preferences_url: str) -> dict:
    """The language's rendering with one recipient's links in the footer."""
    return {
        key: value.replace(UNSUBSCRIBE, unsubscribe_url).replace(PREFERENCES, preferences_url)
        for key, value in rendered.items()
    }
