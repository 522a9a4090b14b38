"""Local development: `make run`. Debug on, e-mails to the console, anything goes for hosts."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-0f3a9c2e7b")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Pages are rebuilt on every request while developing templates (PAGE_CACHE_SECONDS turns it on).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

# `make run` serves the site and runs the webhook worker beside it: on SQLite both write, so each
# transaction takes the write lock when it begins and waits for it rather than failing at once
# with "database is locked" (Django's documented SQLite setting for concurrent writers).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
