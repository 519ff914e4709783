"""The Content-Security-Policy (teilhabe/csp.py) on every page, and pages that need nothing it refuses.

The isolation walk checks every answer of the municipality area with sample data (test_tenant_isolation.py);
this walk opens every page of the site (`testing/pagewalk.py`) with the demo municipality, whose pages are the
richest (charts on the dashboard and in the Faktencheck, badges and legends in status colours), as the office,
a superuser with the Django admin, and the public. The browser test (test_content_security_policy_browser.py)
shows that chromium reports no violation.
"""

import re

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings

from teilhabe.accounts.models import User
from teilhabe.csp import ContentSecurityPolicyMiddleware
from teilhabe.inline_svg import inline_svg
from teilhabe.municipalities.models import Municipality
from teilhabe.testing.csp import header_problems, inline_findings, response_problems
from teilhabe.testing.pagewalk import page_urls
from teilhabe.testing.two_factor import force_login_verified

MATPLOTLIB_SIZE = re.compile(rb'<svg [^>]*height="[0-9.]+pt"')
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


@pytest.fixture
def demo(db, settings, tmp_path_factory):
    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "var"
    call_command("demo", "--quiet-logins")
    return Municipality.objects.get(slug="musterstadt")


def test_every_page_has_the_policy_and_nothing_inline(demo):
    invited = User.objects.create_user(username="neu@musterstadt.example", email="neu@musterstadt.example")
    office = Client()
    office.force_login(User.objects.get(username="amt@musterstadt.example"))
    public = Client()
    problems, pages, charts = [], 0, 0
    for route, url in page_urls(demo, invited):
        for who, client in (("office", office), ("public", public)):
            response = client.get(url)
            found = response_problems(response)
            problems += [f"{who} GET {url} ({route.name}): {problem}" for problem in found]
            if response.get("Content-Type", "").startswith("text/html") and response.status_code == 200:
                pages += 1
                charts += len(MATPLOTLIB_SIZE.findall(response.content))
    assert not problems, "\n".join(problems[:40])
    assert pages > 60
    assert charts >= 5  # matplotlib's charts were among the bodies checked


def test_the_django_admin_has_the_policy_and_nothing_inline(demo):
    client = Client()
    force_login_verified(client, User.objects.get(username="admin@musterstadt.example"))
    for path in ("/system/admin/", "/system/admin/accounts/user/", "/system/admin/accounts/user/add/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response_problems(response), (path, response_problems(response))


def test_the_policy_header_is_strict():
    response = Client().get("/konto/anmelden/")
    header = response["Content-Security-Policy"]
    assert not header_problems(header, page=True), header
    for word in ("'unsafe-inline'", "'unsafe-eval'"):
        assert word not in header


@pytest.mark.parametrize(
    "header, problem",
    [
        (None, "no Content-Security-Policy header"),
        (POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"), "style-src allows"),
        (POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), "script-src allows"),
        (POLICY.replace("; form-action 'self'", ""), "form-action is not"),
        (POLICY.replace("object-src 'none'", "object-src 'self'"), "object-src is not"),
    ],
)
def test_the_header_check_fails_on_a_weak_policy(header, problem):
    assert not header_problems(POLICY, page=True)
    assert any(problem in found for found in header_problems(header, page=True))


@pytest.mark.parametrize(
    "html",
    [
        '<p style="margin:0">x</p>',
        "<style>p { color: red }</style>",
        "<script>alert(1)</script>",
        '<button onclick="go()">x</button>',
        '<a href="javascript:go()">x</a>',
        '<div data-hx-on:click="go()">x</div>',
        '<svg><path style="fill: #fff"/></svg>',
    ],
)
def test_the_body_check_finds_what_the_policy_blocks(html):
    assert inline_findings(html)


def test_the_body_check_reads_html_not_text():
    html = (
        '<p>Ein Titel mit style="x" und &lt;script&gt;</p><script src="/static/vendor/htmx.min.js"></script>'
    )
    assert inline_findings(html) == []


def test_matplotlib_css_becomes_presentation_attributes():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><style type="text/css">*{stroke-linejoin: round; '
        'stroke-linecap: butt}</style></defs><path d="M 0 0" style="fill: #1f4e79; stroke: #000; '
        'stroke-linejoin: miter; unknown-thing: 1" clip-path="url(#a)"/><text style="font-size: 10px; '
        'font-family: \'DejaVu Sans\'; text-anchor: end" x="1">A &lt;b&gt; style="x"</text></svg>'
    )
    out = inline_svg(svg, "chart")
    assert inline_findings(out) == []
    assert '<path d="M 0 0" clip-path="url(#a)" fill="#1f4e79" stroke="#000" stroke-linejoin="miter"' in out
    assert 'stroke-linecap="butt"/>' in out  # the <style> element's universal rule, where not overridden
    assert 'font-size="10px" font-family="\'DejaVu Sans\'" text-anchor="end"' in out
    assert "unknown-thing" not in out and "<style" not in out
    assert 'A &lt;b&gt; style="x"</text>' in out  # text stays text


def _policy_for(session):
    request = RequestFactory().get("/")
    request.session = session
    middleware = ContentSecurityPolicyMiddleware(lambda r: None)
    from django.http import HttpResponse

    response = middleware.process_response(request, HttpResponse())
    return response["Content-Security-Policy"]


def test_a_single_sign_on_session_may_post_its_logout_to_the_provider(monkeypatch):
    """The logout form's redirect goes to the provider's end_session_endpoint: browsers check form-action
    on the redirect, so that origin (and only it, only for such a session) is allowed."""
    from dataclasses import replace

    from teilhabe.accounts import oidc_config

    config = replace(
        oidc_config.ProviderConfig(), end_session_endpoint="https://sso.stadt.de:8443/logout?x=1"
    )
    monkeypatch.setattr(oidc_config, "cached_provider_config", lambda: config)
    with override_settings(OIDC_ENABLED=True):
        assert "form-action 'self' https://sso.stadt.de:8443;" in _policy_for({"oidc_id_token": "t"}) + ";"
        assert "sso.stadt.de" not in _policy_for({})
    with override_settings(OIDC_ENABLED=False):
        assert "sso.stadt.de" not in _policy_for({"oidc_id_token": "t"})
