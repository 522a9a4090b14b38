"""`manage.py add_synthetic_pages`: a network of offices, physicians and articles, as visitors,
partners and the page tree see it, and the pages that list a network a page at a time."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from articles.models import ArticlePage
from demo.network import Plan
from locations.models import LocationPage, PhysicianPage
from tests.test_query_budgets import BUDGET_AFTER_A_CHANGE, queries_for
from treatments.models import ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db

COUNT = 400  # per language: 4 offices, 40 physicians, 80 articles, 2 conditions, 1 treatment


@pytest.fixture
def network(demo):
    before = Page.objects.count()
    out = io.StringIO()
    call_command("add_synthetic_pages", count=COUNT, stdout=out)
    return {"before": before, "output": out.getvalue()}


def synthetic(model, language="en"):
    return model.objects.filter(slug__startswith="synthetic-", locale__language_code=language)


def test_the_planned_pages_are_added_in_both_languages_and_the_tree_stays_whole(network):
    plan = Plan.for_count(COUNT)
    assert Page.objects.count() == network["before"] + plan.total == network["before"] + COUNT
    for model, wanted in (
        (LocationPage, plan.offices),
        (PhysicianPage, plan.physicians),
        (ArticlePage, plan.articles),
        (ConditionPage, plan.conditions),
        (TreatmentPage, plan.treatments),
    ):
        assert synthetic(model, "en").count() == synthetic(model, "es").count() == wanted
    # Paths, depths and child counts agree with Wagtail's own check of the tree.
    assert all(not problems for problems in Page.find_problems())
    assert "400 new" in network["output"]


def test_running_it_again_adds_nothing(network):
    out = io.StringIO()
    call_command("add_synthetic_pages", count=COUNT, stdout=out)
    assert Page.objects.count() == network["before"] + COUNT
    assert "0 new" in out.getvalue()


def test_a_count_out_of_range_is_refused():
    with pytest.raises(CommandError, match="between 0 and 100000"):
        call_command("add_synthetic_pages", count=-1)


def test_every_new_page_type_is_served_in_english_and_spanish(client, network):
    for model in (LocationPage, PhysicianPage, ArticlePage, ConditionPage, TreatmentPage):
        english = synthetic(model, "en").order_by("path").first()
        spanish = synthetic(model, "es").get(translation_key=english.translation_key)
        for page in (english, spanish):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title in response.content.decode()
        assert spanish.url.startswith("/es/")


def test_offices_are_spread_over_the_three_states_at_real_zip_centroids(client, network):
    offices = list(synthetic(LocationPage).order_by("path"))
    assert {office.state for office in offices} <= {"CT", "NY", "NJ"}
    assert len({office.state for office in offices}) >= 2
    office = offices[-1]
    # The finder puts the office at the visitor's own ZIP code first, less than a mile away.
    response = client.get(f"/locations/?near={office.postal_code}")
    html = response.content.decode()
    first = re.search(r'class="finder-result__title"><a href="([^"]+)"', html).group(1)
    assert first == office.url
    assert "Less than a mile away" in html


def test_physicians_carry_specialties_and_languages_the_directory_filters_by(client, network):
    physician = synthetic(PhysicianPage).order_by("path").first()
    specialty = physician.specialties[0].value
    spanish = synthetic(PhysicianPage, "es").get(translation_key=physician.translation_key)
    assert spanish.specialties[0].value != specialty  # shown in the page's language
    response = client.get("/physicians/", {"specialty": specialty})
    assert response.status_code == 200
    listed = response.context["directory"]
    assert listed.count >= 1
    assert all(
        specialty in [block.value for block in page.specialties] for page in listed.physicians
    )


def test_the_physician_directory_lists_a_page_of_cards_at_a_time_and_keeps_the_filters(
    client, network
):
    total = PhysicianPage.objects.live().filter(locale__language_code="en").count()
    response = client.get("/physicians/")
    html = response.content.decode()
    assert f"{total} physicians" in html
    assert len(response.context["directory"].physicians) == 24
    assert 'rel="next" href="?page=2"' in html
    last = client.get("/physicians/", {"page": 99})  # past the end: the last page
    assert len(last.context["directory"].physicians) == total - 24
    filtered = client.get("/physicians/", {"accepting": "1"}).content.decode()
    if 'rel="next"' in filtered:
        assert 'href="?accepting=1&amp;page=2"' in filtered


def test_every_page_names_a_few_offices_and_points_to_the_finder_for_the_rest(client, network):
    html = client.get("/about/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert footer.count('class="site-footer__office-name"') == 4
    assert 'href="/locations/">Find the office nearest to you' in footer
    spanish = client.get("/es/sobre-nosotros/").content.decode()
    assert 'href="/es/consultorios/">Encuentre el consultorio más cercano' in spanish


def test_the_office_list_is_paged_and_the_finder_shows_the_nearest_ten(client, network):
    offices = LocationPage.objects.live().filter(locale__language_code="en").count()
    listing = client.get("/locations/")
    assert len(listing.context["locations"]) == min(offices, 24)
    found = client.get("/locations/", {"near": "06880"}).content.decode()
    assert found.count('class="finder-result"') == min(offices, 10)


def test_pages_of_a_network_cost_no_more_queries_than_the_budget(client, network):
    pages = [
        "/physicians/",
        "/physicians/?page=2",
        "/locations/",
        "/locations/?near=06880",
        "/articles/",
        synthetic(PhysicianPage).first().url,
        synthetic(LocationPage).first().url,
        synthetic(ArticlePage).first().url,
        synthetic(ConditionPage).first().url,
    ]
    for url in pages:
        assert queries_for(client, url, after_a_change=True) <= BUDGET_AFTER_A_CHANGE, url


def test_partners_see_the_network_in_the_api(client, network):
    data = client.get(
        "/api/v2/pages/",
        {"type": "locations.PhysicianPage", "locale": "es", "limit": 100, "fields": "title"},
    ).json()
    assert data["meta"]["total_count"] == synthetic(PhysicianPage, "es").count() + 1
    near = client.get(
        "/api/v2/pages/",
        {"type": "locations.LocationPage", "near": "06880", "locale": "en", "fields": "title"},
    ).json()
    assert near["items"][0]["title"] == "Westport office"
    assert near["meta"]["total_count"] == synthetic(LocationPage).count() + 2
