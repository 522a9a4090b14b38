"""Fixtures shared by the whole suite.

The demo site is loaded once per test session, after the migrations, and every test runs inside a
transaction that is rolled back, so each test starts from the same demo content. Every demo page is
rendered once while loading, so image renditions exist before the first test and query counts
measure what a visitor's request costs on a warm site.
"""

import io
import json
import os
import subprocess
import sys
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Page

DEMO_SLUGS = {
    "treatments": "treatments",
    "conditions": "conditions",
    "physicians": "physicians",
    "locations": "locations",
    "migraine": "chronic-migraine",
    "depression": "treatment-resistant-depression",
    "anxiety": "anxiety",
    "bipolar": "bipolar-depression",
    "ketamine": "ketamine-infusion-therapy",
    "mcallister": "peter-mcallister",
    "stamford": "stamford",
    "westport": "westport",
    "about": "about",
    "privacy": "privacy",
    "notice": "notice-of-privacy-practices",
    "accessibility": "accessibility",
    "articles": "articles",
    "article": "ketamine-infusion-for-chronic-migraine",
    "first_visit": "your-first-ketamine-infusion",
    "migraine_types": "episodic-and-chronic-migraine",
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", with_admin=True, stdout=io.StringIO())
        client = Client()
        for page in Page.objects.live().filter(depth__gt=1).specific():
            client.get(page.url)


@pytest.fixture
def demo(db):
    """The demo site's pages by short name, e.g. `demo.migraine`, `demo.stamford`, `demo.home`."""
    pages = {
        name: Page.objects.get(slug=slug, locale__language_code="en").specific
        for name, slug in DEMO_SLUGS.items()
    }
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    return SimpleNamespace(home=home, **pages)


@pytest.fixture
def editor(db, django_user_model):
    """A superuser for the admin views."""
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="correct-horse-battery"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back after every test, and
    cached pages and fragments must not outlive the rows they were built from."""
    from django.core.cache import caches

    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def fresh_database_url(tmp_path):
    """A fresh, empty database of the suite's engine for a migration test that runs in a process
    of its own: a file on SQLite, `<test database>_moves` on PostgreSQL (made and dropped here)."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'moves.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"no fresh database for {connection.vendor} here")
    import psycopg

    config = settings.DATABASES["default"]
    name = f"{config.get('TEST', {}).get('NAME') or 'test_' + config['NAME']}_moves"
    params = {
        "host": config.get("HOST") or "localhost",
        "port": config.get("PORT") or 5432,
        "user": config.get("USER") or "",
        "password": config.get("PASSWORD") or "",
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(params["user"]) + (
        f":{quote(params['password'])}" if params["password"] else ""
    )
    try:
        yield f"postgres://{credentials}@{params['host']}:{params['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def run_on_fresh_database(fresh_database_url):
    """`run("tests.module")` runs that module in a process of its own on a fresh database (a
    migration test) and gives back its report: the last line it prints, as JSON."""

    def run(module):
        result = subprocess.run(
            [sys.executable, "-m", module],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "DATABASE_URL": fresh_database_url,
                "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            },
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    return run
