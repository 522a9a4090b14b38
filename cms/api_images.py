"""Images for partner apps: `/api/v2/images/` with alt text, absolute URLs and renditions, and
`/api/v2/images/<id>/rendition/?width=640&format=avif`, which makes (once) and redirects to a
rendition in a size and format from the allow-list in settings (`API_IMAGE_WIDTHS`,
`API_IMAGE_FILLS`, `API_IMAGE_FORMATS`). See docs/api.md, "Images".

Only allowed filter specs reach Wagtail's renditions, so the number of files an image can have is
bounded; anything else is answered 400 naming the parameter. An image whose file is missing or
unreadable is a 404, as is one in a restricted collection.
"""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import get_restricted_collection_ids
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError
from willow.image import UnrecognisedImageFormatError

from cms.api_messages import TranslatedErrorsMixin
from cms.api_query import MAX_INTEGER, CheckedDetailMixin, InvalidParameter, bad_request
from home.api import RENDITION_SPECS, Rendition, absolute_url, image_rendition_url, rendition_data

logger = logging.getLogger(__name__)

RENDITION_PARAMETERS = ("width", "fill", "format")
# What a missing or damaged image file raises when Wagtail opens it to make a rendition.
UNREADABLE = (
    SourceImageIOError,
    OSError,  # PIL's UnidentifiedImageError, a truncated file
    ValueError,
    UnrecognisedImageFormatError,
    PILImage.DecompressionBombError,
    InvalidFilterSpecError,
)


def allowed(values):
    return ", ".join(str(value) for value in values)


def rendition_filter_spec(query):
    """The Wagtail filter spec that `?width=` or `?fill=`, and `?format=`, ask for; raises
    InvalidParameter for anything outside the allow-list."""
    for name in query:
        if name not in RENDITION_PARAMETERS:
            raise InvalidParameter(
                name,
                _("%(name)s is not a rendition parameter: give width or fill, and format")
                % {"name": name},
            )
    width, fill, fmt = (query.get(name) for name in RENDITION_PARAMETERS)
    if width is None and fill is None:
        raise InvalidParameter("width", _("give a size: width or fill"))
    if width is not None and fill is not None:
        raise InvalidParameter("fill", _("give either width or fill, not both"))
    if width is not None and width not in {str(value) for value in settings.API_IMAGE_WIDTHS}:
        raise InvalidParameter(
            "width",
            _("width must be one of %(values)s") % {"values": allowed(settings.API_IMAGE_WIDTHS)},
        )
    if fill is not None and fill not in settings.API_IMAGE_FILLS:
        raise InvalidParameter(
            "fill",
            _("fill must be one of %(values)s") % {"values": allowed(settings.API_IMAGE_FILLS)},
        )
    if fmt not in settings.API_IMAGE_FORMATS:
        raise InvalidParameter(
            "format",
            _("format must be one of %(values)s") % {"values": allowed(settings.API_IMAGE_FORMATS)},
        )
    size = f"width-{width}" if width is not None else f"fill-{fill}"
    return f"{size}|format-{fmt}"


def visible_images(request):
    """The images the API shows: not those in collections restricted to logged-in users."""
    return get_image_model().objects.exclude(collection__in=get_restricted_collection_ids(request))


def not_found(message):
    return JsonResponse({"message": message}, status=404)


def rendition(request, pk):
    """Redirect to the rendition of image `pk` that the query asks for (made on first request)."""
    try:
        spec = rendition_filter_spec(request.GET)
    except InvalidParameter as error:
        return bad_request(request, error)
    image = visible_images(request).filter(pk=pk).first() if pk <= MAX_INTEGER else None
    if image is None:
        return not_found(_("No image with this id."))
    try:
        made = image.get_rendition(spec)
    except UNREADABLE:
        logger.warning("Image %s cannot be read to make %s", pk, spec, exc_info=True)
        return not_found(_("This image's file is missing or cannot be read."))
    # Cached as the API's other answers are (cms.middleware.APICacheHeadersMiddleware).
    return HttpResponseRedirect(absolute_url(made.url))


class AbsoluteDownloadUrlField(Field):
    """The original file's URL, absolute on WAGTAILAPI_BASE_URL (Wagtail's is site-relative)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image) -> str:
        return absolute_url(image.file.url)


class RenditionUrlField(AbsoluteDownloadUrlField):
    def to_representation(self, image) -> str:
        return image_rendition_url(image)


class NamedRenditionsField(AbsoluteDownloadUrlField):
    def to_representation(self, image) -> dict[str, Rendition]:
        renditions = image.get_renditions(*RENDITION_SPECS.values())
        return {name: rendition_data(renditions[spec]) for name, spec in RENDITION_SPECS.items()}


class AltTextField(AbsoluteDownloadUrlField):
    def to_representation(self, image) -> str:
        return image.default_alt_text


class PrefetchedTagsField(TagsField):
    """Wagtail's `meta.tags`, read from the tags prefetched with the listing (Wagtail's asks the
    database once per image)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class ClinicImageSerializer(ImageSerializer):
    download_url = AbsoluteDownloadUrlField()
    tags = PrefetchedTagsField(read_only=True)


class ClinicImagesAPIViewSet(CheckedDetailMixin, TranslatedErrorsMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, each image with what an image field carries (docs/api.md)."""

    base_serializer_class = ClinicImageSerializer
    # `locale` chooses the language of the alt texts listed (and of every message).
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["locale"])
    body_fields = [
        *ImagesAPIViewSet.body_fields,
        APIField("alt", serializer=AltTextField()),
        "credit",
        APIField("rendition_url", serializer=RenditionUrlField()),
        APIField("renditions", serializer=NamedRenditionsField()),
    ]
    listing_default_fields = [
        *ImagesAPIViewSet.listing_default_fields,
        "alt",
        "width",
        "height",
        "rendition_url",
        "renditions",
    ]

    def get_queryset(self):
        # The named renditions and the tags of every image listed are read in one query each.
        return (
            super()
            .get_queryset()
            .prefetch_renditions(*RENDITION_SPECS.values())
            .prefetch_related("tags")
        )
