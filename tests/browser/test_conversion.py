"""The way to an appointment, as a visitor on a phone or a laptop meets it: the clinic's number and
"Request an appointment" on the first screen of every page, the phone bar that stays on screen
without covering content or a field being typed in, and the typefaces served by the site itself.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.test_pages import LANGUAGES, PAGE_TYPES

pytestmark = pytest.mark.browser

# The first screen of a common phone and of a small laptop.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
REQUEST_LABEL = {"en": "Request an appointment", "es": "Pedir una cita"}


@pytest.fixture
def new_tab(chromium, site):
    contexts = []

    def open_tab(viewport, javascript=True):
        context = chromium.new_context(
            viewport=viewport, base_url=site.base_url, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def box_in_first_screen(page, locator):
    """Whether the element is shown and lies entirely inside the window before any scrolling."""
    assert locator.count() == 1, f"{locator} found {locator.count()} times"
    if not locator.is_visible():
        return False
    box = locator.bounding_box()
    view = page.viewport_size
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= view["width"]
        and box["y"] + box["height"] <= view["height"]
    )


def overlaps(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_appointment_button_and_phone_link_are_on_the_first_screen(
    new_tab, site, page_type, language, viewport
):
    page = new_tab(VIEWPORTS[viewport])
    path = site.paths(page_type, language)[0]
    page.goto(path, wait_until="load")
    header = page.locator(".site-header")
    request = header.locator("a[data-appointment-link]")
    phone = header.locator("a[data-phone-link]")
    assert box_in_first_screen(page, request), f"{path}: no appointment button on the first screen"
    assert box_in_first_screen(page, phone), f"{path}: no phone link on the first screen"
    assert request.inner_text().strip() == REQUEST_LABEL[language]
    # It leads to the request page in the visitor's language, and the number can be dialled.
    target = urlsplit(request.get_attribute("href")).path
    assert target in site.paths("appointmentrequestpage", language)
    assert phone.get_attribute("href").startswith("tel:+1")


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_first_phone_screen_has_promise_audience_and_appointment_button(
    new_tab, site, language
):
    page = new_tab(VIEWPORTS["phone"])
    page.goto(site.paths("homepage", language)[0], wait_until="load")
    hero = page.locator(".home-hero")
    for part in ("h1", ".home-hero__audience", ".home-hero__actions a.button >> nth=0"):
        assert box_in_first_screen(page, hero.locator(part)), f"{part} is below the first screen"
    button = hero.locator(".home-hero__actions a.button").first
    assert button.inner_text().strip() == REQUEST_LABEL[language]
    # Nothing fixed at the bottom (the phone bar) covers the hero's button.
    bar = page.locator("[data-action-bar]")
    assert bar.is_visible()
    assert not overlaps(button.bounding_box(), bar.bounding_box())


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_bar_stays_after_scrolling_and_never_covers_the_end_of_the_page(
    new_tab, site, language
):
    page = new_tab(VIEWPORTS["phone"])
    page.goto(site.paths("conditionpage", language)[0], wait_until="load")
    bar = page.locator("[data-action-bar]")
    call, request = (
        bar.locator("a[href^='tel:']"),
        bar.locator("a", has_text=REQUEST_LABEL[language]),
    )
    for scroll in ("window.scrollTo(0, document.body.scrollHeight / 2)", "window.scrollTo(0, 1e6)"):
        page.evaluate(scroll)
        page.wait_for_timeout(100)
        assert box_in_first_screen(page, call) and box_in_first_screen(page, request)
        for link in (call, request):
            assert link.bounding_box()["height"] >= 44  # a target a thumb hits
    # At the very end, the last line of the footer sits above the bar, not under it.
    last = page.locator(".site-footer .wrap > :last-child")
    assert last.bounding_box()["y"] + last.bounding_box()["height"] <= bar.bounding_box()["y"]
    # Wide screens have the header's buttons instead.
    page.set_viewport_size(VIEWPORTS["laptop"])
    assert not bar.is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_bar_never_hides_a_focused_field(new_tab, site, language, javascript):
    page = new_tab(VIEWPORTS["phone"], javascript=javascript)
    page.goto(site.paths("appointmentrequestpage", language)[0], wait_until="load")
    bar = page.locator("[data-action-bar]")
    assert bar.is_visible()
    fields = page.locator(
        ".appointment-form :is(input[type=text], input[type=tel], input[type=email], select)"
    )
    assert fields.count() >= 4
    for index in range(fields.count()):
        field = fields.nth(index)
        if not field.is_visible():
            continue
        field.focus()
        # Scrolled so that the field's bottom edge is where the bar's top edge was.
        page.evaluate(
            "element => window.scrollBy(0, element.getBoundingClientRect().bottom"
            " - window.innerHeight + 60)",
            field.element_handle(),
        )
        page.wait_for_timeout(50)
        if bar.is_visible():
            assert not overlaps(field.bounding_box(), bar.bounding_box()), (
                f"the phone bar covers the field {field.get_attribute('name')}"
            )
    # Once the visitor leaves the field, the bar comes back.
    page.locator("h1").click()
    assert bar.is_visible()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_web_fonts_come_from_the_site_itself(new_tab, site, viewport):
    page = new_tab(VIEWPORTS[viewport])
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site.paths("homepage", "es")[0], wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    origin = urlsplit(site.base_url).netloc
    assert {urlsplit(url).netloc for url in requests if url.startswith("http")} == {origin}
    fonts = [url for url in requests if urlsplit(url).path.endswith(".woff2")]
    assert any("source-sans-3" in url for url in fonts), fonts
    assert any("source-serif-4" in url for url in fonts), fonts
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"
    )
    assert {"Source Sans 3", "Source Serif 4"} <= set(loaded)
    body = page.evaluate("getComputedStyle(document.body).fontFamily")
    heading = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert body.startswith('"Source Sans 3"') and heading.startswith('"Source Serif 4"')


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_site_says_so_once_not_in_the_offices_copy(new_tab, site, language):
    page = new_tab(VIEWPORTS["phone"])
    for path in site.paths("locationpage", language):
        page.goto(path, wait_until="load")
        assert page.locator(".demo-banner").count() == 1
        text = page.locator("main").inner_text()
        assert "Placeholder" not in text and "Texto de ejemplo" not in text
