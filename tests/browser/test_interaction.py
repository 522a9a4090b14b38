"""Using the site with the keyboard, zoomed in, with reduced motion, in dark mode and on paper."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from tests.browser.checks import axe_violations, check_page, horizontal_overflow
from tests.browser.site import DESKTOP, PHONE

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  // A card's link shows its focus as an outline around the whole card.
  const ring = el.classList.contains("card__link") ? el.closest(".card") : el;
  const style = getComputedStyle(ring);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), classes: el.className || "", id: el.id,
    text: (el.innerText || "").trim(), inMain: !!el.closest("main"), inHeader: !!el.closest("header"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab(page):
    page.keyboard.press("Tab")
    return focused(page)


def assert_clean(page):
    assert not page.watch.problems, "\n".join(page.watch.problems)


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(browser_page):
    page = check_page(browser_page, "/")
    first = tab(page)
    assert "skip-link" in first["classes"]
    assert first["visible"] and first["outline"], "the focused skip link must be seen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    after = tab(page)
    assert after["inMain"], "the next Tab after skipping lands in the main content"
    assert_clean(page)


@pytest.mark.parametrize("language", ["en", "es"])
def test_phone_menu_opens_and_closes_with_the_keyboard(chromium, site, language):
    context = chromium.new_context(viewport=PHONE, base_url=site.base_url)
    page = context.new_page()
    page.goto("/" if language == "en" else "/es/")
    order = [tab(page)]
    while order[-1]["tag"] != "summary" and len(order) < 6:
        order.append(tab(page))
    assert "skip-link" in order[0]["classes"]
    assert order[-1]["tag"] == "summary", f"the menu button comes right after the logo: {order}"
    assert all(item["inHeader"] for item in order[1:]), order
    toggle = order[-1]
    assert toggle["outline"] and toggle["visible"]
    menu = page.locator(".main-nav__list--stacked")
    assert not menu.is_visible()

    page.keyboard.press("Enter")
    assert menu.is_visible()
    link = tab(page)
    assert link["tag"] == "a" and "main-nav__link" in link["classes"] and link["outline"]
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert focused(page)["tag"] == "summary", "Escape returns focus to the menu button"

    page.keyboard.press("Enter")
    assert menu.is_visible(), "Enter opens the menu again"
    links = menu.locator("a").count()
    for _ in range(links):
        assert tab(page)["tag"] == "a"
    after = tab(page)
    assert page.evaluate("!document.activeElement.closest('.main-nav')"), "Tab leaves the menu"
    assert after["outline"]
    page.keyboard.press("Shift+Tab")
    for _ in range(links):
        page.keyboard.press("Shift+Tab")
    assert focused(page)["tag"] == "summary"
    page.keyboard.press("Enter")
    assert not menu.is_visible(), "Enter on the button closes the menu"
    context.close()


@pytest.mark.parametrize("path", ["/", "/es/request-an-appointment/", "/locations/stamford/"])
def test_every_tab_stop_shows_where_the_focus_is(browser_page, site, path):
    if path.startswith("/es/"):
        path = site.paths("appointmentrequestpage", "es")[0]
    page = check_page(browser_page, path)
    # Instant scrolling, so each focused element is already on screen when it is measured.
    page.emulate_media(reduced_motion="reduce")
    seen = set()
    for _ in range(80):
        item = tab(page)
        if item["tag"] == "body":
            break
        key = (item["tag"], item["id"], item["text"], item["classes"])
        if key in seen:
            break
        seen.add(key)
        assert item["outline"], f"no visible focus on {item}"
        assert item["visible"], f"focused but off screen: {item}"
    assert len(seen) > 5


def test_desktop_menu_links_follow_the_skip_link(chromium, site):
    context = chromium.new_context(viewport=DESKTOP, base_url=site.base_url)
    page = context.new_page()
    page.goto("/")
    order = [tab(page) for _ in range(4)]
    assert "skip-link" in order[0]["classes"]
    assert any("main-nav__link" in item["classes"] for item in order[1:]), order
    assert all(item["outline"] for item in order if item["tag"] == "a")
    context.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_appointment_form_empty_with_errors_and_sent(browser_page, site, language):
    path = site.paths("appointmentrequestpage", language)[0]
    page = check_page(browser_page, path)
    opened = datetime.datetime.now()

    # The form posts: wait for the page that answers, not the one still on screen.
    with page.expect_navigation():
        page.locator("form.appointment-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary", "focus moves to errors"
    assert not axe_violations(page)
    assert horizontal_overflow(page) <= 0
    first_error = summary.locator("a").first
    target = first_error.get_attribute("href").lstrip("#")
    first_error.click()
    assert page.evaluate("document.activeElement.id") == target
    # The page glides to the field (smooth scrolling): fill it in once it has stopped, as a
    # visitor would; a click during the glide can land on the next radio button.
    page.wait_for_function(
        "() => new Promise(done => { const y = scrollY; setTimeout(() => done(scrollY === y), 200); })"
    )

    page.fill("#id_name", "Ana Example")
    page.fill("#id_phone", "(203) 555-0142")
    page.locator("input[name=preferred_contact_method]").first.check()
    page.locator("input[name=office]").first.check()
    page.locator("#id_consent").check()
    # The form turns away posts made faster than a person could fill it in.
    remaining = 3.5 - (datetime.datetime.now() - opened).total_seconds()
    if remaining > 0:
        page.wait_for_timeout(remaining * 1000)
    with page.expect_navigation(url="**sent=*"):
        page.locator("form.appointment-form button[type=submit]").click()
    assert "sent=" in page.url
    assert page.locator("[role=status]").is_visible()
    assert page.locator(".appointment-form").count() == 0
    assert not axe_violations(page)
    assert horizontal_overflow(page) <= 0
    assert_clean(page)


@pytest.mark.parametrize("page_type", ["homepage", "conditionpage", "locationpage", "articlepage"])
def test_zoom_to_200_percent_reflows_without_sideways_scrolling(chromium, site, page_type):
    # A 1280 px window at 200 % zoom lays out like a 640 px one with twice the pixel density.
    context = chromium.new_context(
        viewport={"width": 640, "height": 450}, device_scale_factor=2, base_url=site.base_url
    )
    page = context.new_page()
    for path in site.paths(page_type, "en"):
        page.goto(path)
        assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways at 200 %"
    context.close()


def large_white_areas(page):
    """Elements painted pure white that cover more than a tenth of the window."""
    return page.evaluate("""() => {
      const limit = innerWidth * innerHeight / 10;
      return [...document.querySelectorAll("body, body *")].filter(el => {
        const box = el.getBoundingClientRect();
        return getComputedStyle(el).backgroundColor === "rgb(255, 255, 255)"
          && box.width * box.height > limit;
      }).map(el => el.tagName + "." + el.className);
    }""")


def luminance(rgb):
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_has_no_white_glare_and_follows_the_dark_preference(chromium, site, scheme):
    context = chromium.new_context(viewport=PHONE, color_scheme=scheme, base_url=site.base_url)
    page = context.new_page()
    for path in ["/", site.paths("conditionpage", "en")[0], "/es/"]:
        page.goto(path)
        assert not large_white_areas(page), path
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "dark":
            assert luminance(background) < 0.15, f"{path} stays light in dark mode"
        else:
            assert 0.8 < luminance(background) < 0.98, f"{path}: a soft light background"
        assert not axe_violations(page), f"contrast or other problems in {scheme} mode on {path}"
    context.close()


def test_reduced_motion_stops_smooth_scrolling_and_animation(chromium, site):
    context = chromium.new_context(viewport=PHONE, reduced_motion="reduce", base_url=site.base_url)
    page = context.new_page()
    page.goto("/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert page.evaluate("document.getAnimations().length") == 0
    context.close()
    context = chromium.new_context(viewport=PHONE, base_url=site.base_url)
    page = context.new_page()
    page.goto("/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"
    context.close()


def test_pages_read_without_javascript(chromium, site):
    context = chromium.new_context(
        viewport=PHONE, java_script_enabled=False, base_url=site.base_url
    )
    page = context.new_page()
    for page_type in ["homepage", "conditionpage", "treatmentpage", "locationpage"]:
        path = site.paths(page_type, "en")[0]
        page.goto(path)
        assert page.locator("main h1").is_visible()
        assert page.locator("main").inner_text().strip()
    page.goto("/")
    page.locator(".main-nav__toggle").click()
    assert page.locator(".main-nav__list--stacked").is_visible(), "the menu opens without scripts"
    context.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_office_page_directions_calls_and_todays_hours(browser_page, site, language):
    path = site.paths("locationpage", language)[0]
    page = check_page(browser_page, path)
    directions = page.locator("a.visit-box__directions")
    assert directions.is_visible()
    href = directions.get_attribute("href")
    assert href.startswith("https://www.google.com/maps/search/?api=1&query=")
    address = page.locator(".visit-box__address").inner_text().splitlines()[0]
    assert address.split()[0] in href
    call = page.locator(".visit-box a[href^='tel:']")
    assert re.fullmatch(r"tel:\+1\d{10}", call.get_attribute("href"))
    today = page.locator(".hours-table tr[aria-current=date]")
    assert today.count() == 1
    weekday = datetime.datetime.now(ZoneInfo("America/New_York")).weekday()
    rows = page.locator(".hours-table tbody tr")
    assert rows.nth(weekday).get_attribute("aria-current") == "date"
    row_bg = today.evaluate("el => getComputedStyle(el).backgroundColor")
    other_bg = rows.nth((weekday + 1) % 7).evaluate("el => getComputedStyle(el).backgroundColor")
    assert row_bg != other_bg, "today's row is highlighted"


def test_office_page_prints_address_hours_and_directions_only(browser_page, site):
    path = site.paths("locationpage", "en")[0]
    page = check_page(browser_page, path)
    page.emulate_media(media="print")
    for kept in [".visit-box__address", ".hours-table", "a.visit-box__directions"]:
        assert page.locator(kept).is_visible(), kept
    for dropped in [".main-nav", ".site-footer", ".language-links", ".breadcrumbs"]:
        assert not page.locator(dropped).first.is_visible(), dropped
    printed = page.locator("a.visit-box__directions").evaluate(
        "el => getComputedStyle(el, '::after').content"
    )
    assert "google.com/maps" in printed, "the printed page shows the directions link"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


IMAGES = """() => [...document.images].filter(img => img.closest("main")).map(img => {
  const box = img.getBoundingClientRect();
  return {src: img.currentSrc, lazy: img.loading === "lazy", natural: img.naturalWidth,
          firstScreen: box.top < innerHeight,
          shown: box.width, area: box.width * box.height, picture: !!img.closest("picture"),
          sources: [...(img.closest("picture")?.querySelectorAll("source") || [])].map(s => s.type)};
})"""


@pytest.mark.parametrize(
    "page_type", ["homepage", "conditionpage", "treatmentpage", "locationpage"]
)
def test_images_are_webp_sized_for_the_window_and_the_largest_is_not_lazy(
    browser_page, site, page_type
):
    path = site.paths(page_type, "en")[0]
    page = check_page(browser_page, path)
    # The largest image on the first screen is the one a visitor waits for: never lazy.
    first_screen = [image for image in page.evaluate(IMAGES) if image["firstScreen"]]
    assert first_screen, f"{path} shows no image on its first screen"
    largest = max(first_screen, key=lambda image: image["area"])
    assert not largest["lazy"], f"the largest image of {path} is lazy-loaded"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    images = [image for image in page.evaluate(IMAGES) if image["shown"]]
    for image in images:
        if not image["picture"]:
            continue
        assert "image/webp" in image["sources"], image
        assert image["src"].split("?")[0].endswith(".webp"), f"Chromium got {image['src']}"
        # The file chosen from the srcset is at most twice as wide as the space it fills.
        assert image["natural"] <= max(2 * image["shown"], 400), image
