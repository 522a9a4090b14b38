"""A treatment and a condition can be linked from either page, and the other page lists the link in
both languages, without a new revision (or review) of the other page."""

import pytest
from django.test import Client
from wagtail.models import Locale

from locations.models import LocationPage
from treatments.factories import ConditionPageFactory
from treatments.models import ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_condition_chooses_its_treatment_and_the_treatment_page_lists_it(demo):
    ketamine = TreatmentPage.objects.get(pk=demo.ketamine.pk)
    spanish = Locale.objects.get(language_code="es")
    ketamine_es = ketamine.get_translation(spanish)
    before = (ketamine.live_revision_id, ketamine.latest_revision_id, ketamine.last_reviewed)

    crps = ConditionPageFactory(
        parent=demo.conditions,
        title="Complex regional pain syndrome",
        slug="complex-regional-pain-syndrome",
        treatments=[ketamine],
    )

    client = Client()
    assert "Complex regional pain syndrome" in text_of(client, ketamine.url)
    # The Spanish treatment page lists it too (in English, until it is translated).
    assert "Complex regional pain syndrome" in text_of(client, ketamine_es.url)
    assert "Ketamine infusion therapy" in text_of(client, crps.url)

    api = client.get(f"/api/v2/pages/{ketamine.pk}/").json()
    assert "Complex regional pain syndrome" in [item["title"] for item in api["conditions"]]
    condition_api = client.get(f"/api/v2/pages/{crps.pk}/").json()
    assert [item["id"] for item in condition_api["treatments"]] == [ketamine.pk]

    # The treatment itself did not change: no revision, no new review date.
    ketamine.refresh_from_db()
    assert (
        ketamine.live_revision_id,
        ketamine.latest_revision_id,
        ketamine.last_reviewed,
    ) == before


def test_a_link_made_on_both_pages_is_listed_once(demo):
    migraine = ConditionPage.objects.get(pk=demo.migraine.pk)
    ketamine = TreatmentPage.objects.get(pk=demo.ketamine.pk)
    assert migraine in [link.condition for link in ketamine.condition_links.all()]
    migraine.treatment_choices.create(treatment=ketamine, sort_order=0)
    migraine.save_revision().publish()

    assert [page.pk for page in ConditionPage.objects.get(pk=migraine.pk).get_treatments()] == [
        ketamine.pk
    ]
    conditions = TreatmentPage.objects.get(pk=ketamine.pk).get_conditions()
    assert [page.pk for page in conditions].count(migraine.pk) == 1


def test_a_physician_chooses_their_offices_and_each_office_page_lists_them(demo):
    physician = demo.mcallister
    offices = {link.location_id for link in physician.location_links.all()}
    assert offices, "the demo physician works at an office"
    client = Client()
    spanish = Locale.objects.get(language_code="es")
    for office in LocationPage.objects.filter(pk__in=offices):
        assert physician.title in text_of(client, office.url)
        assert physician.title in text_of(client, office.get_translation(spanish).url)
