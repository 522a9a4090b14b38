"""Production: PostgreSQL, Redis when REDIS_URL is set, WhiteNoise, behind a TLS proxy.

Refuses to start without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL."""

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    DATABASES,
    INSTALLED_APPS,
    LOGGING,
    MIDDLEWARE,
    PARTNER_PREVIEW_URL,
    env,
)
from .environment import missing, origin_of

DEBUG = False


def _required(name):
    value = env.str(name, default="")
    if not value:
        raise missing(name, " for production")
    return value


SECRET_KEY = _required("SECRET_KEY")
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=True)
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
_required("DATABASE_URL")
for _database in DATABASES.values():  # the primary, and its read replica if there is one
    _database["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    _database["CONN_HEALTH_CHECKS"] = True
    if _database["ENGINE"].endswith("postgresql"):
        # A database host that does not answer fails the request in seconds (the styled 503),
        # instead of holding the worker until gunicorn's timeout.
        _database.setdefault("OPTIONS", {})["connect_timeout"] = env.int(
            "DB_CONNECT_TIMEOUT_SECONDS", default=5, minimum=1
        )


CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Content-Security-Policy (django-csp): everything from this site only. The Wagtail admin still
# relies on inline styles and a few inline scripts, so those are allowed; no other origin is.
# Extra origins (a CDN for media, say) come from the environment.
CSP_EXTRA_SOURCES = env.list("CSP_EXTRA_SOURCES", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'", *CSP_EXTRA_SOURCES],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_EXTRA_SOURCES],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # Embedded videos, and the partner front end an editor's "Partner app" preview shows.
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            *([origin_of(PARTNER_PREVIEW_URL)] if PARTNER_PREVIEW_URL else []),
        ],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# WhiteNoise serves the collected, hashed and compressed static files right after security.
MIDDLEWARE = [*MIDDLEWARE, "csp.middleware.CSPMiddleware"]
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logs as one JSON object a line (cms/logging.py); LOG_FORMAT=plain for reading by eye.
LOGGING["formatters"]["json"] = {"()": "cms.logging.JSONFormatter"}
if env.str("LOG_FORMAT", default="json") == "json":
    LOGGING["handlers"]["console"]["formatter"] = "json"

# Uploaded images and documents in S3-compatible object storage (django-storages) when a bucket is
# named; on the local disk (MEDIA_ROOT) otherwise. Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY or the server's role, which boto3 reads itself.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
    AWS_DEFAULT_ACL = None  # the bucket's policy decides
    AWS_QUERYSTRING_AUTH = False  # public media: stable URLs the CDN and browsers can cache
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=31536000, public"}

# OpenSearch or Elasticsearch as the search engine when SEARCH_URL is set (then run
# `manage.py update_index`); PostgreSQL full-text search otherwise.
SEARCH_URL = env.str("SEARCH_URL", default="")
SEARCH_ENGINES = (
    "opensearch2",
    "opensearch3",
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
)
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env.choice(
                "SEARCH_BACKEND",
                [f"wagtail.search.backends.{name}" for name in SEARCH_ENGINES],
                default="wagtail.search.backends.opensearch2",
            ),
            "URLS": [SEARCH_URL],
            "INDEX": env.str("SEARCH_INDEX", default="clinic"),
            "TIMEOUT": 5,
        }
    }

# A CDN or caching proxy in front of the site, purged by Wagtail when a page is published
# (wagtail.contrib.frontend_cache). Pages that only show the published one (section pages, the
# footer) refresh within CDN_MAX_AGE seconds, which pages then allow shared caches.
FRONTEND_CACHE = env.choice("FRONTEND_CACHE", ["", "http", "cloudflare", "cloudfront"], default="")
CDN_MAX_AGE = env.int("CDN_MAX_AGE", default=120 if FRONTEND_CACHE else 0)
if FRONTEND_CACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    _backends = "wagtail.contrib.frontend_cache.backends"
    if FRONTEND_CACHE == "http":  # Varnish, nginx or a CDN that accepts PURGE requests
        _purger = {
            "BACKEND": f"{_backends}.HTTPBackend",
            "LOCATION": env.str("FRONTEND_CACHE_LOCATION"),
        }
    elif FRONTEND_CACHE == "cloudflare":
        _purger = {
            "BACKEND": f"{_backends}.CloudflareBackend",
            "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        }
    else:  # cloudfront: needs boto3, which django-storages[s3] brings
        _purger = {
            "BACKEND": f"{_backends}.CloudfrontBackend",
            "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    WAGTAILFRONTENDCACHE = {"default": _purger}
