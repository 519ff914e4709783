"""`teilhabe check --deploy` with production settings reports nothing (issue 2, section 1)."""

import os
import secrets
import subprocess
import sys


def deploy_check(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DEBUG", "HTTPS", "SECURE_", "OIDC_", "TEILHABE_", "SESSION_", "CSRF_")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="teilhabe.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="teilhabe.musterstadt.de",
        TEILHABE_VAR_DIR=str(tmp_path),
    )
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "teilhabe.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_finds_no_issues_with_production_settings(tmp_path):
    result = deploy_check(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


def test_the_deploy_check_finds_no_issues_with_single_sign_on_configured(tmp_path):
    result = deploy_check(
        tmp_path,
        OIDC_RP_CLIENT_ID="teilhabe",
        OIDC_RP_CLIENT_SECRET="s",
        OIDC_OP_AUTHORIZATION_ENDPOINT="https://sso.example/auth",
        OIDC_OP_TOKEN_ENDPOINT="https://sso.example/token",
        OIDC_OP_USER_ENDPOINT="https://sso.example/userinfo",
        OIDC_OP_JWKS_ENDPOINT="https://sso.example/certs",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues (0 silenced)" in output


def test_the_deploy_check_flags_a_weak_secret_key(tmp_path):
    result = deploy_check(tmp_path, SECRET_KEY="kurz")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_the_deploy_check_flags_a_missing_secret_key(tmp_path):
    # Without SECRET_KEY the settings fall back to a development key that the check recognises.
    result = deploy_check(tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr
