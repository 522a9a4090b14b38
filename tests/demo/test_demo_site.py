"""The demo site a clinic would see after `make run`: every page answers and shows its content."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils.formats import date_format
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from articles.models import ArticleCondition, ArticleTopic, ArticleTreatment
from home.models import (
    ClinicImage,
    FooterContent,
    HomeFeaturedPage,
)
from locations.models import HoursException, OpeningHours, PhysicianLocation
from notices.models import LanguageTagline, PatientNotices
from treatments.models import TreatmentCondition, TreatmentLocation

pytestmark = pytest.mark.django_db


def text_of(response):
    """The visible text of a page, with tags dropped and white space folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_demo_page_answers_200(client):
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.count() >= 2 * 17  # English and Spanish
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_home_page_features_the_conditions_and_treatment(client, demo):
    response = client.get("/")
    text = text_of(response)
    for page in (demo.migraine, demo.depression, demo.anxiety, demo.bipolar, demo.ketamine):
        assert page.get_listing_title() in text
        assert f'href="{page.url}"' in response.content.decode()


def test_migraine_page_shows_its_content_and_lists_ketamine_infusion(client, demo):
    response = client.get(demo.migraine.url)
    html, text = response.content.decode(), text_of(response)
    assert "Chronic migraine" in text
    assert "40 million" in text  # a key fact with its source
    assert "American Migraine Foundation" in text
    for symptom in demo.migraine.symptoms:
        assert symptom.value in text
    assert f'href="{demo.ketamine.url}"' in html
    assert "Ketamine infusion therapy" in text


def test_ketamine_page_lists_its_conditions_and_offices(client, demo):
    response = client.get(demo.ketamine.url)
    html = response.content.decode()
    for page in (
        demo.migraine,
        demo.depression,
        demo.anxiety,
        demo.bipolar,
        demo.stamford,
        demo.westport,
    ):
        assert f'href="{page.url}"' in html, page.title
    assert "off-label" in text_of(response).lower()


def test_stamford_page_lists_the_physician_and_its_hours(client, demo):
    response = client.get(demo.stamford.url)
    html, text = response.content.decode(), text_of(response)
    assert f'href="{demo.mcallister.url}"' in html
    assert "Peter McAllister" in text
    monday = demo.stamford.opening_hours.filter(weekday=0).first()
    opens = date_format(monday.opens, "TIME_FORMAT")
    assert re.search(rf"Monday(\s+Today)?\s+{re.escape(opens)}", text)
    assert demo.stamford.phone in text
    assert f'href="{demo.ketamine.url}"' in html


def test_physician_page_lists_both_offices(client, demo):
    response = client.get(demo.mcallister.url)
    html, text = response.content.decode(), text_of(response)
    assert "MD, FAAN" in text
    assert f'href="{demo.stamford.url}"' in html
    assert f'href="{demo.westport.url}"' in html


def test_clinical_pages_name_their_reviewer_and_references(client, demo):
    for page in (demo.migraine, demo.depression, demo.anxiety, demo.bipolar, demo.ketamine):
        response = client.get(page.url)
        html, text = response.content.decode(), text_of(response)
        assert page.reviewed_by_id == demo.mcallister.pk
        assert f'href="{demo.mcallister.url}"' in html
        assert "988" in text
        assert len(page.references) >= 1
        assert page.references[0].value["title"] in text


def test_footer_shows_both_offices_and_the_crisis_line(client, demo):
    text = text_of(client.get(demo.about.url))
    for office in (demo.stamford, demo.westport):
        assert office.phone in text
        assert office.street_address in text
    assert "988" in text


def test_intake_email_is_never_shown(client, demo):
    for page in (demo.stamford, demo.westport, demo.locations, demo.home):
        html = client.get(page.url).content.decode()
        assert demo.stamford.intake_email not in html
        assert demo.westport.intake_email not in html


def test_demo_images_have_alt_text_and_are_used(client, demo):
    images = ClinicImage.objects.all()
    assert images.count() >= 8
    assert all(image.alt_text for image in images)
    html = client.get(demo.home.url).content.decode()
    assert re.search(r'<img [^>]*alt="[^"]+"', html)


def alt_texts(client, url):
    html = client.get(url).content.decode()
    return set(re.findall(r'<img [^>]*alt="([^"]+)"', html))


def test_spanish_pages_describe_their_images_in_spanish(client, demo):
    """An image is shared by a page and its translation; each language reads its own alt text,
    on the pages and in the API."""
    images = ClinicImage.objects.all()
    assert all(image.alt_text_es for image in images)
    english = {image.alt_text for image in images}
    spanish = {image.alt_text_es for image in images}
    for page in (demo.home, demo.migraine, demo.stamford, demo.article):
        translation = page.get_translation(Locale.objects.get(language_code="es"))
        shown = alt_texts(client, translation.url)
        assert shown and shown <= spanish, (translation.url, shown - spanish)
        assert alt_texts(client, page.url) <= english
    hero = demo.home.hero_image
    spanish_migraine = demo.migraine.get_translation(Locale.objects.get(language_code="es"))
    data = client.get(f"/api/v2/pages/{spanish_migraine.pk}/?locale=es").json()
    assert data["listing_image"]["alt"] == demo.migraine.listing_image.alt_text_es
    assert client.get(f"/api/v2/images/{hero.pk}/").json()["alt"] == hero.alt_text
    assert client.get(f"/api/v2/images/{hero.pk}/?locale=es").json()["alt"] == hero.alt_text_es


def test_an_image_without_spanish_alt_text_reads_the_english_one(client, demo):
    image = demo.home.hero_image
    image.alt_text_es = ""
    image.save()
    spanish_home = demo.home.get_translation(Locale.objects.get(language_code="es"))
    assert image.alt_text in alt_texts(client, spanish_home.url)


def counts():
    return {
        "pages": Page.objects.count(),
        "images": ClinicImage.objects.count(),
        "treatment_conditions": TreatmentCondition.objects.count(),
        "treatment_locations": TreatmentLocation.objects.count(),
        "physician_locations": PhysicianLocation.objects.count(),
        "opening_hours": OpeningHours.objects.count(),
        "hours_exceptions": HoursException.objects.count(),
        "featured": HomeFeaturedPage.objects.count(),
        "footers": FooterContent.objects.count(),
        "patient_notices": PatientNotices.objects.count(),
        "taglines": LanguageTagline.objects.count(),
        "spanish_pages": Page.objects.filter(locale__language_code="es").count(),
        "translations": Translation.objects.count(),
        "translated_strings": StringTranslation.objects.count(),
        "topics": ArticleTopic.objects.filter(locale__language_code="en").count(),
        "article_links": ArticleCondition.objects.count() + ArticleTreatment.objects.count(),
    }


def test_loading_the_demo_content_again_changes_nothing():
    before = counts()
    # Both languages: the Spanish pages copy the English pages' links and hours.
    assert before["treatment_conditions"] == 2 * 4
    assert before["physician_locations"] == 2 * 2
    assert before["footers"] == 2
    english = Page.objects.filter(locale__language_code="en", depth__gt=1).count()
    assert before["patient_notices"] == 2
    assert before["taglines"] >= 15
    # Every page has its translation, and so do the footer, the patient notices and the article
    # topics.
    assert before["spanish_pages"] == english == before["translations"] - 2 - before["topics"]
    assert before["topics"] == 3
    call_command("load_demo_content", with_admin=True, stdout=io.StringIO())
    assert counts() == before
