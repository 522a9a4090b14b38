"""Site search: only live public pages in the visitor's language, an index that follows publishing,
promotions, synonyms, the report of searches with no results, suggestions, and queries that
cannot break the page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from home.factories import StandardPageFactory
from search import views
from search.models import SearchSynonym, ZeroResultQuery
from treatments.factories import ConditionPageFactory
from treatments.models import ConditionPage

pytestmark = pytest.mark.django_db


def result_urls(response):
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', response.content.decode())


def search(client, query, prefix="", **params):
    response = client.get(f"{prefix}/search/", {"q": query, **params})
    assert response.status_code == 200
    return result_urls(response)


# Visibility and the index following the editors' actions ------------------------------------


def test_a_newly_published_page_appears_and_unpublishing_removes_it(client, demo):
    page = ConditionPageFactory(parent=demo.conditions, title="Zephyrine syndrome")
    assert page.url in search(client, "zephyrine")

    page.unpublish()
    assert page.url not in search(client, "zephyrine")


def test_a_draft_never_appears_even_after_new_revisions(client, demo):
    draft = ConditionPage(
        title="Quixotic draft condition",
        summary="Unpublished.",
        overview="<p>Draft.</p>",
        live=False,
    )
    demo.conditions.add_child(instance=draft)
    draft.save_revision()
    assert draft.url not in search(client, "quixotic")

    live = ConditionPageFactory(parent=demo.conditions, title="Quixotic live condition")
    live.title = "Quixotic live condition renamed"
    live.save_revision()  # a draft change of a live page shows the published version
    assert live.url in search(client, "quixotic")
    assert draft.url not in search(client, "quixotic")
    assert "renamed" not in client.get("/search/", {"q": "quixotic"}).content.decode()


def test_a_private_page_and_its_children_never_appear(client, demo):
    private = StandardPageFactory(parent=demo.home, title="Zanzibar staff rota")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="staff"
    )
    child = StandardPageFactory(parent=private, title="Zanzibar staff holidays")
    urls = search(client, "zanzibar")
    assert private.url not in urls
    assert child.url not in urls


def test_moving_and_deleting_a_page_update_the_results(client, demo):
    page = StandardPageFactory(parent=demo.home, title="Xenial parking guide")
    new_parent = StandardPageFactory(parent=demo.home, title="Visiting")
    assert search(client, "xenial") == [page.url]

    page.move(new_parent, pos="last-child")
    page.refresh_from_db()
    assert search(client, "xenial") == ["/visiting/xenial-parking-guide/"]

    page.delete()
    assert "/visiting/xenial-parking-guide/" not in search(client, "xenial")


# Language, type filter, pagination ----------------------------------------------------------


def test_results_are_in_the_visitors_language_only(client, demo):
    english = search(client, "migraine")
    assert demo.migraine.url in english
    assert not any(url.startswith("/es/") for url in english)

    if not Page.objects.live().filter(locale__language_code="es", depth__gt=2).exists():
        pytest.skip("No Spanish pages in the demo content yet")
    spanish = search(client, "migraña", prefix="/es")
    assert spanish, "a Spanish search finds Spanish pages"
    assert all(url.startswith("/es/") for url in spanish), spanish


def test_the_home_page_is_not_a_result(client, demo):
    assert demo.home.url not in search(client, "ketamine")


def test_results_can_be_narrowed_to_one_type(client, demo):
    conditions = search(client, "ketamine", type="conditions")
    assert conditions
    assert all(url.startswith("/conditions/") and url != "/conditions/" for url in conditions)
    assert search(client, "ketamine", type="physicians") == [demo.mcallister.url]
    # An unknown type is ignored.
    assert len(search(client, "ketamine", type="nonsense")) >= len(conditions)


def test_pagination_keeps_the_query_and_handles_bad_page_numbers(client, demo, monkeypatch):
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    first = client.get("/search/", {"q": "ketamine"})
    assert first.context["paginator"].num_pages > 1
    assert 'href="?q=ketamine&amp;page=2"' in first.content.decode()
    assert result_urls(client.get("/search/", {"q": "ketamine", "page": "abc"})) == result_urls(
        first
    )
    last = client.get("/search/", {"q": "ketamine", "page": "99999"})
    assert last.context["search_results"].number == first.context["paginator"].num_pages


def test_each_result_uses_its_page_types_search_template(client, demo):
    body = client.get("/search/", {"q": "ketamine"}).content.decode()
    assert body.count('class="search-result"') >= 3
    assert 'class="search-result__type">Condition<' in body
    assert 'class="search-result__type">Treatment<' in body


# Promotions, synonyms, statistics -----------------------------------------------------------


def test_a_promotion_or_a_published_page_shows_in_the_next_search(client, demo):
    assert demo.accessibility.url not in search(client, "ketamine")
    SearchPromotion.objects.create(
        query=Query.get("ketamine"), page=demo.accessibility, sort_order=0
    )
    assert search(client, "ketamine")[0] == demo.accessibility.url
    ConditionPageFactory(parent=demo.conditions, title="Ketamine and cluster headache")
    assert "Ketamine and cluster headache" in client.get("/search/?q=ketamine").content.decode()


def test_a_promoted_result_comes_first_and_only_once(client, demo):
    SearchPromotion.objects.create(
        query=Query.get("ketamine"), page=demo.accessibility, sort_order=0
    )
    urls = search(client, "Ketamine")
    assert urls[0] == demo.accessibility.url
    assert urls.count(demo.accessibility.url) == 1


def test_a_promoted_page_that_is_unpublished_is_not_shown(client, demo):
    page = StandardPageFactory(parent=demo.home, title="Seasonal notice")
    SearchPromotion.objects.create(query=Query.get("ketamine"), page=page, sort_order=0)
    page.unpublish()
    assert page.url not in search(client, "ketamine")


def test_synonyms_expand_the_query_in_their_language(client, demo):
    assert search(client, "a11y") == []  # the synonyms of a language are now cached
    english = Locale.objects.get(language_code="en")
    synonym = SearchSynonym.objects.create(locale=english, term="a11y", expansion="accessibility")
    assert search(client, "A11Y")[:1] == [demo.accessibility.url]
    assert search(client, "a11y", prefix="/es") == []
    synonym.delete()
    assert search(client, "a11y") == []


def test_the_default_synonyms_find_their_pages(client, demo):
    assert demo.depression.url in search(client, "TRD")[:3]
    assert demo.ketamine.url in search(client, "Spravato")[:3]


def test_queries_are_counted_and_those_without_results_reported(client, demo):
    search(client, "Wombat zebu")
    search(client, "wombat  ZEBU")
    search(client, "migraine")

    assert Query.get("wombat zebu").hits == 2
    assert Query.get("migraine").hits == 1
    record = ZeroResultQuery.objects.get()
    assert (record.query_string, record.language_code, record.hits) == ("wombat zebu", "en", 2)
    # Nothing but the query text, its language, a count and a date is stored.
    assert {field.name for field in ZeroResultQuery._meta.fields} == {
        "id",
        "query_string",
        "language_code",
        "hits",
        "last_searched",
    }


def test_the_report_of_searches_without_results_is_in_the_reports_menu(editor_client, demo):
    ZeroResultQuery.objects.create(
        query_string="wombat therapy", language_code="en", hits=4, last_searched="2026-01-02"
    )
    response = editor_client.get(reverse("zero_result_queries_report"))
    assert response.status_code == 200
    assert "wombat therapy" in response.content.decode()
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("zero_result_queries_report") in menu


def test_the_report_needs_an_admin_login(client):
    response = client.get(reverse("zero_result_queries_report"))
    assert response.status_code == 302


def test_synonyms_are_managed_in_the_admin(editor_client):
    response = editor_client.get("/admin/snippets/search/searchsynonym/")
    assert response.status_code == 200
    assert "TRD" in response.content.decode()


# Suggestions ---------------------------------------------------------------------------------


def test_suggestions_give_titles_and_urls_in_the_visitors_language(client, demo):
    data = client.get("/search/suggest/", {"q": "migr"}).json()
    assert {"title": demo.migraine.title, "url": demo.migraine.url} in data["results"]
    assert all(not item["url"].startswith("/es/") for item in data["results"])
    assert client.get("/search/suggest/", {"q": "m"}).json()["results"] == []

    if Page.objects.live().filter(locale__language_code="es", depth__gt=2).exists():
        spanish = client.get("/es/search/suggest/", {"q": "migr"}).json()["results"]
        assert spanish and all(item["url"].startswith("/es/") for item in spanish)


def test_the_search_form_works_without_javascript(client):
    body = client.get("/search/").content.decode()
    assert 'action="/search/" method="get"' in body
    assert 'name="q"' in body
    assert "js/search-suggest.js" in body


# Hostile queries -------------------------------------------------------------------------------

HOSTILE_QUERIES = [
    "",
    " ",
    '"',
    "'",
    '"unterminated phrase',
    "AND",
    "OR NOT",
    "migraine AND OR NOT",
    "NEAR(migraine ketamine)",
    "(((",
    ")",
    "*",
    "mig*",
    "-ketamine",
    "+ketamine",
    "^ketamine",
    "title:ketamine",
    "ketamine | depression & !anxiety",
    "<->",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "\x00",
    "mig\x00raine",
    "\x1b[31m",
    "😀",
    "💉 ketamine 🧠",
    "\u202ekcatta",
    "\ufeffmigraine",
    "ñandú ß İstanbul",
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% debug %}",
    "a" * 10_000,
    "ketamine " * 2_000,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_never_cause_a_server_error(client, query):
    for path in ("/search/", "/es/search/", "/search/suggest/"):
        response = client.get(path, {"q": query})
        assert response.status_code in (200, 400), (path, query[:40])
    assert "<script>alert(1)</script>" not in client.get("/search/", {"q": query}).content.decode()


@pytest.mark.parametrize(
    "query_string",
    [
        "q=ketamine&q=migraine",
        "q=ketamine&page=abc",
        "q=ketamine&page=99999",
        "q=ketamine&page=-1",
        "q=ketamine&page=0",
        "q=ketamine&page=1e9",
        "q=ketamine&type=../../etc",
        "q=ketamine&type=conditions&type=physicians",
        "q[]=ketamine",
        "page=2",
        "q=%FF%FE",
        "q=%00",
    ],
)
def test_strange_parameters_never_cause_a_server_error(client, query_string):
    for path in ("/search/", "/es/search/", "/search/suggest/"):
        response = client.get(f"{path}?{query_string}")
        assert response.status_code in (200, 400), (path, query_string)


# Cost ------------------------------------------------------------------------------------------


def test_the_query_count_does_not_grow_with_the_number_of_results(
    client, demo, monkeypatch, settings, django_assert_max_num_queries
):
    # Twelve results of one page type, so only the number of results shown differs.
    for number in range(12):
        ConditionPageFactory(parent=demo.conditions, title=f"Yarrow condition {number}")
    query = "yarrow"
    client.get("/search/", {"q": query})  # warm the per-process caches

    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 3)
    with CaptureQueriesContext(connection) as three:
        response = client.get("/search/", {"q": query})
    assert len(response.context["search_results"]) == 3
    assert (
        len(three) <= 13
    )  # the budget of a page, with the content version; 18 when synonyms and restrictions were read each time

    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 10)
    with django_assert_max_num_queries(len(three)):
        response = client.get("/search/", {"q": query})
    assert len(response.context["search_results"]) == 10

    # The same search again, until something changes: answered from the visitors' cache (the
    # content version is read), and its count is written (at once in the tests: the query, its
    # day's row and the addition, in a savepoint).
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/search/", {"q": query})
    with django_assert_max_num_queries(6):
        again = client.get("/search/", {"q": query})
    assert again["X-Cache"] == "hit"
    assert result_urls(again) == result_urls(response)
    assert Query.get(query).hits == 5  # every search is counted for the editors' statistics
