"""An issue as an e-mail in one language: subject, accessible HTML and plain text.

    from teilhabe.bulletins.services.rendering import render_issue_mail
    mail = render_issue_mail(issue, "ar")  # RenderedMail(subject, html, text, language)

The HTML has semantic headings (h1 the series, h2 each item), `lang` and `dir` on the document and on every text
shown in another language, alt texts, no text in pictures (it reads the same with pictures blocked), colours that
hold in dark mode (`color-scheme`, a dark palette), no tracking pixel and every link as written (the list's
unsubscribe and preferences links are the sender's to add: `footer_html` / `footer_text`)."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from teilhabe.bulletins.output.content import activity_block, issue_content
from teilhabe.bulletins.output.labels import direction, html_lang, words


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    html: str
    text: str
    language: str


def render_issue_mail(
    issue, language: str, *, footer_html: str = "", footer_text: str = "", only=None
) -> RenderedMail:
    content = issue_content(issue, language, only=only)
    context = {"c": content, "footer_html": footer_html, "footer_text": footer_text}
    with translation.override(content.lang):
        html = render_to_string("bulletins/output/mail.html", context)
        text = render_to_string("bulletins/output/mail.txt", context)
    return RenderedMail(subject=content.subject, html=html, text=_tidy(text), language=language)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    out = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


@dataclass(frozen=True)
class RenderedItem:
    title: str
    html: str
    text: str


def _render_block(c, block) -> RenderedItem:
    context = {"c": c, "b": block}
    with translation.override(c.lang):
        html = render_to_string("bulletins/output/_mail_block.html", context)
        text = render_to_string("bulletins/output/_mail_block.txt", context)
    return RenderedItem(title=block.title, html=html, text=_tidy(text))


def render_item(item, language: str) -> RenderedItem:
    """One item in one language (for passing it on directly): its heading, an HTML fragment and plain text."""
    content = issue_content(item.issue, language)
    position = [pk for pk in item.issue.items.order_by("position", "pk").values_list("pk", flat=True)]
    return _render_block(content, content.blocks[position.index(item.pk)])


@dataclass(frozen=True)
class Frame:
    """What the block templates read of the surrounding mail: its language, direction and fixed words."""

    lang: str
    dir: str
    words: dict


def render_activity(activity, language: str) -> RenderedItem:
    """An activity on its own, as `render_item` renders an item: the fixed words in `language`."""
    frame = Frame(lang=html_lang(language), dir=direction(language), words=words(language))
    return _render_block(frame, activity_block(activity, language))
