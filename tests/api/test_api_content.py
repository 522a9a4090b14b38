"""Partner apps get every published field, in a shape they can rely on, and nothing private."""

import html
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.models import Page

from locations.models import LocationPage

pytestmark = pytest.mark.django_db

DEMO_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "articles.ArticleIndexPage",
    "articles.ArticlePage",
    "treatments.TreatmentIndexPage",
    "treatments.TreatmentPage",
    "treatments.ConditionIndexPage",
    "treatments.ConditionPage",
    "locations.LocationIndexPage",
    "locations.LocationPage",
    "locations.PhysicianIndexPage",
    "locations.PhysicianPage",
    "appointments.AppointmentRequestPage",
    "notices.CostsPage",
    "notices.LanguageAssistancePage",
]


def walk(value):
    """Every dict and string inside a JSON value."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield value


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def all_demo_details(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        yield page, detail(client, page)


def test_every_page_type_is_served_with_its_type(client):
    seen = {data["meta"]["type"] for _, data in all_demo_details(client)}
    assert seen == set(DEMO_TYPES)


def test_detail_fields_match_what_the_page_shows(client):
    text_fields = [
        "summary",
        "job_title",
        "credentials",
        "phone",
        "session_duration",
        "hero_heading",
        "featured_heading",
    ]
    for page, data in all_demo_details(client):
        page_html = html.unescape(client.get(page.url).content.decode())
        assert data["title"] == page.title
        assert page.title in page_html or data["meta"]["type"] == "home.HomePage"
        for name in text_fields:
            if data.get(name):
                assert data[name] in page_html, (page.url, name)
        for name in [
            "conditions",
            "treatments",
            "locations",
            "physicians",
            "featured_pages",
            "articles",
        ]:
            for related in data.get(name) or []:
                path = re.sub(r"^https?://[^/]+", "", related["url"])
                assert f'href="{path}"' in page_html, (page.url, name, path)
                assert set(related) == {"id", "type", "title", "slug", "url", "locale"}


def test_relations_are_served_from_both_sides(client, demo):
    ketamine = detail(client, demo.ketamine)
    migraine = detail(client, demo.migraine)
    stamford = detail(client, demo.stamford)
    mcallister = detail(client, demo.mcallister)
    assert demo.migraine.pk in [c["id"] for c in ketamine["conditions"]]
    assert demo.ketamine.pk in [t["id"] for t in migraine["treatments"]]
    assert {demo.stamford.pk, demo.westport.pk} <= {loc["id"] for loc in ketamine["locations"]}
    assert demo.ketamine.pk in [t["id"] for t in stamford["treatments"]]
    assert demo.mcallister.pk in [p["id"] for p in stamford["physicians"]]
    assert [loc["id"] for loc in mcallister["locations"]] == [demo.stamford.pk, demo.westport.pk]
    assert migraine["reviewed_by"]["id"] == demo.mcallister.pk
    assert migraine["last_reviewed"] == demo.migraine.last_reviewed.isoformat()


def test_location_hours_address_and_coordinates_are_structured(client, demo):
    data = detail(client, demo.stamford)
    assert data["address"] == {
        "street_address": demo.stamford.street_address,
        "address_line_2": demo.stamford.address_line_2,
        "city": "Stamford",
        "state": "CT",
        "postal_code": demo.stamford.postal_code,
        "country": "US",
    }
    assert data["coordinates"] == {
        "latitude": float(demo.stamford.latitude),
        "longitude": float(demo.stamford.longitude),
    }
    monday = [row for row in data["opening_hours"] if row["weekday"] == 0]
    assert monday and re.fullmatch(r"\d\d:\d\d", monday[0]["opens"])
    assert monday[0]["weekday_name"] == "Monday"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", row["date"]) for row in data["hours_exceptions"])


def test_rich_text_has_real_links_that_answer(client):
    links = set()
    for _, data in all_demo_details(client):
        for value in walk(data):
            if isinstance(value, str):
                assert "linktype=" not in value
                links.update(re.findall(r'<a [^>]*href="(/[^"]*)"', value))
    assert links, "the demo content links between pages"
    for link in links:
        assert client.get(link).status_code == 200, link


def test_every_image_is_a_rendition_with_alt_text_that_exists(client):
    images = []
    for _, data in all_demo_details(client):
        images += [
            value for value in walk(data) if isinstance(value, dict) and "renditions" in value
        ]
    assert len(images) >= 8
    checked = set()
    for image in images:
        assert image["alt"]
        assert set(image["renditions"]) == {
            f"{size}_{fmt}" for size in ("small", "medium", "large") for fmt in ("webp", "jpeg")
        }
        for rendition in image["renditions"].values():
            assert {"url", "width", "height", "format"} <= set(rendition)
            path = rendition["url"].split("/media/", 1)[1]
            if path in checked:
                continue
            checked.add(path)
            with default_storage.open(path) as handle, Image.open(handle) as picture:
                assert picture.size == (rendition["width"], rendition["height"])
                assert picture.format.lower() == rendition["format"]


def test_body_images_are_never_bare_ids(client, demo):
    data = detail(client, demo.ketamine)
    image_blocks = [block for block in data["body"] if block["type"] == "image"]
    assert image_blocks
    for block in image_blocks:
        assert isinstance(block["value"]["image"], dict)
        assert block["value"]["image"]["alt"]


def test_intake_email_and_user_accounts_appear_nowhere(client, demo):
    secrets = {loc.intake_email for loc in LocationPage.objects.all()} - {""}
    assert secrets
    urls = [
        f"/api/v2/pages/{demo.stamford.pk}/",
        "/api/v2/pages/?type=locations.LocationPage&fields=*",
        "/api/v2/pages/?type=locations.PhysicianPage&fields=*",
        f"/api/v3/pages/{demo.stamford.pk}/",
        "/api/v3/pages/?type=locations.LocationPage",
        "/api/v3/openapi.json",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        for secret in secrets:
            assert secret not in body, url
        assert "intake_email" not in body, url
    assert (
        client.get("/api/v2/pages/?type=locations.LocationPage&fields=intake_email").status_code
        == 400
    )
    assert "user" not in detail(client, demo.mcallister)


def test_translations_and_locale_are_given(client, demo):
    data = detail(client, demo.migraine)
    assert data["meta"]["locale"] == "en"
    assert isinstance(data["translations"], list)
    for translation in data["translations"]:
        assert translation["locale"] != "en"
