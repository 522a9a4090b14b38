"""What every page offers a visitor who wants an appointment, the home page's first screen, and the
demo banner, as the server renders them (the browser tests check where they land on screen)."""

import re

import pytest
from wagtail.models import Site

from appointments.models import AppointmentRequestPage
from home.blocks import HomeBodyBlock
from home.models import ClinicSettings

pytestmark = pytest.mark.django_db


def header(html):
    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


def appointment_page(language):
    return AppointmentRequestPage.objects.live().get(locale__language_code=language)


def test_every_page_has_the_phone_number_and_the_appointment_button_in_its_language(client, demo):
    english, spanish_page = appointment_page("en"), appointment_page("es")
    for page in (
        demo.home,
        demo.migraine,
        demo.ketamine,
        demo.stamford,
        demo.mcallister,
        demo.about,
    ):
        for language, version, target in (
            ("en", page, english),
            ("es", page.get_translations().get(locale__language_code="es"), spanish_page),
        ):
            html = header(client.get(version.url).content.decode())
            assert 'href="tel:+12035550142"' in html, version.url
            assert f'href="{target.url}?from={version.pk}"' in html, version.url
            label = "Request an appointment" if language == "en" else "Pedir una cita"
            assert label in html, version.url


def test_the_phone_bar_offers_call_and_request_and_search_pages_have_it_too(client):
    for path, call, request in (
        ("/search/?q=migraine", "Call", "Request an appointment"),
        ("/es/search/?q=migraña", "Llamar", "Pedir una cita"),
    ):
        html = client.get(path).content.decode()
        bar = re.search(r"<nav class=\"action-bar\".*?</nav>", html, re.S).group(0)
        assert 'href="tel:+12035550142"' in bar and call in bar and request in bar


def test_no_phone_number_in_the_settings_means_no_call_link(client, demo):
    settings = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    settings.main_phone = ""
    settings.save()
    html = client.get(demo.about.url).content.decode()
    assert "tel:+12035550142" not in header(html)
    assert "Request an appointment" in header(html)


def test_home_page_opens_with_promise_audience_and_appointment_button(client, demo):
    for home, label in (
        (demo.home, "Request an appointment"),
        (demo.home.get_translations().get(locale__language_code="es"), "Pedir una cita"),
    ):
        html = client.get(home.url).content.decode()
        hero = re.search(r'<section class="home-hero">.*?</section>', html, re.S).group(0)
        assert f"<h1>{home.hero_heading}</h1>" in hero
        assert home.hero_audience and home.hero_audience in hero
        language = home.locale.language_code
        button = re.search(r'<a class="button button--large" href="([^"]+)">([^<]+)</a>', hero)
        assert button.group(1).startswith(appointment_page(language).url)
        assert button.group(2) == label


def test_trust_strip_and_how_it_works_are_blocks_editors_fill_in_both_languages(client, demo):
    for home in demo.home.get_translations(inclusive=True):
        kinds = [block.block_type for block in home.specific.body]
        assert kinds[:2] == ["trust_strip", "how_it_works"], home.url
        html = client.get(home.url).content.decode()
        strip = re.search(r'<section class="trust-strip".*?</section>', html, re.S).group(0)
        assert strip.count('class="trust-strip__item"') == 4
        steps = re.search(r'<section class="how-it-works">.*?</section>', html, re.S).group(0)
        assert steps.count('class="step"') == 4
    assert {"trust_strip", "how_it_works"} <= set(HomeBodyBlock().child_blocks)


def test_demo_banner_follows_the_setting_and_is_off_for_a_new_site(client, demo):
    assert ClinicSettings().demo_notice is False
    html = client.get(demo.stamford.url).content.decode()
    assert html.count('class="demo-banner"') == 1
    settings = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    settings.demo_notice = False
    settings.save()
    assert 'class="demo-banner"' not in client.get(demo.stamford.url).content.decode()


def test_office_copy_carries_no_placeholder_labels(client, demo):
    for office in (demo.stamford, demo.westport):
        for version in office.get_translations(inclusive=True):
            html = client.get(version.url).content.decode()
            assert "Placeholder" not in html and "Texto de ejemplo" not in html, version.url
