"""Checks that a response keeps to the Content-Security-Policy (teilhabe/csp.py), for the site-wide walks.

The header must be there on every answer, never with 'unsafe-inline' or 'unsafe-eval'; an HTML page must
carry the full policy. An HTML body (page or htmx fragment) must need nothing the policy refuses: no `style`
attribute, no `<style>` element, no `<script>` without `src`, no event-handler attribute (`onclick=`), no
`javascript:` address, no htmx attribute that evaluates code (`hx-on`). The body is parsed as HTML, so a
user's text that merely reads "style=" is not a finding.
"""

from html.parser import HTMLParser

HEADER = "Content-Security-Policy"
FORBIDDEN_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:")
REQUIRED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data-hx-get", "data-hx-post", "hx-get", "hx-post")


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0].lower()] = words[1:]
    return parsed


def header_problems(header: str | None, page: bool) -> list[str]:
    """What is wrong with a Content-Security-Policy header; `page`: an HTML answer (needs the full policy)."""
    if not header:
        return ["no Content-Security-Policy header"]
    problems = []
    for name, sources in directives(header).items():
        for source in sources:
            if source.lower() in FORBIDDEN_SOURCES:
                problems.append(f"{name} allows {source}")
    if page:
        parsed = directives(header)
        for name, source in REQUIRED.items():
            if parsed.get(name, [None])[0] != source:
                problems.append(f"{name} is not {source} (got {parsed.get(name)})")
    return problems


class _InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        names = dict(attrs)
        where = self.getpos()[0]
        if "style" in names:
            self.findings.append(f"line {where}: <{tag} style={names['style']!r}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"line {where}: <{tag} {name}=…> (event handler)")
            if name.startswith(("hx-on", "data-hx-on")) or (value or "").lstrip().startswith("js:"):
                self.findings.append(f"line {where}: <{tag} {name}=…> (htmx evaluates code)")
            if name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.findings.append(f"line {where}: <{tag} {name}=javascript:…>")
        if tag == "style":
            self.findings.append(f"line {where}: <style> element")
        if tag == "script" and not names.get("src"):
            self.findings.append(f"line {where}: inline <script> without src")


def inline_findings(html: str) -> list[str]:
    """Everything in `html` that the policy would block (see the module docstring)."""
    finder = _InlineFinder()
    finder.feed(html)
    finder.close()
    return finder.findings


def response_problems(response) -> list[str]:
    """The policy problems of one Django test-client response: its header, and its body if it is HTML."""
    content_type = response.get("Content-Type", "")
    is_html = content_type.startswith("text/html")
    problems = header_problems(response.get(HEADER), page=is_html)
    if is_html and not getattr(response, "streaming", False):
        problems += inline_findings(response.content.decode("utf-8", "replace"))
    return problems
