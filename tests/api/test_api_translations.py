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


# --- Errors in the partner's language -------------------------------------------------------


def refused(client, url, status=400, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:300])
    body = response.json()
    return response, body.get("message") or body.get("detail")


@pytest.mark.parametrize(
    ("url", "spanish_message"),
    [
        # The project's own checks of a parameter.
        ("/api/v2/pages/?locale=es&limit=0", "limit debe ser un número entero de 1 a"),
        ("/api/v2/pages/?locale=es&changed_since=ayer", "changed_since debe ser una fecha y hora"),
        ("/api/v2/pages/?locale=es&near=00000", "No encontramos el código postal 00000"),
        # The change feed lists every language: it takes no locale, and says so in Spanish.
        ("/api/v2/changes/?locale=es", "locale no es un parámetro del feed de cambios"),
        ("/api/v3/pages/?locale=es&offset=-1", "offset debe ser un número entero de 0 a"),
        # Wagtail's own refusals, in the words it uses.
        ("/api/v2/pages/?locale=es&color=red", "no es una operación ni un campo reconocido: color"),
        ("/api/v2/pages/?locale=es&fields=colour", "campos desconocidos: colour"),
        ("/api/v2/pages/?locale=es&type=home.Nothing", "el tipo no existe"),
    ],
)
def test_errors_come_in_the_language_of_locale(client, url, spanish_message):
    url = url.replace("near=00000", "type=locations.LocationPage&near=00000")
    response, message = refused(client, url)
    assert spanish_message in message
    assert response["Content-Language"] == "es"
    english, english_message = refused(client, url.replace("locale=es", "locale=en"))
    assert english_message != message and english["Content-Language"] == "en"


def test_a_missing_address_a_refused_token_and_a_write_are_answered_in_spanish(client):
    response, message = refused(client, "/api/v2/pages/abc/?locale=es", status=404)
    assert message == "No encontrado." and response["Content-Language"] == "es"
    response, message = refused(
        client, "/api/v2/pages/?locale=es", status=401, HTTP_AUTHORIZATION="Bearer nothing"
    )
    assert message.startswith("El token de la API no es válido")
    assert response["Content-Language"] == "es"
    written = client.post("/api/v2/pages/?locale=es")
    assert written.status_code == 405
    assert written.json()["message"].startswith("La API de contenido es de solo lectura")


def test_the_browsers_language_never_chooses_the_apis(client):
    """Without `?locale=` the API answers in English whatever Accept-Language says, and never
    sends a partner to a language-prefixed address."""
    response, message = refused(client, "/api/v2/pages/?limit=0", HTTP_ACCEPT_LANGUAGE="es")
    assert message.startswith("limit must be a whole number")
    assert response["Content-Language"] == "en"
    assert "Accept-Language" not in response.get("Vary", "")
    missing = client.get("/api/v2/nothing/", HTTP_ACCEPT_LANGUAGE="es")
    assert missing.status_code == 404 and missing.json()["message"] == "Not found."
    listing = client.get("/api/v2/pages/?locale=es&limit=1")
    assert listing.status_code == 200 and listing["Content-Language"] == "es"
