"""Production settings refuse to start without the secrets and hosts they need, or with a wrong
value, in one line that names the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPLETE = {
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789",
    "ALLOWED_HOSTS": "clinic.example.org",
    "DATABASE_URL": "postgres://clinic@db.example.org:5432/clinic",
}


def load_production_settings(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update({k: v for k, v in {**COMPLETE, **overrides}.items() if v is not None})
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_start_with_everything_set():
    result = load_production_settings()
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_settings_refuse_to_start_without(missing):
    result = load_production_settings(**{missing: None})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


@pytest.mark.parametrize(
    "name, value, accepts",
    [
        ("LOG_LEVEL", "verbose", "one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ("DATABASE_URL", "postgres//db.example.org/clinic", "postgres://user:password@host"),
        ("DATABASE_URL", "postgres://clinic:s3cret-pw@db:54x/clinic", "postgres://"),
        ("DATABASE_URL", "mysql://db.example.org/clinic", "sqlite:////absolute/path"),
        ("REDIS_URL", "localhost:6379", "redis://host:6379/0"),
        ("REDIS_URL", "redis://cache:port/0", "redis://host:6379/0"),
        ("SEARCH_BACKEND", "solr", "wagtail.search.backends.opensearch2"),
        ("PAGE_CACHE_SECONDS", "five minutes", "a whole number"),
        ("API_RATE_LIMIT_ANONYMOUS", "-1", "a whole number from 0"),
        ("ADMIN_REQUIRE_2FA", "ture", "yes or no"),
        ("TIME_ZONE", "Eastern", "an IANA time zone name"),
        ("MACHINE_TRANSLATOR", "bing", "deepl, google, dummy or nothing"),
        ("FRONTEND_CACHE", "akamai", "http, cloudflare, cloudfront"),
        ("PARTNER_PREVIEW_URL", "referrals.example.org/preview", "an http(s) address"),
        ("PARTNER_PREVIEW_URL", "javascript:alert(1)", "an http(s) address"),
    ],
)
def test_a_wrong_value_stops_the_start_with_one_line_naming_it(name, value, accepts):
    extra = {"SEARCH_URL": "http://search.example.org:9200"} if name == "SEARCH_BACKEND" else {}
    result = load_production_settings(**{name: value}, **extra)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Configuration error: {name}=")
    assert accepts in lines[0]
    assert "s3cret-pw" not in result.stderr  # a password in a URL is not repeated


def test_log_level_is_read_in_any_case():
    result = load_production_settings(LOG_LEVEL="warning")
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_the_deployment_checks():
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update(COMPLETE, DJANGO_SETTINGS_MODULE="cms.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


RENDER_UNDER_PRODUCTION = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
client = Client()
for url in ("/", "/admin/login/"):
    response = client.get(url, secure=True, HTTP_HOST="clinic.example.org")
    print(url, response.status_code, response.headers.get("Content-Security-Policy"))
"""


def test_production_sends_a_content_security_policy_the_site_and_admin_work_under(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update(
        COMPLETE,
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    result = subprocess.run(
        [sys.executable, "-c", RENDER_UNDER_PRODUCTION],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    for url in ("/", "/admin/login/"):
        status, policy = lines[url].split(" ", 1)
        assert status in ("200", "404"), lines[url]  # an empty database has no home page yet
        assert "default-src 'self'" in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert lines["/admin/login/"].startswith("200")


SHOW_SWITCHES = """
import django; django.setup()
from django.conf import settings
print(settings.STORAGES["default"]["BACKEND"])
print(settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"])
print(getattr(settings, "WAGTAILFRONTENDCACHE", {}).get("default", {}).get("BACKEND", "-"))
print(settings.CACHES["default"]["BACKEND"])
print(settings.LOGGING["handlers"]["console"]["formatter"])
"""


def switches(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE and k != "REDIS_URL"}
    env.update(COMPLETE, DJANGO_SETTINGS_MODULE="cms.settings.production", **overrides)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SWITCHES], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")


def test_scale_out_pieces_are_switched_on_by_the_environment():
    alone = switches()
    assert alone[0] == "django.core.files.storage.FileSystemStorage"
    assert alone[1] == "wagtail.search.backends.database"
    assert alone[2] == "-"
    # Without Redis each worker keeps its own cache; the content version is in the database, so a
    # publish still reaches every worker.
    assert alone[3] == "django.core.cache.backends.locmem.LocMemCache"
    assert alone[4] == "json"
    scaled = switches(
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        SEARCH_URL="https://search.example.org:9200",
        FRONTEND_CACHE="http",
        FRONTEND_CACHE_LOCATION="http://varnish.internal:80",
        REDIS_URL="redis://cache.example.org:6379/0",
    )
    assert scaled[0] == "storages.backends.s3.S3Storage"
    assert scaled[1] == "wagtail.search.backends.opensearch2"
    assert scaled[2] == "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    assert scaled[3] == "django_redis.cache.RedisCache"


def test_the_partner_preview_front_end_may_be_shown_in_the_admin_and_nothing_else():
    show = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-src'])"
    )

    def frame_sources(**overrides):
        env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
        env.update(COMPLETE, DJANGO_SETTINGS_MODULE="cms.settings.production", **overrides)
        result = subprocess.run(
            [sys.executable, "-c", show], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "referrals.example.org" not in frame_sources()
    with_partner = frame_sources(PARTNER_PREVIEW_URL="https://referrals.example.org/preview?x=1")
    assert "'https://referrals.example.org'" in with_partner
    assert "preview" not in with_partner
