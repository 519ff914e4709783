"""`teilhabe check --deploy` reports each broken single sign-on setting by its id (oidc_checks.py); it runs
with production settings in a subprocess, as an administrator would run it."""

import pytest

from teilhabe.accounts.tests.fake_oidc_provider import FakeProvider
from teilhabe.accounts.tests.test_deploy_check import deploy_check

MANUAL = {
    "OIDC_RP_CLIENT_ID": "teilhabe",
    "OIDC_RP_CLIENT_SECRET": "s",
    "SITE_URL": "https://teilhabe.musterstadt.de",
    "OIDC_OP_ISSUER": "https://sso.musterstadt.de/realms/stadt",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://sso.musterstadt.de/realms/stadt/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://sso.musterstadt.de/realms/stadt/token",
    "OIDC_OP_JWKS_ENDPOINT": "https://sso.musterstadt.de/realms/stadt/certs",
}


@pytest.fixture(scope="module")
def discovery_provider():
    fake = FakeProvider()
    yield fake
    fake.stop()


def output_of(tmp_path, **values):
    result = deploy_check(tmp_path, **values)
    return result.returncode, result.stdout + result.stderr


def test_a_complete_manual_configuration_passes(tmp_path):
    code, output = output_of(tmp_path, **MANUAL)
    assert code == 0, output


def test_a_client_id_alone_reports_the_secret_and_the_endpoints(tmp_path):
    code, output = output_of(
        tmp_path, OIDC_RP_CLIENT_ID="teilhabe", SITE_URL="https://teilhabe.musterstadt.de"
    )
    assert code != 0
    assert "teilhabe.sso.E001" in output and "OIDC_RP_CLIENT_SECRET" in output
    assert "teilhabe.sso.E002" in output
    for name in (
        "OIDC_OP_ISSUER",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_JWKS_ENDPOINT",
    ):
        assert name in output


def test_one_missing_endpoint_is_named(tmp_path):
    code, output = output_of(tmp_path, **{**MANUAL, "OIDC_OP_JWKS_ENDPOINT": ""})
    assert "teilhabe.sso.E002" in output and "OIDC_OP_JWKS_ENDPOINT" in output
    assert "OIDC_OP_TOKEN_ENDPOINT" not in output


def test_a_reachable_discovery_url_is_enough(tmp_path, discovery_provider):
    code, output = output_of(
        tmp_path,
        OIDC_RP_CLIENT_ID="teilhabe",
        OIDC_RP_CLIENT_SECRET="s",
        SITE_URL="https://teilhabe.musterstadt.de",
        OIDC_OP_DISCOVERY_URL=discovery_provider.url + "/.well-known/openid-configuration",
        OIDC_ALLOW_HTTP="True",  # the fake provider speaks plain HTTP
    )
    assert code == 0, output


def test_plain_http_endpoints_are_reported_unless_allowed(tmp_path, discovery_provider):
    code, output = output_of(
        tmp_path,
        OIDC_RP_CLIENT_ID="teilhabe",
        OIDC_RP_CLIENT_SECRET="s",
        SITE_URL="https://teilhabe.musterstadt.de",
        OIDC_OP_DISCOVERY_URL=discovery_provider.url + "/.well-known/openid-configuration",
    )
    assert "teilhabe.sso.E004" in output
    assert "OIDC_OP_DISCOVERY_URL" in output and "OIDC_OP_TOKEN_ENDPOINT" in output


def test_an_unreachable_discovery_url_is_reported(tmp_path):
    code, output = output_of(
        tmp_path,
        OIDC_RP_CLIENT_ID="teilhabe",
        OIDC_RP_CLIENT_SECRET="s",
        SITE_URL="https://teilhabe.musterstadt.de",
        OIDC_OP_DISCOVERY_URL="https://127.0.0.1:9/.well-known/openid-configuration",
        OIDC_TIMEOUT="2",
    )
    assert code != 0
    assert "teilhabe.sso.E003" in output and "127.0.0.1:9" in output
    assert "teilhabe.sso.E002" not in output  # one cause, one message


def test_a_site_url_without_https_is_reported(tmp_path):
    code, output = output_of(tmp_path, **{**MANUAL, "SITE_URL": "http://teilhabe.musterstadt.de"})
    assert "teilhabe.sso.E005" in output and "http://teilhabe.musterstadt.de/konto/sso/callback/" in output


def test_a_site_url_of_another_host_is_reported(tmp_path):
    code, output = output_of(tmp_path, **{**MANUAL, "SITE_URL": "https://10.0.0.5:8000"})
    assert "teilhabe.sso.E005" in output and "ALLOWED_HOSTS" in output


def test_the_entra_multi_tenant_endpoint_is_reported(tmp_path):
    code, output = output_of(
        tmp_path, **{**MANUAL, "OIDC_OP_ISSUER": "https://login.microsoftonline.com/{tenantid}/v2.0"}
    )
    assert "teilhabe.sso.E006" in output


def test_an_unverified_entra_email_is_warned_about(tmp_path):
    code, output = output_of(
        tmp_path,
        **{
            **MANUAL,
            "OIDC_OP_ISSUER": "https://login.microsoftonline.com/3f1c0c2e-0000-4000-8000-000000000000/v2.0",
            "OIDC_REQUIRE_VERIFIED_EMAIL": "False",
        },
    )
    assert "teilhabe.sso.W003" in output


@pytest.mark.parametrize(
    "values, text",
    [
        ({"OIDC_ROLES_CLAIM": "groups"}, "OIDC_ROLE_MAP is empty"),
        ({"OIDC_ROLES_CLAIM": "groups", "OIDC_ROLE_MAP": "{kaputt"}, "not valid JSON"),
        (
            {"OIDC_ROLES_CLAIM": "groups", "OIDC_ROLE_MAP": '{"musterstadt": {"chef": ["a"]}}'},
            "unknown role 'chef'",
        ),
    ],
)
def test_a_broken_role_mapping_is_reported(tmp_path, values, text):
    code, output = output_of(tmp_path, **{**MANUAL, **values})
    assert "teilhabe.sso.E007" in output and text in output


def test_switched_off_certificate_checks_are_warned_about(tmp_path):
    code, output = output_of(tmp_path, **{**MANUAL, "OIDC_VERIFY_SSL": "False"})
    assert code != 0 and "teilhabe.sso.W001" in output
