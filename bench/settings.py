"""`make bench`: the production settings, plus the trivial floor view and a query count header."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.views.QueryCountMiddleware", *MIDDLEWARE]
