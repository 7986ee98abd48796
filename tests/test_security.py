import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import ColumnFactory
from tests.public_site import build_site, public_urls

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-test-only-secret-that-is-long-and-random-enough-4f9c2e7b1d",
    "DJANGO_ALLOWED_HOSTS": "example.org",
}


def run(args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "S3_"))}
    clean.pop("DATABASE_REPLICA_URL", None)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def setting(expression, **env):
    script = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = run(["-c", script], DJANGO_SETTINGS_MODULE="config.settings", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.django_db
def test_every_page_sends_the_security_headers(client):
    column = ColumnFactory()
    for url in (reverse("columns:index"), column.get_absolute_url(), "/no-such-page/"):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_the_deploy_check_finds_nothing_in_production():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_sends_hsts_and_secure_httponly_cookies():
    expression = (
        "settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT, "
        "settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY, "
        "settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY"
    )
    assert setting(expression, **PRODUCTION) == "31536000 True True True True True"


def test_the_admin_path_is_configurable():
    expression = "__import__('django.urls').urls.reverse('admin:index')"
    assert setting(expression) == "/admin/"
    assert setting(expression, DJANGO_ADMIN_PATH="/backstage/") == "/backstage/"


def test_production_pools_database_connections_with_health_checks():
    expression = "settings.DATABASES['default']['OPTIONS']['pool']['max_size'], " + (
        "settings.DATABASES['default']['CONN_HEALTH_CHECKS']"
    )
    env = {**PRODUCTION, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x"}
    assert setting(expression, **env, DATABASE_POOL_MAX="6") == "6 True"


def test_redis_is_the_cache_when_configured():
    expression = "settings.CACHES['default']['BACKEND']"
    assert setting(expression).endswith("LocMemCache")
    assert setting(expression, REDIS_URL="redis://127.0.0.1:6379/1").endswith(
        "django_redis.cache.RedisCache"
    )


def test_media_can_live_on_an_s3_compatible_store():
    expression = (
        "settings.STORAGES['default']['BACKEND'], "
        "settings.STORAGES['default']['OPTIONS']['endpoint_url'], "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1]"
    )
    env = {"S3_BUCKET": "media", "S3_ENDPOINT_URL": "https://s3.example.org"}
    assert setting(expression, **env) == (
        "storages.backends.s3.S3Storage https://s3.example.org https://s3.example.org"
    )


def test_the_page_cache_is_on_in_production_and_off_in_development():
    assert setting("settings.PAGE_CACHE_SECONDS") == "0"
    assert setting("settings.PAGE_CACHE_SECONDS", **PRODUCTION) == "600"


@pytest.mark.django_db
def test_https_responses_carry_hsts(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("columns:index"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "DELETE", "PUT"])
def test_no_page_answers_a_method_it_was_not_written_for(method, client, editor_client):
    # Every address without parameters (function views, feeds, sitemaps, the admin's), and a
    # column's: a TRACE of a search answered the page, 200, as function views answer any
    # method the CSRF check lets through as a GET.
    from tests.test_hostile_input import PATTERNS

    site = build_site(columns=2, mentions=1)
    paths = [route for route, groups in PATTERNS if not groups]
    paths += [site["columns"][0].get_absolute_url(), "/search/?q=sco", *public_urls().values()]
    for path in paths:
        for who in (client, editor_client):
            response = who.generic(method, path)
            assert response.status_code in (301, 302, 403, 404, 405), (path, response.status_code)
    response = client.generic(method, "/search/?q=sco")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    # The read API answers for itself, in JSON.
    response = client.generic(method, "/api/columns/")
    assert response.status_code == 405 and "read-only" in response.json()["error"]
    # What the site does answer is unchanged.
    assert client.get("/search/?q=sco").status_code == 200
    assert client.options("/feed/").status_code == 200
