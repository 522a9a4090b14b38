"""Renditions are made when an image is saved and when a page is published, so the first visitor
of a page does not wait for them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import ClinicImageFactory
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
    page = ConditionPageFactory(parent=demo.conditions, listing_image=image)  # published
    assert image.renditions.count() >= len(set(FILTER_SPECS))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    inserts = [
        q["sql"] for q in queries if q["sql"].startswith("INSERT") and "rendition" in q["sql"]
    ]
    assert inserts == []
