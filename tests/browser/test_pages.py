"""Every page type, in both languages, at phone and desktop widths, in Chromium.

Each visit fails on an axe-core WCAG 2.2 A/AA violation, a console or page error, a request for
one of the site's own files that failed, or a page wider than the window.
"""

import pytest

from tests.browser.checks import check_page

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "homepage",
    "standardpage",
    "treatmentindexpage",
    "treatmentpage",
    "conditionindexpage",
    "conditionpage",
    "physicianindexpage",
    "physicianpage",
    "locationindexpage",
    "locationpage",
    "articleindexpage",
    "articlepage",
    "appointmentrequestpage",
]
LANGUAGES = ["en", "es"]
SEARCHES = {"en": "/search/?q=ketamine", "es": "/es/search/?q=ketamina"}
MISSING = {"en": "/no-such-page/", "es": "/es/no-existe/"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_of_each_type(browser_page, site, page_type, language):
    for path in site.paths(page_type, language):
        check_page(browser_page, path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results(browser_page, language):
    page = check_page(browser_page, SEARCHES[language])
    assert page.locator(".search-result").count() > 0
    # "Show only" reads as a row of buttons a thumb can hit, not as a bulleted list.
    filters = page.locator(".search-filters li > *")
    boxes = [filters.nth(index).bounding_box() for index in range(filters.count())]
    assert len(boxes) == 6
    assert boxes[1]["y"] == boxes[0]["y"] and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"]
    assert all(box["height"] >= 44 for box in boxes)
    bullet = page.locator(".search-filters li").first.evaluate(
        "li => getComputedStyle(li).listStyleType"
    )
    assert bullet == "none"


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page(browser_page, language):
    path = MISSING[language]
    browser_page.watch.allowed_statuses[path] = 404
    page = check_page(browser_page, path, status=404)
    assert page.locator("h1").count() == 1
