"""API search finds what the site's search finds: the visitor queries of tests/search/queries.json
(synonyms, plurals, Spanish, and on PostgreSQL misspellings and unaccented words) find their page
among the first three results of `/api/v2/pages/?search=`, in the language asked for."""

import json
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Locale, Page

from search.models import SearchSynonym

pytestmark = pytest.mark.django_db

QUERIES = json.loads((Path(__file__).parents[1] / "search" / "queries.json").read_text())["queries"]
EXTRA = [
    # Unaccented Spanish, as typed on a keyboard without ñ: fuzzy matching, on PostgreSQL.
    {
        "query": "migrana",
        "language": "es",
        "expected_slug": "migrana-cronica",
        "skip_on_sqlite": True,
    },
    {
        "query": "migrane cronica",
        "language": "es",
        "expected_slug": "migrana-cronica",
        "skip_on_sqlite": True,
    },
]


def slugs(client, query, language, **params):
    answer = client.get(
        "/api/v2/pages/", {"search": query, "locale": language, "fields": "", **params}
    )
    assert answer.status_code == 200, answer.content
    return [item["meta"]["slug"] for item in answer.json()["items"]]


@pytest.mark.parametrize(
    "case", QUERIES + EXTRA, ids=[f"{c['language']}:{c['query']}" for c in QUERIES + EXTRA]
)
def test_api_search_finds_what_the_site_finds(client, case):
    if case["skip_on_sqlite"] and connection.vendor == "sqlite":
        pytest.skip("SQLite has no fuzzy matching; this case runs on PostgreSQL")
    language = case["language"]
    if not Page.objects.live().filter(slug=case["expected_slug"], locale__language_code=language):
        pytest.skip(f"No live {language} page {case['expected_slug']!r} in the demo content")
    found = slugs(client, case["query"], language)
    assert case["expected_slug"] in found[:3], found


def test_the_home_page_is_no_result(client, demo):
    assert demo.home.slug not in slugs(client, "ketamine", "en")


def test_an_editors_synonym_applies_to_api_search_in_its_language(client, demo):
    assert "accessibility" not in slugs(client, "a11y", "en")
    SearchSynonym.objects.create(
        locale=Locale.objects.get(language_code="en"), term="a11y", expansion="accessibility"
    )
    assert "accessibility" in slugs(client, "A11Y", "en")[:3]


def test_search_with_a_type_and_filters(client, demo):
    found = slugs(client, "migraines", "en", type="treatments.ConditionPage")
    assert found[:1] == ["chronic-migraine"]


def test_order_still_gives_wagtails_plain_search(client, demo):
    found = slugs(client, "migraine", "en", type="treatments.ConditionPage", order="title")
    assert found == sorted(
        found, key=lambda slug: Page.objects.get(slug=slug, locale__language_code="en").title
    )


@pytest.mark.parametrize("query", ["", "   ", '"(*)"', "%00", "a" * 600])
def test_odd_searches_answer_without_an_error(client, query):
    answer = client.get("/api/v2/pages/", {"search": query})
    assert answer.status_code == 200
