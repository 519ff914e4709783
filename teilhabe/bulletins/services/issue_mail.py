"""The issue as an e-mail in one language, rendered once per language for a send: the composition's
`render_issue_mail` with the footer every mail of a list carries (unsubscribe and preferences links, filled
in per recipient from placeholders, so the issue itself is rendered only once)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from teilhabe.bulletins.output.list_words import words

UNSUBSCRIBE = "%%ABMELDELINK%%"
PREFERENCES = "%%EINSTELLUNGSLINK%%"


def _interface_language(language: str) -> str:
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def footer(issue, language: str, *, test: bool = False) -> tuple[str, str]:
    """(html, text) of the list footer in the list's `language` (output/list_words.py), with the
    placeholders the sender replaces per recipient."""
    w = words(language, name=issue.bulletin.name, municipality=issue.municipality.name)
    ctx = {"issue": issue, "bulletin": issue.bulletin, "unsubscribe": UNSUBSCRIBE, "preferences": PREFERENCES}
    ctx.update(test=test, w=w)
    html = render_to_string("bulletins/email/list_footer.html", ctx)
    text = render_to_string("bulletins/email/list_footer.txt", ctx)
    return html, text


def render(issue, language: str, *, test: bool = False) -> dict:
    """{"subject", "html", "text"} of the issue in `language`, the footer included."""
    footer_html, footer_text = footer(issue, language, test=test)
    try:
        from teilhabe.bulletins.services.rendering import render_issue_mail
    except ImportError:  # until the composition has landed: a minimal mail (issue_mail_minimal.html)
        return _minimal(issue, language, footer_html, footer_text)
    mail = render_issue_mail(issue, language, footer_html=footer_html, footer_text=footer_text)
    return {"subject": mail.subject, "html": mail.html, "text": mail.text}


def _minimal(issue, language, footer_html, footer_text):
    ctx = {"issue": issue, "bulletin": issue.bulletin, "language": language}
    with translation.override(_interface_language(language)):
        html = render_to_string("bulletins/email/issue_minimal.html", {**ctx, "footer": footer_html})
        text = render_to_string("bulletins/email/issue_minimal.txt", ctx) + "\n" + footer_text
    return {"subject": f"{issue.bulletin.name} {issue.number}", "html": html, "text": text}


def personal(rendered: dict, unsubscribe_url: str, preferences_url: str) -> dict:
    """The language's rendering with one recipient's links in the footer."""
    return {
        key: value.replace(UNSUBSCRIBE, unsubscribe_url).replace(PREFERENCES, preferences_url)
        for key, value in rendered.items()
    }
