"""Image renditions are made when an image is saved or a page is published, so that no visitor
waits for one on a first request (templates and the API would otherwise make them on demand).

The sizes are those the templates (`{% picture %}`, `{% image %}`) and the API ask for.
"""

import logging

from django.conf import settings
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published

from home.api import IMAGE_FORMATS, IMAGE_SIZES

logger = logging.getLogger(__name__)

TEMPLATE_SIZES = [
    "width-400",
    "width-800",
    "width-1200",  # hero and body images
    "fill-400x267",
    "fill-800x534",  # cards
    "fill-160x160",
    "fill-320x320",  # physicians' photos
]
# What a page's templates show.
PAGE_FILTER_SPECS = [
    # Spelled as `{% picture image format-{webp,jpeg} width-{…} %}` asks for them: a rendition
    # is found by its spec as written, and "width-400|format-webp" would be another one.
    *(f"format-{fmt}|{size}" for size in TEMPLATE_SIZES for fmt in ("webp", "jpeg")),
    "fill-1200x630",  # social media
]
FILTER_SPECS = [
    *PAGE_FILTER_SPECS,
    *(f"width-{width}|format-{fmt}" for width in IMAGE_SIZES.values() for fmt in IMAGE_FORMATS),
]


def make_renditions(image):
    """Every rendition the site shows of `image`; those that exist are only looked up."""
    if not settings.RENDITIONS_ON_PUBLISH:
        return
    try:
        image.get_renditions(*dict.fromkeys(FILTER_SPECS))
    except Exception:  # an unreadable file must not stop a publish; the page shows it as missing
        logger.exception("Could not make the renditions of image %s", image.pk)


def page_images(page):
    """The images a page links to through its own image fields (listing, social, hero, photo…)."""
    image_model = get_image_model()
    for field in page._meta.concrete_fields:
        if field.is_relation and field.related_model is image_model:
            image = getattr(page, field.name)
            if image is not None:
                yield image


def _on_publish(sender, instance, **kwargs):
    for image in page_images(instance.specific):
        make_renditions(image)


def _on_image_saved(sender, instance, **kwargs):
    make_renditions(instance)


def connect():
    page_published.connect(_on_publish, dispatch_uid="clinic-renditions-on-publish")
    post_save.connect(
        _on_image_saved, sender=get_image_model(), dispatch_uid="clinic-renditions-on-save"
    )
