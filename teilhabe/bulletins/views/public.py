"""Public archive pages: sent issues only, per language; nothing personal (the series' sender name and reply-to
address are the office's, printed in every issue)."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_safe

from teilhabe.accounts.decorators import public_view
from teilhabe.bulletins.models import Bulletin, BulletinIssue, BulletinLayout
from teilhabe.bulletins.output.content import issue_content
from teilhabe.bulletins.services.pdf import render_issue_pdf
from teilhabe.downloads import attachment, download_name
from teilhabe.languages import language_name
from teilhabe.municipalities.scoping import get_scoped_or_404


def sent_issues(municipality):
    return BulletinIssue.objects.for_municipality(municipality).filter(state=BulletinIssue.State.SENT)


def _sent(request, issue_id, language):
    issue = get_scoped_or_404(
        sent_issues(request.municipality).select_related("bulletin"), request, pk=issue_id
    )
    if language not in issue.bulletin.all_languages:
        raise Http404
    return issue


def language_links(issue, reverse_name, slug):
    from django.urls import reverse

    return [
        {
            "code": code,
            "name": language_name(code, "de" if code == "ls" else code),
            "url": reverse(reverse_name, args=[slug, issue.pk, code]),
            "lang": "de" if code == "ls" else code,
        }
        for code in issue.bulletin.all_languages
    ]


def issue_page_context(request, issue, language, url_name) -> dict:
    """An issue shown in `language` on a page (the archive or the office's preview), with its language links."""
    content = issue_content(issue, language)
    return {
        "issue": issue,
        "c": content,
        "languages": language_links(issue, url_name, request.municipality.slug),
        "header_src": header_src(request, issue, content),
    }


def header_src(request, issue, content) -> str:
    """The header picture's address on this site (the e-mail has the absolute one)."""
    from django.urls import reverse

    if not content.header_url:
        return ""
    return reverse("bulletins_public:header", args=[request.municipality.slug, issue.bulletin_id])


@public_view
@require_safe
def archive(request):
    issues = (
        sent_issues(request.municipality).select_related("bulletin").order_by("bulletin__name", "-number")
    )
    return render(request, "bulletins/public/archive.html", {"issues": issues})


@public_view
@require_safe
def issue_page(request, issue_id, bulletin_language):
    issue = _sent(request, issue_id, bulletin_language)
    ctx = issue_page_context(request, issue, bulletin_language, "bulletins_public:issue")
    return render(request, "bulletins/public/issue.html", ctx)


@public_view
@require_safe
def issue_pdf(request, issue_id, bulletin_language):
    issue = _sent(request, issue_id, bulletin_language)
    response = HttpResponse(render_issue_pdf(issue, bulletin_language), content_type="application/pdf")
    name = download_name(
        pgettext_lazy("Dateiname", "Ausgabe"), issue.bulletin.name, issue.number, bulletin_language, ext="pdf"
    )
    return attachment(response, name)


@public_view
@require_safe
def header_image(request, bulletin_id):
    bulletin = get_scoped_or_404(Bulletin, request, pk=bulletin_id)
    layout = BulletinLayout.objects.filter(bulletin=bulletin).first()
    if not layout or not layout.header_image:
        raise Http404
    return FileResponse(layout.header_image.open("rb"), content_type=_content_type(layout.header_image.name))


def _content_type(name: str) -> str:
    return {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}.get(
        name.rsplit(".", 1)[-1], "image/jpeg"
    )
