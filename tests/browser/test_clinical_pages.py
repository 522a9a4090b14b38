"""Long clinical pages on a phone and a desktop, in Chromium: the "On this page" list jumps to a
section and the FAQs and sources open without JavaScript, the list sits beside the text on a
desktop, and the pages are a third shorter on a phone than before the list and disclosures."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import axe_violations, horizontal_overflow
from tests.browser.site import DESKTOP, PHONE

pytestmark = pytest.mark.browser

TREATMENT = {
    "en": "/treatments/ketamine-infusion-therapy/",
    "es": "/es/tratamientos/terapia-de-infusion-de-ketamina/",
}
CONDITION = {"en": "/conditions/chronic-migraine/", "es": "/es/afecciones/migrana-cronica/"}
ARTICLE = {
    "en": "/articles/ketamine-infusion-for-chronic-migraine/",
    "es": "/es/articulos/infusion-de-ketamina-para-la-migrana-cronica/",
}
ON_THIS_PAGE = {"en": "On this page", "es": "En esta página"}

# Measured at 390 × 844 on the demo before the list, the disclosures and the phone layout: the
# whole document, and the page's own <article> (without the site's header and footer).
BEFORE = {
    TREATMENT["en"]: {"document": 14317, "article": 12862},
    CONDITION["en"]: {"document": 8801, "article": 7346},
}


@pytest.fixture
def tab(chromium, site, request):
    """A tab with JavaScript off, at the width the test names (phone unless `desktop`)."""
    viewport = DESKTOP if "desktop" in request.node.name else PHONE
    context = chromium.new_context(
        viewport=viewport,
        base_url=site.base_url,
        java_script_enabled=False,
        reduced_motion="reduce",
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "paths", [TREATMENT, CONDITION, ARTICLE], ids=["treatment", "condition", "article"]
)
def test_on_this_page_jumps_to_a_section_on_a_phone_without_javascript(tab, paths, language):
    tab.goto(paths[language])
    toc = tab.locator("nav.toc--inline")
    assert toc.is_visible() and not tab.locator("nav.toc--aside").is_visible()
    links = toc.locator(".toc__link")
    assert not links.first.is_visible()  # closed: one line until the visitor opens it
    toc.get_by_text(ON_THIS_PAGE[language]).click()
    assert links.count() >= 4
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href")
    last.click()
    assert tab.url.endswith(target)
    heading = tab.locator(target)
    assert heading.inner_text() == last.inner_text()
    expect(heading).to_be_in_viewport()
    assert horizontal_overflow(tab) <= 0


@pytest.mark.parametrize("language", ["en", "es"])
def test_faqs_and_sources_open_without_javascript(tab, language):
    tab.goto(TREATMENT[language])
    question = tab.locator(".faq__question").first
    answer = tab.locator(".faq__answer").first
    assert not answer.is_visible()
    question.click()
    assert answer.is_visible()
    sources = tab.locator(".references-disclosure .references")
    assert not sources.is_visible()
    tab.locator(".references-disclosure summary").click()
    assert sources.is_visible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_this_page_sits_beside_the_text_on_a_desktop(tab, language):
    tab.goto(TREATMENT[language])
    aside = tab.locator("nav.toc--aside")
    assert aside.is_visible() and not tab.locator("nav.toc--inline").is_visible()
    assert aside.get_by_role("heading").inner_text().casefold() == ON_THIS_PAGE[language].casefold()
    main = tab.locator(".content-main").bounding_box()
    assert aside.bounding_box()["x"] > main["x"] + main["width"]
    # It stays in view while the visitor reads on.
    tab.mouse.wheel(0, 3000)
    expect(aside).to_be_in_viewport()


@pytest.mark.parametrize("path", list(BEFORE))
def test_a_clinical_page_is_a_third_shorter_on_a_phone(tab, path):
    tab.goto(path)
    article = tab.locator("article.clinical-page").bounding_box()["height"]
    assert article <= BEFORE[path]["article"] * 2 / 3, (
        f"{path}: the page's own content is {article} px"
    )
    # Nothing is left out: every FAQ, source and section is still there, behind a disclosure.
    assert tab.locator(".faq").count() >= 4
    assert tab.locator(".references .reference").count() >= 2
    assert tab.locator(".next-step .button").count() == 1


def test_the_treatment_page_document_is_a_third_shorter_on_a_phone(tab):
    tab.goto(TREATMENT["en"])
    height = tab.evaluate("document.documentElement.scrollHeight")
    assert height <= BEFORE[TREATMENT["en"]]["document"] * 2 / 3, f"{height} px"


@pytest.mark.parametrize("language", ["en", "es"])
def test_opened_lists_and_answers_stay_accessible(browser_page, width, language):
    """axe with the list, an answer and the sources open, at both widths (closed: test_pages)."""
    browser_page.goto(TREATMENT[language], wait_until="load")
    if browser_page.locator("nav.toc--inline").is_visible():
        browser_page.locator("nav.toc--inline summary").click()
    browser_page.locator(".faq__question").first.click()
    browser_page.locator(".references-disclosure summary").click()
    assert horizontal_overflow(browser_page) <= 0
    violations = axe_violations(browser_page)
    assert not violations, "\n".join(violations)
