"""Renditions are made when an image is saved and when a page is published, so the first visitor
of a page does not wait for them."""

from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import ClinicImageFactory
from home.models import ClinicImage, ClinicRendition
from home.renditions import FILTER_SPECS
from treatments.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_publish(settings):
    settings.RENDITIONS_ON_PUBLISH = True


def test_an_uploaded_image_has_its_renditions_at_once():
    image = ClinicImageFactory(file__width=1600, file__height=1000)
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(FILTER_SPECS) <= made


def test_a_published_page_is_shown_without_making_a_rendition(client, demo, settings):
    settings.RENDITIONS_ON_PUBLISH = False
    image = ClinicImageFactory(file__width=1600, file__height=1000)
    assert not image.renditions.exists()
    settings.RENDITIONS_ON_PUBLISH = True
    body = [("image", {"image": image, "caption": "The waiting room"})]
    page = ConditionPageFactory(  # published
        parent=demo.conditions, image=image, listing_image=image, social_image=image, body=body
    )
    assert image.renditions.count() >= len(set(FILTER_SPECS))
    with CaptureQueriesContext(connection) as queries:
        for url in (page.url, demo.conditions.url):  # its hero, body image and card
            html = client.get(url).content.decode()
            assert html.count("srcset=") >= 1
    inserts = [
        q["sql"] for q in queries if q["sql"].startswith("INSERT") and "rendition" in q["sql"]
    ]
    assert inserts == []


def test_a_rendition_made_on_a_first_view_is_not_made_again(client, demo, settings):
    """A rendition made while a page renders is read with the page's images next time, from the
    database, even when the cache has forgotten it: its file is not made again."""
    settings.RENDITIONS_ON_PUBLISH = False
    image = ClinicImageFactory(file__width=1600, file__height=1000)
    body = [("image", {"image": image, "caption": "The waiting room"})]
    page = ConditionPageFactory(parent=demo.conditions, listing_image=image, body=body)
    assert client.get(page.url).status_code == 200  # kept with none; made while it renders
    made = image.renditions.count()
    assert made
    refuse = AssertionError("a rendition's file was made again")
    with (
        patch.object(ClinicImage, "generate_rendition_instance", side_effect=refuse),
        patch.object(ClinicImage, "generate_rendition_file", side_effect=refuse),
    ):
        for _ in range(2):
            html = client.get(page.url).content.decode()
            assert "The waiting room" in html and "srcset=" in html
        # Forgotten by the cache (evicted, or Redis restarted): read from the database.
        cache.delete_many(
            ClinicRendition.construct_cache_key(image, each.focal_point_key, each.filter_spec)
            for each in image.renditions.all()
        )
        assert client.get(page.url).status_code == 200
    assert image.renditions.count() == made
