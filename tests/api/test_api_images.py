"""Images for partner apps: every image object carries its alt text and absolute URLs, and any
size or format from the allow-list is one request away (docs/api.md, "Images")."""

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from home.factories import ClinicImageFactory

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILAPI_BASE_URL = BASE


def rendition_url(image):
    return f"/api/v2/images/{image.pk}/rendition/"


def opened(url):
    """The picture an absolute media URL in an answer points at."""
    assert url.startswith(f"{BASE}/media/")
    with default_storage.open(url.split("/media/", 1)[1]) as handle, Image.open(handle) as picture:
        picture.load()
        return picture


def test_the_images_listing_carries_alt_text_absolute_urls_and_renditions(client):
    image = ClinicImageFactory(alt_text="The Westport waiting room, with two armchairs.")
    image.tags.add("westport", "office")
    items = client.get("/api/v2/images/?limit=100").json()["items"]
    item = next(item for item in items if item["id"] == image.pk)
    assert item["alt"] == "The Westport waiting room, with two armchairs."
    assert item["meta"]["tags"] == ["office", "westport"]
    assert (item["width"], item["height"]) == (1200, 800)
    assert opened(item["meta"]["download_url"]).size == (1200, 800)
    assert item["rendition_url"] == f"{BASE}{rendition_url(image)}"
    medium = item["renditions"]["medium_webp"]
    assert opened(medium["url"]).format == "WEBP"
    assert opened(medium["url"]).size == (800, 533) == (medium["width"], medium["height"])


def test_the_images_listing_describes_them_in_the_language_asked_for(client):
    """Images are shared by every language; `locale` chooses which alt text a listing carries,
    as it does for a single image and for pages."""
    image = ClinicImageFactory(
        alt_text="A treatment chair by a window.", alt_text_es="Un sillón junto a una ventana."
    )
    for locale, alt in (("es", image.alt_text_es), ("en", image.alt_text), (None, image.alt_text)):
        asked = {"locale": locale} if locale else {}
        response = client.get("/api/v2/images/", {"limit": 100, **asked})
        assert response.status_code == 200, response.content
        item = next(item for item in response.json()["items"] if item["id"] == image.pk)
        assert item["alt"] == alt, locale
        assert client.get(f"/api/v2/images/{image.pk}/", asked).json()["alt"] == alt, locale
    assert client.get("/api/v2/documents/?locale=es").status_code == 200
    assert client.get("/api/v2/images/?locale=zz").status_code == 400


def test_the_image_detail_carries_the_same(client):
    image = ClinicImageFactory(alt_text="A treatment chair by a window.", credit="Clinic staff")
    data = client.get(f"/api/v2/images/{image.pk}/").json()
    assert data["alt"] == "A treatment chair by a window."
    assert data["credit"] == "Clinic staff"
    assert data["meta"]["download_url"].startswith(f"{BASE}/media/original_images/")
    assert set(data["renditions"]) == {
        f"{size}_{fmt}" for size in ("small", "medium", "large") for fmt in ("webp", "jpeg")
    }


def test_image_fields_on_pages_carry_the_original_and_the_rendition_address(client, demo):
    data = client.get(f"/api/v2/pages/{demo.stamford.pk}/").json()
    image = data["image"]
    assert image["alt"]
    assert opened(image["download_url"]).size == (image["width"], image["height"])
    answer = client.get(image["rendition_url"] + "?width=320&format=jpeg")
    assert answer.status_code == 302
    assert opened(answer["Location"]).size[0] == 320


def test_images_in_streamfield_blocks_carry_the_rendition_address(client, demo):
    data = client.get(f"/api/v2/pages/{demo.migraine.pk}/").json()
    blocks = [block["value"]["image"] for block in data["body"] if block["type"] == "image"]
    assert blocks
    for image in blocks:
        assert image["rendition_url"].startswith(f"{BASE}/api/v2/images/")
        assert image["download_url"].startswith(f"{BASE}/media/")


@pytest.mark.parametrize(
    ("query", "size", "file_format"),
    [
        ("width=640&format=avif", (640, 426), "AVIF"),
        ("width=160&format=webp", (160, 106), "WEBP"),
        ("fill=400x267&format=jpeg", (400, 267), "JPEG"),
        ("fill=160x160&format=webp", (160, 160), "WEBP"),
    ],
)
def test_an_allowed_size_and_format_redirects_to_that_rendition(client, query, size, file_format):
    image = ClinicImageFactory()
    answer = client.get(f"{rendition_url(image)}?{query}")
    assert answer.status_code == 302
    picture = opened(answer["Location"])
    assert (picture.size, picture.format) == (size, file_format)
    # Asked again, the same file: a rendition is made once.
    assert client.get(f"{rendition_url(image)}?{query}")["Location"] == answer["Location"]
    assert image.renditions.count() == 1


def test_the_rendition_redirect_is_cached_like_the_rest_of_the_api(client):
    image = ClinicImageFactory()
    answer = client.get(f"{rendition_url(image)}?width=400&format=webp")
    assert answer.status_code == 302
    assert "public" in answer["Cache-Control"]
    assert "max-age=60" in answer["Cache-Control"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("width=641&format=webp", "width"),  # not in the allow-list
        ("width=abc&format=webp", "width"),
        ("width=-400&format=webp", "width"),
        ("width=99999999999999999999&format=webp", "width"),  # past 64 bits
        ("width=400%00&format=webp", "width"),
        ("fill=4000x4000&format=webp", "fill"),
        ("fill=400x267%00&format=webp", "fill"),
        ("width=400&format=gif", "format"),
        ("width=400&format=", "format"),
        ("width=400", "format"),
        ("format=webp", "width"),  # no size
        ("width=400&fill=400x267&format=webp", "fill"),  # two sizes
        ("width=400&width=800&format=webp", "width"),
        ("width=400&format=webp&quality=100", "quality"),
        ("width=400&format=webp&height=300", "height"),
    ],
)
def test_a_size_or_format_outside_the_allow_list_is_refused(client, query, parameter):
    image = ClinicImageFactory()
    answer = client.get(f"{rendition_url(image)}?{query}")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/json"
    assert answer.json()["parameter"] == parameter
    assert not image.renditions.exists()


def test_the_message_for_a_missing_size_says_what_to_give(client):
    answer = client.get(f"{rendition_url(ClinicImageFactory())}?format=webp")
    assert "give a size: width or fill" in answer.json()["message"]


@pytest.mark.parametrize("pk", ["999999", "2147483648", "99999999999999999999"])
def test_an_unknown_image_is_a_json_404(client, pk):
    answer = client.get(f"/api/v2/images/{pk}/rendition/?width=400&format=webp")
    assert answer.status_code == 404
    assert answer.json()["message"]


def test_a_missing_image_file_is_a_404(client):
    image = ClinicImageFactory()
    default_storage.delete(image.file.name)
    answer = client.get(f"{rendition_url(image)}?width=400&format=webp")
    assert answer.status_code == 404
    assert "missing" in answer.json()["message"]


def test_a_corrupt_image_file_is_a_404(client):
    image = ClinicImageFactory()
    with default_storage.open(image.file.name, "wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0 not really a JPEG")
    answer = client.get(f"{rendition_url(image)}?fill=400x267&format=avif")
    assert answer.status_code == 404
    assert answer.json()["message"]


def listing_queries(client, django_assert_max_num_queries, limit, budget):
    url = f"/api/v2/images/?limit={limit}"
    assert client.get(url).status_code == 200  # warm: the named renditions are made once
    with django_assert_max_num_queries(budget) as queries:
        items = client.get(url).json()["items"]
    assert len(items) == limit
    assert all(len(item["renditions"]) == 6 for item in items)
    return len(queries)


def test_listing_3_or_30_images_costs_the_same_queries(client, django_assert_max_num_queries):
    for image in ClinicImageFactory.create_batch(30, file__width=120, file__height=80):
        image.tags.add("office")
    three = listing_queries(client, django_assert_max_num_queries, 3, budget=9)
    thirty = listing_queries(client, django_assert_max_num_queries, 30, budget=9)
    assert three == thirty
