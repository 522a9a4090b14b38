"""Fixtures shared by the whole suite.

The demo site is loaded once per test session, after the migrations, and every test runs inside a
transaction that is rolled back, so each test starts from the same demo content. Every demo page is
rendered once while loading, so image renditions exist before the first test and query counts
measure what a visitor's request costs on a warm site.
"""

import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
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
