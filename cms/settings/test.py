"""Test settings, chosen by pyproject.toml for pytest."""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default="/tmp/clinic-test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"

# Each PostgreSQL run gets its own test database name so parallel checkouts do not collide.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("TEST", {})
    DATABASES["default"]["TEST"]["NAME"] = env.str("TEST_DATABASE_NAME", default="test_clinic")

# A second alias for the database, as a read replica would be (cms/db_router.py); the router's
# tests send the visitors' reads to it with READ_REPLICA = "replica", the rest of the suite does not.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
READ_REPLICA = ""

# Publishing and task logs are noise in test output; warnings and errors still show.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

# The suite makes hundreds of API calls a minute from one address; the limit tests lower these.
API_RATE_LIMIT_ANONYMOUS = 100_000
API_RATE_LIMIT_TOKEN = 100_000

# Query budgets measure what a page costs to build; the page-cache tests switch it on.
PAGE_CACHE_SECONDS = 0
# Each search is written at once; tests/search/test_search_hits.py turns the batching on.
SEARCH_HITS_FLUSH_SECONDS = 0
# Counted in memory and written when a test calls `insights.counting.flush()`: page budgets
# measure what a visitor waits for, not the batched write.
INSIGHTS_FLUSH_SECONDS = 3600
# Thousands of test images need no renditions up front; tests/test_renditions.py turns it on.
RENDITIONS_ON_PUBLISH = False

# wagtail-localize's dummy machine translator (it reverses the words), never a paid service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator("dummy")  # noqa: F405

# Webhooks are queued in the database as in production and sent by the real worker (the tests run
# it); retries wait tenths of a second instead of hours.
WEBHOOK_RETRY_SCHEDULE = retry_schedule(  # noqa: F405
    "WEBHOOK_RETRY_SCHEDULE", "0.2,0.2,0.2,0.2,0.2,0.2,0.2"
)
WEBHOOK_TIMEOUT_SECONDS = 2
