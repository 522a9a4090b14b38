"""Finding a page and the trail above it cost a fixed, small number of queries, and give what
Wagtail's own walk through the tree gives."""

import pytest
from django.test import RequestFactory
from django.urls import Resolver404
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage
from home.navigation import live_ancestors, root_children, site_root
from treatments.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db


def request_for(url):
    return RequestFactory().get(url, HTTP_HOST="localhost")


def test_an_article_under_the_routable_articles_section_is_found_in_two_queries(
    demo, django_assert_num_queries
):
    """The articles section answers its own addresses (the RSS feed) and hands the others to its
    children: an article is found by its address and read as its own type, with its author and
    reviewer, in two queries instead of a walk level by level."""
    article = demo.article
    request = request_for(article.url)
    with django_assert_num_queries(2):
        found = demo.home.route(request, ["articles", article.slug])
        assert found.page.pk == article.pk
        assert found.page.author is not None
        assert found.page.reviewed_by is not None


def test_the_articles_section_still_answers_its_own_routes(client, demo):
    feed = client.get(f"{demo.articles.url}feed/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert client.get(f"{demo.articles.url}no-such-article/").status_code == 404
    with pytest.raises(Resolver404):
        ArticleIndexPage.get_resolver().resolve("/ketamine-infusion-for-chronic-migraine/")


def test_the_trail_of_a_page_in_a_section_comes_from_the_menu(demo, django_assert_num_queries):
    request = request_for(demo.migraine.url)
    root_children(request, site_root(request))  # what the menu reads anyway
    with django_assert_num_queries(0):
        trail = live_ancestors(demo.migraine, request)
    assert [page.pk for page in trail] == [demo.home.pk, demo.conditions.pk]


def test_the_trail_matches_wagtails_ancestors_deeper_down_and_under_a_private_section(demo):
    deeper = ConditionPageFactory(parent=demo.migraine)
    request = request_for(deeper.url)
    assert [page.pk for page in live_ancestors(deeper, request)] == [
        demo.home.pk,
        demo.conditions.pk,
        demo.migraine.pk,
    ]
    # A private section is not in the menu: the trail is read from the tree instead.
    PageViewRestriction.objects.create(page=demo.conditions, restriction_type="login")
    request = request_for(demo.migraine.url)
    assert [page.pk for page in live_ancestors(demo.migraine, request)] == [
        demo.home.pk,
        demo.conditions.pk,
    ]


def test_a_page_found_by_its_address_knows_without_a_query_that_nothing_restricts_it(
    client, demo, django_assert_num_queries
):
    """Whether a view restriction applies is read with the page (one query fewer on every page
    a visitor opens), and a restriction above the page still keeps visitors out."""
    request = request_for(demo.migraine.url)
    found = demo.home.route(request, ["conditions", demo.migraine.slug]).page
    with django_assert_num_queries(0):
        assert list(found.get_view_restrictions()) == []

    restriction = PageViewRestriction.objects.create(page=demo.conditions, restriction_type="login")
    found = demo.home.route(request, ["conditions", demo.migraine.slug]).page
    assert list(found.get_view_restrictions()) == [restriction]
    response = client.get(demo.migraine.url)
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert client.get(demo.migraine.url).status_code == 200
