"""The page-view beacon: `POST /insights/hit` with `page=<page id>&ref=<referring domain>`,
sent by the visitor's browser (`navigator.sendBeacon`, static/js/site.js) once a page is shown.

It works behind the visitor cache and a CDN, which answer the page without the application: the
count comes from the browser, to this site only (the CSP's `connect-src 'self'`). It reads no
cookie and sets none, and keeps nothing of the request but the page and the other site's domain.
Robots that run scripts are mostly told apart by their user agent and are not counted; anything
that is not a well-formed same-site beacon is refused with a 4xx and counted nowhere."""

import re

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from insights import counting

MAX_BODY = 512
MAX_PAGE_ID = 2**63 - 1
DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Crawlers, link previews, monitors and headless browsers: not visitors.
ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|monitor|headless|lighthouse|pagespeed|python|curl|wget|"
    r"httpclient|java/|go-http|node-fetch|axios|phantom|selenium|playwright|puppeteer",
    re.IGNORECASE,
)


def same_site(request):
    """The browser says the beacon comes from a page of this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin", "")
    host = request.get_host()
    return origin in (f"https://{host}", f"http://{host}")


def referring_domain(value, own_host):
    value = value.strip().lower().rstrip(".")
    if value.startswith("www."):
        value = value[4:]
    own = own_host.split(":")[0].lower()
    if own.startswith("www."):
        own = own[4:]
    if not DOMAIN.match(value) or value == own:
        return ""
    return value


def no_content(status=204):
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # no cookie is read or set; same_site() checks where the beacon comes from
@never_cache
@require_POST
def hit(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return no_content(400)
    if length > MAX_BODY:
        return no_content(413)
    if not same_site(request):
        return no_content(403)
    if ROBOTS.search(request.headers.get("User-Agent", "")) or not request.headers.get(
        "User-Agent"
    ):
        return no_content()  # answered like a count, so robots learn nothing
    page = request.POST.get("page", "")
    if not (page.isascii() and page.isdigit() and 0 < len(page) <= 19):
        return no_content(400)
    if not 0 < int(page) <= MAX_PAGE_ID:
        return no_content(400)
    referrer = referring_domain(request.POST.get("ref", "")[:253], request.get_host())
    counting.count_view(int(page), referrer)
    return no_content()
