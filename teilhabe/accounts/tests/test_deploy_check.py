"""`teilhabe check --deploy` with production settings reports nothing but the data directory it names."""

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

from teilhabe.datadir import default_data_dir, secret_key_from_data_dir


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


def only_the_data_directory_is_reported(output, data_dir):
    assert "System check identified 1 issue (1 silenced)." in output, output
    assert (
        f"teilhabe.I001) Data directory (SQLite file, uploads, static files, generated secret key): {data_dir}"
        in output
    )


def test_the_deploy_check_finds_no_issues_with_production_settings(tmp_path):
    result = deploy_check(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    only_the_data_directory_is_reported(output, tmp_path)


def test_the_deploy_check_finds_no_issues_with_single_sign_on_configured(tmp_path):
    result = deploy_check(
        tmp_path,
        OIDC_RP_CLIENT_ID="teilhabe",
        OIDC_RP_CLIENT_SECRET="s",
        SITE_URL="https://teilhabe.musterstadt.de",
        OIDC_OP_ISSUER="https://sso.example/realms/stadt",
        OIDC_OP_AUTHORIZATION_ENDPOINT="https://sso.example/auth",
        OIDC_OP_TOKEN_ENDPOINT="https://sso.example/token",
        OIDC_OP_USER_ENDPOINT="https://sso.example/userinfo",
        OIDC_OP_JWKS_ENDPOINT="https://sso.example/certs",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    only_the_data_directory_is_reported(output, tmp_path)


def test_the_deploy_check_flags_a_weak_secret_key(tmp_path):
    result = deploy_check(tmp_path, SECRET_KEY="kurz")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def settings_value(tmp_path, name, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DEBUG", "TEILHABE_", "SECRET_KEY"))
    }
    env.update(DJANGO_SETTINGS_MODULE="teilhabe.settings", TEILHABE_VAR_DIR=str(tmp_path), **extra)
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_without_a_secret_key_production_generates_one_keeps_it_private_and_reuses_it(tmp_path):
    first = settings_value(tmp_path, "SECRET_KEY")
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= 50 and not first.startswith("django-insecure")
    assert settings_value(tmp_path, "SECRET_KEY") == first  # the next start reuses it
    result = deploy_check(tmp_path, SECRET_KEY="")
    assert result.returncode == 0, result.stdout + result.stderr
    only_the_data_directory_is_reported(result.stdout + result.stderr, tmp_path)


def test_two_data_directories_get_different_keys(tmp_path):
    assert secret_key_from_data_dir(tmp_path / "a") != secret_key_from_data_dir(tmp_path / "b")


def test_a_given_secret_key_is_used_and_nothing_is_written(tmp_path):
    assert settings_value(tmp_path, "SECRET_KEY", SECRET_KEY="k" * 60) == "k" * 60
    assert not (tmp_path / "secret_key").exists()


def test_the_repository_holds_no_fallback_key():
    settings_source = (Path(__file__).parents[2] / "settings.py").read_text()
    assert "django-insecure" not in settings_source


def test_the_deploy_check_flags_a_key_file_others_can_read(tmp_path):
    secret_key_from_data_dir(tmp_path)
    (tmp_path / "secret_key").chmod(0o644)
    result = deploy_check(tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "teilhabe.W002" in result.stdout + result.stderr


def test_an_installed_package_keeps_its_data_outside_site_packages(tmp_path, monkeypatch):
    installed = tmp_path / "lib" / "python3.11" / "site-packages"
    (installed / "teilhabe").mkdir(parents=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert default_data_dir(installed) == tmp_path / "share" / "teilhabe"
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "pyproject.toml").write_text("")
    assert default_data_dir(checkout) == checkout / "var"


def test_the_deploy_check_warns_about_a_data_directory_in_site_packages(tmp_path):
    inside = tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "var"
    result = deploy_check(inside)
    assert result.returncode != 0
    assert "teilhabe.W001" in result.stdout + result.stderr
