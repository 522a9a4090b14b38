"""Middleware: the content API's language, rate limits, read-only methods and caching headers, the
site's language from the URL, and the cache of anonymous responses."""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import has_vary_header, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from wagtail.models import APIToken, GroupPagePermission

from cms.api_query import API_PREFIX, api_error
from home import caching, time_zones
from search import hits as search_hits

SAFE_API_METHODS = ("GET", "HEAD", "OPTIONS")
WINDOW_SECONDS = 60


def _client_address(request):
    """Who the rate limit counts: a digest of the visitor's address (the address itself is never
    stored, not even in the cache)."""
    address = request.META.get("REMOTE_ADDR", "")
    # Behind the production proxy REMOTE_ADDR is the proxy; it sets X-Forwarded-For.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    try:
        address = str(ipaddress.ip_address(address))
    except ValueError:
        address = "unknown"
    return hashlib.blake2b(f"{settings.SECRET_KEY}:{address}".encode(), digest_size=12).hexdigest()


def _bearer_token(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _token_info(token):
    """(token id, whether its user may edit pages) for a live API token, or (None, False).

    Read on every request (one query, none for what is not shaped like a token), so a revoked
    token is refused at once."""
    if not APIToken.validate_token_format(token):  # junk never reaches the database
        return None, False
    api_token = (
        APIToken.objects.filter(
            key_hash__in=APIToken.candidate_key_hashes(token),
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .annotate(
            editor=Q(user__is_superuser=True)
            | Exists(GroupPagePermission.objects.filter(group__user=OuterRef("user")))
        )
        .values_list("pk", "editor")
        .first()
    )
    return tuple(api_token) if api_token else (None, False)


def _refused_token(request):
    """401 for an Authorization header that names no live API token (malformed, unknown or
    revoked, or not a bearer token): a partner learns at once that its token no longer works,
    instead of quietly reading as an anonymous client."""
    message = _("The API token is not valid: it is malformed, unknown or revoked.")
    response = api_error(request, 401, message)
    response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return response


def api_language(request):
    """The language an API request is answered in: the `?locale=` it asks for (one of the site's
    languages), else the site's first; never the browser's Accept-Language."""
    requested = request.GET.get("locale")
    return requested if requested in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class APILanguageMiddleware:
    """Answers every request to /api/ in the language of its `?locale=`: the content, and every
    message, this project's and the middleware's below it (a refused token, a rate limit, a bad
    parameter) included, with a `Content-Language` header. Must come before the other API
    middleware; the site's LocaleMiddleware leaves /api/ alone (SiteLocaleMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        language = api_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response["Content-Language"] = language
        return response


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (the visitor's language from the URL's prefix) for everything
    but the API, whose language APILanguageMiddleware chose from `?locale=`: no Accept-Language,
    no redirect of a missing API address to a language prefix."""

    def process_request(self, request):
        if request.path.startswith(API_PREFIX):
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)


class APIRateLimitMiddleware:
    """Counts requests to /api/ per minute: per API token for partners, per address otherwise.

    Must run before the API cache-headers middleware (it marks partner requests as private).

    Over the limit, the client gets 429 with a JSON body and a Retry-After header. A token that
    is not a live API token gets 401.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        token = _bearer_token(request)
        token_id, editor = _token_info(token) if token else (None, False)
        if "HTTP_AUTHORIZATION" in request.META and token_id is None:
            return _refused_token(request)
        if token_id and not editor:
            # A partner's token identifies the partner for its rate limit; it reads what the
            # public reads. Only tokens of users who edit pages reach Wagtail's own token
            # handling, which shows them drafts in API v3.
            del request.META["HTTP_AUTHORIZATION"]
            request.api_partner_token_id = token_id
        if token_id:
            who, limit = f"token:{token_id}", settings.API_RATE_LIMIT_TOKEN
        else:
            who, limit = f"addr:{_client_address(request)}", settings.API_RATE_LIMIT_ANONYMOUS
        window = int(time.time() // WINDOW_SECONDS)
        key = f"api-rate:{who}:{window}"
        try:
            count = cache.incr(key)  # one round trip to the cache for all but a window's first
        except ValueError:  # the window's first request (or the count was evicted)
            count = 1 if cache.add(key, 1, WINDOW_SECONDS + 5) else cache.incr(key)
        # A cache outage (django-redis ignoring the error gives None) must not refuse partners.
        if isinstance(count, int) and count > limit:
            retry_after = WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
            response = api_error(
                request,
                429,
                _("Too many requests: the limit is %(limit)d a minute. Try again later.")
                % {"limit": limit},
            )
            response["Retry-After"] = str(retry_after)
            return response
        return self.get_response(request)


class ReadOnlyAPIMiddleware:
    """The content API only reads: anything but GET, HEAD and OPTIONS answers 405.

    Wagtail 8's API v3 also creates, edits and publishes pages for a token whose user may edit
    them. Here pages change only in the admin, where a clinical page goes live only through the
    Medical review and each change is logged with who made it; partners and editors' tokens read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX) and request.method not in SAFE_API_METHODS:
            response = api_error(
                request, 405, _("The content API is read-only: pages are edited in the admin.")
            )
            response["Allow"] = ", ".join(SAFE_API_METHODS)
            return response
        return self.get_response(request)


class APICacheHeadersMiddleware:
    """Caching headers for API responses.

    Anonymous reads may be cached by partners and proxies for API_CACHE_MAX_AGE seconds; reads with
    a token are private. ETags (from ConditionalGetMiddleware) let partners revalidate with 304.
    A 401 from Wagtail's own v3 endpoints (sites, whoami: for editors' tokens) says which
    scheme it asks for, as HTTP requires.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = self.get_response(request)
        if response.status_code == 401 and not response.has_header("WWW-Authenticate"):
            response["WWW-Authenticate"] = "Bearer"
        # A response that forbids storing (a previewed draft) keeps its own header.
        if (
            request.method in ("GET", "HEAD")
            # 302: an image rendition's address (cms.api_images), cached as the image's data is.
            and response.status_code in (200, 302)
            and "no-store" not in response.get("Cache-Control", "")
        ):
            if _bearer_token(request) or getattr(request, "api_partner_token_id", None):
                patch_cache_control(response, private=True, max_age=0)
            else:
                patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Authorization"])
        return response


def seconds_to_midnight():
    """Seconds until the next midnight in any office's time zone (each shows its own today)."""
    return time_zones.seconds_to_next_midnight()


# Views besides Wagtail's pages and the API whose answers visitors share: they show content only.
SHARED_VIEWS = frozenset({"search", "sitemap", "sitemap_section"})


class AnonymousPageCacheMiddleware:
    """Keeps the pages and API responses anonymous visitors get, and answers repeats from them.

    Django's own cache middleware would do the storing, but it caches whatever lacks `private`,
    needs a timeout to pass before an edit shows, and keys on headers the site does not vary
    on. Each entry here holds the visitors' content version it was built for
    (home/caching.py) and is not served for any other, so publishing,
    unpublishing, moving or deleting any page, in any language, shows on the very next request
    while draft saves leave the cache alone;
    and it takes only what is safe to share:

    - GET or HEAD, from a visitor without a session cookie or an Authorization header (editors,
      signed-in visitors, API tokens and anyone who passed a page's password go through);
    - a Wagtail page, the search page, the sitemap or an API response (never the admin or its
      previews, or the health check), answered with 200; a search served from here is still counted for the
      editors' statistics (search/hits.py);
    - that sets no cookie and does not vary on cookies (a form's CSRF token does both), and is
      not marked private or no-store.

    The key is the host, scheme, path and query string; a page's language is in its path and an
    API response's in `?locale=`. Entries live `PAGE_CACHE_SECONDS` at most, less when a site
    alert starts or ends sooner or the view asks for less (`response.page_cache_seconds`). `X-Cache: hit` or `miss` tells which way a response came.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not self._may_share(request):
            return self.get_response(request)
        key = self._key(request)
        try:
            _, stored = caching.kept_response(request, key)
        except DatabaseError:  # the view meets the outage itself and answers it (503)
            return self.get_response(request)
        if stored is not None:
            status, headers, content, counted = stored
            if counted:
                search_hits.count(*counted)
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self._shareable(request, response):
            timeout = seconds
            try:
                from home.templatetags.clinic_tags import next_alert_change

                change = next_alert_change(request)
            except Exception:
                change = None
            if change is not None:
                timeout = max(1, min(timeout, int(change)))
            # Pages show today's hours and upcoming closures: nothing kept outlives an office's day.
            timeout = max(1, min(timeout, seconds_to_midnight()))
            timeout = min(timeout, getattr(response, "page_cache_seconds", timeout))
            # A CDN may keep pages, which Wagtail purges on publish, no longer than this cache
            # does (an office list until an office opens or closes); never search, whose every
            # address would outlive a change and whose searches it would not count.
            if settings.CDN_MAX_AGE and self._is_page(request):
                patch_cache_control(
                    response, public=True, s_maxage=min(settings.CDN_MAX_AGE, timeout)
                )
            headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
            counted = getattr(response, "search_counted", None)
            caching.keep_response(
                request, key, (response.status_code, headers, response.content, counted), timeout
            )
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _may_share(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES  # a one-off message waits for this visitor
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(("/admin/", "/_util/", "/healthz"))
        )

    @staticmethod
    def _shareable(request, response):
        match = getattr(request, "resolver_match", None)
        kept = (
            request.path.startswith(API_PREFIX)
            or AnonymousPageCacheMiddleware._is_page(request)
            or (match is not None and match.view_name in SHARED_VIEWS)
        )
        if not kept or response.status_code != 200 or response.streaming:
            return False
        if response.cookies or has_vary_header(response, "Cookie"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def _is_page(request):
        match = getattr(request, "resolver_match", None)
        return match is not None and match.view_name == "wagtail_serve"

    @staticmethod
    def _key(request):
        # One entry an address, which holds the content version it was built for (a newer
        # version replaces it). "kept:", not "response:" as before: during a deploy servers of
        # both releases share the cache.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"kept:{hashlib.sha256(address.encode()).hexdigest()}"
