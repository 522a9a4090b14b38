"""Partners read each language on its own and move between a page and its translations, in both
versions of the API."""

import pytest
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

LISTINGS = ["/api/v2/pages/", "/api/v3/pages/"]


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()["items"]


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es"))


@pytest.mark.parametrize("listing", LISTINGS)
def test_locale_es_lists_only_and_all_live_spanish_pages(client, listing):
    listed = {item["id"] for item in items(client, f"{listing}?locale=es&limit=100")}
    spanish_pages = Page.objects.live().public().filter(locale__language_code="es", depth__gt=1)
    assert listed == set(spanish_pages.values_list("pk", flat=True))
    assert len(listed) >= 20


@pytest.mark.parametrize("listing", LISTINGS)
def test_translation_of_finds_the_counterpart(client, demo, listing):
    for page in (demo.migraine, demo.ketamine, demo.stamford, demo.mcallister):
        found = items(client, f"{listing}?translation_of={page.pk}&locale=es")
        assert [item["id"] for item in found] == [spanish(page).pk]
        back = items(client, f"{listing}?translation_of={spanish(page).pk}&locale=en")
        assert [item["id"] for item in back] == [page.pk]


def test_a_page_says_its_locale_and_links_its_translations(client, demo):
    english = client.get(f"/api/v2/pages/{demo.migraine.pk}/").json()
    assert english["meta"]["locale"] == "en"
    translation = spanish(demo.migraine)
    assert [(t["id"], t["locale"]) for t in english["translations"]] == [(translation.pk, "es")]
    assert english["translations"][0]["type"] == "treatments.ConditionPage"
    assert english["translations"][0]["url"].endswith(translation.url)
    assert "/es/" in english["translations"][0]["url"]

    response = client.get(f"/api/v2/pages/{translation.pk}/").json()
    assert response["meta"]["locale"] == "es"
    assert [t["id"] for t in response["translations"]] == [demo.migraine.pk]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_page_names_its_parents_type_as_both_versions_do(client, demo, version):
    detail = client.get(f"/api/{version}/pages/{demo.migraine.pk}/").json()
    assert detail["meta"]["parent"]["id"] == demo.conditions.pk
    assert detail["meta"]["parent"]["meta"]["type"] == "treatments.ConditionIndexPage"
    assert detail["meta"]["parent"]["meta"]["html_url"].endswith(demo.conditions.url)


def test_v3_detail_says_its_locale(client, demo):
    translation = spanish(demo.migraine)
    response = client.get(f"/api/v3/pages/{translation.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert "es" in (body.get("locale"), body.get("meta", {}).get("locale"))
    assert body["title"] == translation.title
    assert [t["id"] for t in body["translations"]] == [demo.migraine.pk]


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_spanish_page_names_its_reviewer_in_spanish(client, demo, listing):
    translation = spanish(demo.migraine)
    reviewer = spanish(demo.mcallister)
    detail = client.get(f"{listing}{translation.pk}/").json()
    assert detail["reviewed_by"]["id"] == reviewer.pk
    assert "/es/" in detail["reviewed_by"]["url"]
    if listing == LISTINGS[0]:  # v3 listings carry the listing fields only
        listed = items(client, f"{listing}?type=treatments.ConditionPage&locale=es&fields=*")
        assert {item["reviewed_by"]["id"] for item in listed if item["reviewed_by"]} == {
            reviewer.pk
        }
