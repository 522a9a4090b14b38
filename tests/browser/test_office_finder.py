"""The office finder on a phone: a ZIP code typed with one thumb, or the browser's location when the
visitor allows it; and nothing breaks when they do not."""

import pytest

from tests.browser.checks import axe_violations, horizontal_overflow
from tests.browser.site import PHONE

pytestmark = pytest.mark.browser

OFFICES = {"en": "/locations/", "es": "/es/consultorios/"}


def nearest_names(page):
    return page.locator(".finder-result__title a").all_inner_texts()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_zip_code_lists_the_nearest_office_first(chromium, site, language):
    context = chromium.new_context(viewport=PHONE, base_url=site.base_url)
    page = context.new_page()
    page.goto(OFFICES[language])
    field = page.locator("#finder-near")
    field.fill("06901")
    field.press("Enter")
    page.wait_for_url("**near=06901**")
    assert nearest_names(page)[0] == "Stamford"
    assert page.locator(".finder-result .tag").first.is_visible()
    assert not horizontal_overflow(page)
    assert not axe_violations(page)
    # A ZIP code we do not know is said next to the field, which keeps what was typed.
    field = page.locator("#finder-near")
    field.fill("99999")
    field.press("Enter")
    page.wait_for_url("**near=99999**")
    assert page.locator("#finder-error").is_visible()
    assert page.locator("#finder-near").get_attribute("aria-invalid") == "true"
    assert page.locator("#finder-near").input_value() == "99999"
    context.close()


def test_use_my_location_sends_a_rounded_position(chromium, site):
    context = chromium.new_context(
        viewport=PHONE,
        base_url=site.base_url,
        geolocation={"latitude": 41.141592, "longitude": -73.358979},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(OFFICES["en"])
    button = page.get_by_role("button", name="Use my location")
    assert button.is_visible()
    button.click()
    page.wait_for_url("**lat=41.14&lng=-73.36**")
    assert nearest_names(page)[0] == "Westport"
    context.close()


def test_when_the_location_is_refused_the_zip_code_form_still_works(chromium, site):
    context = chromium.new_context(viewport=PHONE, base_url=site.base_url)  # no permission
    page = context.new_page()
    page.goto(OFFICES["en"])
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_function(
        "document.querySelector('[data-office-finder-status]').textContent.includes('did not share')"
    )
    assert page.get_by_role("button", name="Use my location").is_enabled()
    assert "lat=" not in page.url
    context.close()


def test_without_javascript_the_form_works_and_no_location_button_shows(chromium, site):
    context = chromium.new_context(
        viewport=PHONE, base_url=site.base_url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(OFFICES["en"])
    assert not page.get_by_role("button", name="Use my location").is_visible()
    page.locator("#finder-near").fill("Norwalk, CT")
    page.get_by_role("button", name="Find offices").click()
    page.wait_for_url("**near=Norwalk**")
    assert nearest_names(page)[0] == "Westport"
    context.close()
