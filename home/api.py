"""How the site's content looks to partner apps through Wagtail's API (v2 and v3).

Serializer fields for `api_fields`: related pages as small nested objects and images as
renditions in named sizes. They read no request (API v3 calls them without one), so URLs are made
absolute from `WAGTAILAPI_BASE_URL`, and they carry return types from which API v3 builds its
OpenAPI schema.
"""

from django.conf import settings
from django.urls import reverse
from rest_framework.fields import Field
from typing_extensions import TypedDict  # pydantic (API v3) needs this one on Python 3.11

from home.localization import locale_code

# Named rendition sizes partners can rely on: width in pixels, each in WebP and JPEG. Other sizes
# and formats, from the allow-list in settings (API_IMAGE_*), are made on request at
# `rendition_url` (cms/api_images.py).
IMAGE_SIZES = {"small": 400, "medium": 800, "large": 1600}
IMAGE_FORMATS = ("webp", "jpeg")
RENDITION_SPECS = {
    f"{size}_{fmt}": f"width-{width}|format-{fmt}"
    for size, width in IMAGE_SIZES.items()
    for fmt in IMAGE_FORMATS
}


class RelatedPage(TypedDict):
    id: int
    type: str
    title: str
    slug: str
    url: str
    locale: str


class Rendition(TypedDict):
    url: str
    width: int
    height: int
    format: str


class ImageRenditions(TypedDict):
    id: int
    title: str
    alt: str
    credit: str
    width: int
    height: int
    download_url: str
    rendition_url: str
    renditions: dict[str, Rendition]


def absolute_url(url):
    """An absolute URL for a site-relative one, on the public base URL of the API."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + url


def related_page(page, request=None) -> RelatedPage:
    page = page.specific_deferred  # its own type, and no query: only the fields every page has
    return {
        "id": page.pk,
        "type": page._meta.label,
        "title": page.title,
        "slug": page.slug,
        "url": absolute_url(page.get_url(request)),
        "locale": locale_code(page.locale_id),
    }


def image_renditions(image) -> ImageRenditions | None:
    """An image with its alt text, its original (`download_url`), its renditions named
    `<size>_<format>` (e.g. `medium_webp`) and the address of any other allowed size."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITION_SPECS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "download_url": absolute_url(image.file.url),
        "rendition_url": image_rendition_url(image),
        "renditions": {
            name: rendition_data(renditions[spec]) for name, spec in RENDITION_SPECS.items()
        },
    }


def image_rendition_url(image):
    """Where a partner asks for another size or format of `image` (`?width=640&format=avif`)."""
    return absolute_url(reverse("api_v2_image_rendition", args=[image.pk]))


def rendition_data(rendition) -> Rendition:
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "format": rendition.filter_spec.rsplit("-", 1)[-1],
    }


class Topic(TypedDict):
    id: int
    name: str
    slug: str
    locale: str


class Address(TypedDict):
    street_address: str
    address_line_2: str
    city: str
    state: str
    postal_code: str
    country: str


class Coordinates(TypedDict):
    latitude: float
    longitude: float


class OpeningPeriod(TypedDict):
    weekday: int  # 0 = Monday … 6 = Sunday
    weekday_name: str
    opens: str  # HH:MM, local time of the office
    closes: str
    time_zone: str  # the office's, e.g. America/New_York


class HoursException(TypedDict):
    date: str  # YYYY-MM-DD
    reason: str
    closed: bool
    opens: str | None
    closes: str | None
    time_zone: str


class AddressField(Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> Address:
        return value


class CoordinatesField(AddressField):
    def to_representation(self, value) -> Coordinates | None:
        return value


class OpeningHoursField(AddressField):
    def to_representation(self, value) -> list[OpeningPeriod]:
        return value


class HoursExceptionsField(AddressField):
    def to_representation(self, value) -> list[HoursException]:
        return value


class RelatedPagesField(Field):
    """A list of pages (from a model method or property) as small nested objects."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[RelatedPage]:
        request = self.context.get("request")
        return [related_page(page, request) for page in value]


class RelatedPageField(Field):
    """One page (e.g. the medical reviewer) as a small nested object."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> RelatedPage | None:
        return related_page(value, self.context.get("request")) if value is not None else None


class ImageRenditionsField(Field):
    """An image as its alt text and renditions in the named sizes."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> ImageRenditions | None:
        return image_renditions(value)


class DistanceMilesField(Field):
    """How far a page (an office) is from the place a listing was asked about, in miles to a
    tenth, as annotated by the listing; None when nothing was asked."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, "distance_miles", None)

    def to_representation(self, value) -> float | None:
        return value


class TopicsField(Field):
    """Article topics as small objects, in the language of the page that lists them."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[Topic]:
        return [
            {
                "id": topic.pk,
                "name": topic.name,
                "slug": topic.slug,
                "locale": locale_code(topic.locale_id),
            }
            for topic in value
        ]


class DateValueField(Field):
    """A date computed by the page (e.g. an article's first-published date), as YYYY-MM-DD."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> str | None:
        return value.isoformat() if value is not None else None
