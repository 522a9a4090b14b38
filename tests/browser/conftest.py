"""Fixtures of the browser tests: the demo site on loopback and Debian's Chromium.

Where Chromium is not installed the browser tests are skipped with a reason that says so, except
in CI (`CI=true`), where a missing browser fails them: CI must never pass without them.
"""

import os
from urllib.parse import urlsplit

import pytest

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, WIDTHS, DemoSite


def require_chromium():
    if CHROMIUM.exists():
        return
    message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{message}: CI must run the browser tests.", pytrace=False)
    pytest.skip(f"{message}: browser tests skipped.")


@pytest.fixture(scope="session")
def chromium():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(chromium):
    """The demo site served production-like (gunicorn, DEBUG off, WhiteNoise, CSP)."""
    with DemoSite() as demo_site:
        yield demo_site


class PageWatch:
    """What went wrong while a page loaded: console errors, page errors, own assets that failed."""

    def __init__(self, page, base_url):
        self.origin = urlsplit(base_url).netloc
        self.problems = []
        self.allowed_statuses = {}
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", self.on_request_failed)
        page.on("response", self.on_response)

    def own(self, url):
        return urlsplit(url).netloc == self.origin

    def on_console(self, message):
        # A page that is meant to answer 404 logs its own status; anything else is a problem.
        source = urlsplit(message.location.get("url") or "").path
        if message.type == "error" and source not in self.allowed_statuses:
            self.problems.append(f"console error: {message.text}")

    def on_request_failed(self, request):
        if self.own(request.url):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(self, response):
        expected = self.allowed_statuses.get(urlsplit(response.url).path)
        if self.own(response.url) and response.status >= 400 and response.status != expected:
            self.problems.append(f"HTTP {response.status}: {response.url}")


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def browser_page(chromium, site, width, request):
    """A fresh tab at the given width; `page.watch.problems` lists what went wrong loading it."""
    context = chromium.new_context(viewport=WIDTHS[width], base_url=site.base_url)
    page = context.new_page()
    page.watch = PageWatch(page, site.base_url)
    yield page
    context.close()
