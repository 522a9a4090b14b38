"""Middleware: the content API's rate limits and caching headers, the page route cache."""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import views as wagtail_views
from wagtail.models import APIToken, GroupPagePermission, Page, Site
from wagtail.url_routing import RouteResult

from home import caching

API_PREFIX = "/api/"
WINDOW_SECONDS = 60


def _client_address(request):
    # Behind the production proxy REMOTE_ADDR is the proxy; it sets X-Forwarded-For.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def _bearer_token(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _token_info(token):
    """(token id, whether its user may edit pages) for a live API token, or (None, False).

    Remembered for a minute: revoking a token stops its access at once (Wagtail checks every
    request) and its higher rate limit within a minute.
    """
    digest = hashlib.sha256(token.encode()).hexdigest()
    cache_key = f"api-token:{digest}"
    info = cache.get(cache_key)
    if info is None:
        api_token = None
        if APIToken.validate_token_format(token):  # junk never reaches the database
            api_token = (
                APIToken.objects.select_related("user")
                .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
                .first()
            )
        if api_token is None or not api_token.user.is_active:
            info = (None, False)
        else:
            user = api_token.user
            editor = (
                user.is_superuser or GroupPagePermission.objects.filter(group__user=user).exists()
            )
            info = (api_token.pk, editor)
        cache.set(cache_key, info, WINDOW_SECONDS)
    return tuple(info)


class APIRateLimitMiddleware:
    """Counts requests to /api/ per minute: per API token for partners, per address otherwise.

    Must run before the API cache-headers middleware (it marks partner requests as private).

    Over the limit, the client gets 429 with a JSON body and a Retry-After header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        token = _bearer_token(request)
        token_id, editor = _token_info(token) if token else (None, False)
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
        cache.add(key, 0, WINDOW_SECONDS + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, WINDOW_SECONDS + 5)
            count = 1
        if count > limit:
            retry_after = WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
            response = JsonResponse(
                {"message": f"Too many requests: the limit is {limit} a minute. Try again later."},
                status=429,
            )
            response["Retry-After"] = str(retry_after)
            return response
        return self.get_response(request)


class APICacheHeadersMiddleware:
    """Caching headers and language for API responses.

    Anonymous reads may be cached by partners and proxies for API_CACHE_MAX_AGE seconds; reads with
    a token are private. ETags (from ConditionalGetMiddleware) let partners revalidate with 304.
    The API answers in the language a `?locale=` asks for, never the browser's Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        languages = dict(settings.LANGUAGES)
        requested = request.GET.get("locale")
        language = requested if requested in languages else settings.LANGUAGE_CODE
        with translation.override(language):
            response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if _bearer_token(request) or getattr(request, "api_partner_token_id", None):
                patch_cache_control(response, private=True, max_age=0)
            else:
                patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Authorization"])
        return response


class PageRouteCacheMiddleware:
    """Finds the page for an address from the cache instead of walking the page tree.

    Wagtail looks a page up level by level (two queries a level, plus the site and its root); the
    outcome (page type and id, and a routable page's arguments) is kept per content generation
    (home/caching.py), so a page costs one query to find. Misses, 404s included, take Wagtail's
    own route, so what answers an address never differs from Wagtail's answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or not view_args:
            return None
        path = view_args[0]
        host = request._get_raw_host()
        site = caching.fragment(
            request, "site", [host, request.get_port()], lambda: Site.find_for_request(request)
        )
        request._wagtail_site = site
        if site is None:
            return None
        parts = [site.pk, translation.get_language(), path]
        found = caching.fragment(request, "route", parts, lambda: _route(request, path))
        if found and not hasattr(request, "_wagtail_route_for_request"):
            label, pk, args, kwargs = found
            model = apps.get_model(label)
            pages = model.objects.filter(pk=pk, live=True)
            # Every page shows its images in the header and social tags.
            images = [name for name in ("listing_image", "social_image") if hasattr(model, name)]
            page = pages.select_related(*images).first()
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page, args, kwargs)
        return None


def _route(request, path):
    """(model label, page id, args, kwargs) of the page at `path`, or None (not cached)."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    return (page._meta.label, page.pk, tuple(args or ()), dict(kwargs or {}))
