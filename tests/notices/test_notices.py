"""The notices a clinic owes its patients: the Good Faith Estimate (45 CFR 149.610) on the costs
page, the appointment page and every footer; the nondiscrimination and language assistance
notices (45 CFR 92.10, 92.11) linked from every footer and the appointment page; the taglines in
their own languages and scripts; all in English and Spanish."""

import re
import time

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from appointments.forms import form_timestamp
from appointments.models import AppointmentRequest
from home.caching import database_version
from notices.blocks import PriceBlock
from notices.models import LanguageTagline, PatientNotices, validate_language_code

pytestmark = pytest.mark.django_db

GFE = {"en": "Your right to a Good Faith Estimate", "es": "Su derecho a una Estimación de Buena Fe"}
GFE_DETAIL = {"en": "at least $400 more than your Good Faith Estimate", "es": "400 dólares o más"}
NONDISCRIMINATION = {"en": "/nondiscrimination/", "es": "/es/no-discriminacion/"}
LANGUAGE_PAGE = {"en": "/language-assistance/", "es": "/es/asistencia-linguistica/"}
COSTS = {"en": "/costs-and-payment/", "es": "/es/costos-y-pago/"}
APPOINTMENT = {"en": "/request-an-appointment/", "es": "/es/pedir-una-cita/"}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def page_in(slug, language):
    return Page.objects.get(slug=slug, locale__language_code=language).specific


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_pages_footer_has_the_estimate_and_links_to_both_civil_rights_notices(
    client, demo, language
):
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=language).specific()
    assert len(pages) > 20
    for page in pages:
        html = footer(client.get(page.url).content.decode())
        assert GFE[language] in html, page.url
        assert f'href="{COSTS[language]}#good-faith-estimate-notice"' in html, page.url
        assert f'href="{NONDISCRIMINATION[language]}"' in html, page.url
        assert f'href="{LANGUAGE_PAGE[language]}"' in html, page.url


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_costs_page_shows_the_full_notice_and_placeholder_prices(client, demo, language):
    response = client.get(COSTS[language])
    html = response.content.decode()
    assert response.status_code == 200
    main = html[html.index("<main") : html.index("</main>")]
    assert GFE[language] in main and GFE_DETAIL[language] in main
    assert "www.cms.gov/nosurprises" in main
    assert main.count('<th scope="row">') == 3
    placeholder = "PLACEHOLDER PRICE" if language == "en" else "PRECIO DE EJEMPLO"
    assert main.count(placeholder) == 3
    assert ("$400 to $600" if language == "en" else "De $400 a $600") in main


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_appointment_page_shows_the_notice_the_links_and_the_estimate_box(
    client, demo, language
):
    html = client.get(APPOINTMENT[language]).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert GFE[language] in main and GFE_DETAIL[language] in main
    assert f'href="{NONDISCRIMINATION[language]}"' in main
    assert f'href="{LANGUAGE_PAGE[language]}"' in main
    assert 'name="wants_good_faith_estimate"' in main
    label = "Good Faith Estimate of the expected charges" if language == "en" else "Estimación de"
    assert label in main


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_nondiscrimination_notice_names_the_grounds_and_how_to_complain(client, demo, language):
    html = client.get(NONDISCRIMINATION[language]).content.decode()
    assert "ocrportal.hhs.gov" in html and "1-800-368-1019" in html
    assert ("disability" if language == "en" else "discapacidad") in html
    assert f'href="{LANGUAGE_PAGE[language]}"' in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_taglines_page_shows_each_tagline_in_its_own_language_and_direction(
    client, demo, language
):
    html = client.get(LANGUAGE_PAGE[language]).content.decode()
    items = re.findall(r'<li class="tagline" lang="([^"]+)" dir="(ltr|rtl)">', html)
    codes = dict(items)
    assert len(codes) >= 15
    for code in ("ar", "fa", "ur"):
        assert codes[code] == "rtl"
    for code in ("es", "pt", "pl", "zh-Hant", "ht", "it", "fr", "ru", "vi", "ko", "gu", "hi", "tl"):
        assert codes[code] == "ltr"
    assert "注意：如果您使用繁體中文，您可以免費獲得語言援助服務。" in html
    assert "ملحوظة: إذا كنت تتحدث العربية" in html
    # The phone number keeps its own direction inside a right-to-left line.
    assert '<bdi dir="ltr"><a href="tel:' in html
    assert f'<html lang="{language}">' in html


def test_every_tagline_names_its_source_and_a_valid_language_tag(demo):
    taglines = list(LanguageTagline.objects.all())
    assert len(taglines) >= 15
    for tagline in taglines:
        validate_language_code(tagline.language_code)
        assert "HHS OCR" in tagline.source


@pytest.mark.parametrize("code", ['ar" onmouseover="x', "", "english", "a", "ar\x00"])
def test_a_bad_language_tag_is_refused(code):
    with pytest.raises(ValidationError):
        validate_language_code(code)


def test_a_request_records_that_the_visitor_asked_for_an_estimate(client, demo):
    page = page_in("request-an-appointment", "en")
    data = {
        "name": "Ana Pereira",
        "phone": "(203) 555-0177",
        "preferred_contact_method": "phone",
        "preferred_time": "any",
        "office": demo.stamford.pk,
        "consent": "on",
        "website": "",
        "started": form_timestamp(time.time() - 30),
    }
    assert client.post(page.url, data).status_code == 302
    assert client.post(page.url, {**data, "wants_good_faith_estimate": "on"}).status_code == 302
    assert list(
        AppointmentRequest.objects.order_by("pk").values_list(
            "wants_good_faith_estimate", flat=True
        )
    ) == [False, True]


def test_intake_sees_the_request_for_an_estimate(demo, editor_client):
    appointment = AppointmentRequest.objects.create(
        name="Ana Pereira",
        phone="(203) 555-0177",
        preferred_contact_method="phone",
        wants_good_faith_estimate=True,
        consent_text="I agree",
        consent_language="en",
    )
    html = editor_client.get(f"/admin/appointment-requests/edit/{appointment.pk}/").content.decode()
    assert "Asked for one: self-pay" in html
    listing = editor_client.get("/admin/appointment-requests/?wants_good_faith_estimate=true")
    assert listing.status_code == 200


def test_saving_the_notices_or_a_tagline_changes_what_visitors_get(demo):
    before = database_version()
    notices = PatientNotices.objects.get(locale__language_code="en")
    notices.gfe_summary = "Ask us for an estimate."
    notices.save()
    assert database_version() == before + 1
    tagline = LanguageTagline.objects.first()
    tagline.sort_order = 99
    tagline.save()
    assert database_version() == before + 2


def test_a_changed_notice_shows_at_once_in_the_cached_footer(client, demo):
    assert "Ask us for an estimate." not in client.get("/about/").content.decode()
    notices = PatientNotices.objects.get(locale__language_code="en")
    notices.gfe_summary = "Ask us for an estimate."
    notices.save()
    assert "Ask us for an estimate." in client.get("/about/").content.decode()


def test_one_set_of_notices_per_language(demo):
    existing = PatientNotices.objects.get(locale__language_code="en")
    duplicate = PatientNotices(
        locale=existing.locale, gfe_heading="x", gfe_text="x", gfe_summary="x"
    )
    with pytest.raises(ValidationError):
        duplicate.clean()


@pytest.mark.parametrize(
    "value",
    [
        {"item": "Infusion", "price_from": 600, "price_to": 400},
        {"item": "Infusion", "price_from": 10**30},
        {"item": "Infusion", "price_from": -5},
        {"item": "", "price_from": 400},
    ],
)
def test_a_bad_price_is_a_form_error(value):
    block = PriceBlock()
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python({"unit": "", "note": "", "price_to": None, **value}))


def test_a_price_range_is_accepted():
    block = PriceBlock()
    value = block.clean(block.to_python({"item": "Infusion", "price_from": 400, "price_to": 600}))
    assert value["price_to"] == 600


@pytest.mark.parametrize("url", [COSTS["en"], LANGUAGE_PAGE["es"], NONDISCRIMINATION["en"]])
def test_the_notice_pages_render_within_a_bounded_query_count(
    client, demo, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(24):
        assert client.get(url).status_code == 200


def test_the_notice_pages_can_be_created_only_under_the_home_page_once(demo):
    from notices.models import CostsPage, LanguageAssistancePage

    for model in (CostsPage, LanguageAssistancePage):
        assert model.parent_page_types == ["home.HomePage"]
        assert not model.can_create_at(demo.home)  # one exists already
        assert not model.can_create_at(demo.about)
