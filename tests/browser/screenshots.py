"""`make screenshots`: full-page phone (390 px) and desktop (1280 px) screenshots of one page of
every type in English and Spanish, plus search results and the 404 page, for design review.

Saved as `<folder>/<language>-<page type>-<width>.png`; the folder is `screenshots/` unless
`SCREENSHOTS_DIR` names another.
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, PROJECT, WIDTHS, DemoSite
from tests.browser.test_pages import LANGUAGES, MISSING, PAGE_TYPES, SEARCHES


def main():
    folder = Path(os.environ.get("SCREENSHOTS_DIR", PROJECT / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    with DemoSite() as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        shots = []
        for language in LANGUAGES:
            for page_type in PAGE_TYPES:
                shots.append((language, page_type, site.paths(page_type, language)[0]))
            shots.append((language, "search", SEARCHES[language]))
            shots.append((language, "not-found", MISSING[language]))
        for width, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, base_url=site.base_url)
            page = context.new_page()
            for language, name, path in shots:
                page.goto(path, wait_until="networkidle")
                page.screenshot(path=folder / f"{language}-{name}-{width}.png", full_page=True)
            context.close()
        browser.close()
    print(f"{len(shots) * len(WIDTHS)} screenshots in {folder}")


if __name__ == "__main__":
    main()
