"""Settings shared by every environment. Values that differ between machines come from the
environment (see docs/configuration.md); each environment module overrides only what it must."""

from pathlib import Path

from .environment import ConfigurationError, Environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = Environment()

# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------
# The project's apps, bottom layer first (docs/architecture.md): each imports only those above it
# in this list.
INSTALLED_APPS = [
    "home",
    "notices",
    "insights",
    "locations",
    "editorial",
    "treatments",
    "articles",
    "appointments",
    "seo",
    "search",
    "partners",
    "demo",
    "backups",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales in the admin
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail_headless_preview",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.db_router.VisitorReadsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.APILanguageMiddleware",
    "cms.middleware.APIRateLimitMiddleware",
    "cms.middleware.ReadOnlyAPIMiddleware",
    "cms.api_query.APIQueryMiddleware",
    "cms.middleware.APICacheHeadersMiddleware",
    "cms.middleware.AnonymousPageCacheMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.views.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with 429
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Data: SQLite on disk unless DATABASE_URL names another database (PostgreSQL in production).
# ---------------------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=0)
# A read replica of it takes the visitors' reads (cms/db_router.py); tests use the primary under
# this name.
READ_REPLICA = ""
if env.str("DATABASE_REPLICA_URL", default=""):
    READ_REPLICA = "replica"
    DATABASES["replica"] = env.db_url("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["cms.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic",
        # Wagtail keeps image renditions and site root paths here; the default limit of 300 entries
        # would evict them at random on a site with a few dozen images.
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
REDIS_URL = env.cache_location("REDIS_URL")
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "clinic",
        "OPTIONS": {
            # A cache outage must not take the site down: fall through to the database. A Redis
            # that hangs rather than refuses costs each request at most these seconds.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_TIMEOUT_SECONDS", default=0.5),
            "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT_SECONDS", default=0.5),
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Seconds the visitors' content version is lent to a cache that every process shares (home/caching.py),
# so that a cached response costs no query; 0 reads it from the database on every request.
CONTENT_VERSION_LEASE_SECONDS = env.int(
    "CONTENT_VERSION_LEASE_SECONDS",
    default=1 if CACHES["default"]["BACKEND"].startswith("django_redis") else 0,
)
# Seconds anonymous visitors' pages and API responses are kept (cms/middleware.py); publishing
# anything visitors see replaces them at once. 0 turns the page cache off (shared fragments stay cached).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Seconds a CDN may keep a page (`s-maxage`); 0: pages say nothing to shared caches.
CDN_MAX_AGE = 0
# Searches are counted for the editors' statistics in each process and written together once this
# many seconds have passed since the first, after the next response (search/hits.py); 0 writes
# each search at once.
SEARCH_HITS_FLUSH_SECONDS = env.int("SEARCH_HITS_FLUSH_SECONDS", default=10)
# Site traffic (insights/counting.py): page views, referrers, searches and appointment requests
# per day are held in each process and written together after this many seconds.
INSIGHTS_FLUSH_SECONDS = env.int("INSIGHTS_FLUSH_SECONDS", default=10)

# ---------------------------------------------------------------------------------------------
# Security and accounts
# ---------------------------------------------------------------------------------------------
# Repeated failed logins lock the account (by username, whatever the address) and, separately, the
# address they came from, for an hour; a locked-out attempt fails even with the right password. `manage.py axes_reset_username`
# unlocks one account early.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_LOCKOUT_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_VERBOSE = False

# Superusers, Site administrators and Medical reviewers must confirm each admin session with a
# code from an authenticator app (cms/two_factor.py). On in production, off for the local demo.
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "Ki Ketamine"

# Admin sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ---------------------------------------------------------------------------------------------
# Languages: English (default, unprefixed URLs) and Spanish (/es/).
# ---------------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# The clinic's time zone: the admin, the Intake list and its exports show times in it.
TIME_ZONE = env.time_zone("TIME_ZONE", default="America/New_York")
USE_TZ = True

# ---------------------------------------------------------------------------------------------
# Static files and media
# ---------------------------------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can post many fields on long clinical pages.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# ---------------------------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Ki Ketamine")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.ClinicImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# Make the renditions templates and the API show when an image is saved or a page published
# (home/renditions.py), not on a visitor's first request.
RENDITIONS_ON_PUBLISH = env.bool("RENDITIONS_ON_PUBLISH", default=True)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d %b %Y"
WAGTAIL_DATETIME_FORMAT = "%d %b %Y %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The admin calls no third party from staff browsers: no Gravatar (it would send a hash of each
# staff member's e-mail address) and no check for new Wagtail releases (upgrades go through uv.lock).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# ---------------------------------------------------------------------------------------------
# Content API (docs/api.md)
# ---------------------------------------------------------------------------------------------
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # links resolved to real URLs, no Wagtail-internal markup
# Browsers of these partner origins may call the API (comma-separated, with scheme).
CORS_ALLOWED_ORIGINS = env.list("API_CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Requests per minute to /api/: anonymous clients by address, partners by API token.
API_RATE_LIMIT_ANONYMOUS = env.int("API_RATE_LIMIT_ANONYMOUS", default=60)
API_RATE_LIMIT_TOKEN = env.int("API_RATE_LIMIT_TOKEN", default=600)
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
# The image sizes and formats partners may ask for at /api/v2/images/<id>/rendition/ (docs/api.md,
# "Images"): each is a rendition made once and kept, so the list stays short.
API_IMAGE_WIDTHS = [160, 320, 400, 480, 640, 800, 960, 1200, 1600, 2000]
API_IMAGE_FILLS = ["160x160", "320x320", "400x400", "400x267", "800x534", "800x450", "1200x630"]
API_IMAGE_FORMATS = ["webp", "avif", "jpeg"]

# Draft preview in a partner's front end (docs/api.md, "Previewing drafts"): with
# PARTNER_PREVIEW_URL set, the editor's preview offers "Partner app", which opens that address with
# `?content_type=…&token=…`; the front end reads the draft from /api/v2/page_preview/ with the
# token, for PARTNER_PREVIEW_SECONDS after the editor opened the preview.
PARTNER_PREVIEW_URL = env.web_address("PARTNER_PREVIEW_URL")
PARTNER_PREVIEW_SECONDS = env.int("PARTNER_PREVIEW_SECONDS", default=3600, minimum=1)
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": PARTNER_PREVIEW_URL} if PARTNER_PREVIEW_URL else {},
    "ENFORCE_TRAILING_SLASH": False,
}

# ---------------------------------------------------------------------------------------------
# Webhooks to partners (partners/webhooks.py, docs/api.md) and the background tasks that send them
# ---------------------------------------------------------------------------------------------
# Wagtail's own tasks (reference index, file deletion) run in the request, as before. Webhooks are
# queued in the database and sent by `manage.py db_worker --backend webhooks` (`make run` starts
# it; docs/deploy.md): publishing never waits for a partner.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


# Seconds to wait before each retry of a failed delivery (Standard Webhooks' schedule: eight
# attempts over about a day and a half), then it is given up.
def retry_schedule(var, default):
    """Comma-separated seconds, e.g. `5,300,1800`: the waits before each retry."""
    text = env.str(var, default=default)
    try:
        seconds = [float(item) for item in text.split(",") if item.strip()]
    except ValueError:
        seconds = [-1]
    if any(not 0 <= wait <= 7 * 86400 for wait in seconds):
        raise ConfigurationError(var, text, "comma-separated seconds from 0 to 604800")
    return seconds


WEBHOOK_RETRY_SCHEDULE = retry_schedule(
    "WEBHOOK_RETRY_SCHEDULE", "5,300,1800,7200,18000,36000,50400"
)
# Seconds a partner has to answer one delivery.
WEBHOOK_TIMEOUT_SECONDS = env.int("WEBHOOK_TIMEOUT_SECONDS", default=10, minimum=1)
# A subscription is disabled (and site administrators e-mailed) once this many attempts in a row
# have failed over at least this many seconds, with no success in between.
WEBHOOK_DISABLE_AFTER_FAILURES = env.int("WEBHOOK_DISABLE_AFTER_FAILURES", default=8, minimum=1)
WEBHOOK_DISABLE_AFTER_SECONDS = env.int("WEBHOOK_DISABLE_AFTER_SECONDS", default=24 * 3600)

WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False  # new translations start as drafts


def machine_translator(name):
    """wagtail-localize's machine translator for `MACHINE_TRANSLATOR`: `deepl` (with
    `DEEPL_AUTH_KEY`), `google` (Google Cloud Translation: `GOOGLE_CLOUD_PROJECT_ID` and the
    service account in `GOOGLE_APPLICATION_CREDENTIALS`; needs the `google-cloud-translate`
    package), `dummy` (reverses the words: for tests) or empty for none. Whatever a machine
    translates stays marked until a person checks it, and a page with such strings cannot be
    submitted for medical review."""
    if not name:
        return None
    if name == "deepl":
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": env.str("DEEPL_AUTH_KEY")},
        }
    if name == "google":
        try:
            import google.cloud.translate  # noqa: F401
        except ImportError:
            raise ConfigurationError(
                "MACHINE_TRANSLATOR", name, "google only with the google-cloud-translate package"
            ) from None
        return {
            "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
            "OPTIONS": {"PROJECT_ID": env.str("GOOGLE_CLOUD_PROJECT_ID")},
        }
    if name == "dummy":
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    raise ConfigurationError("MACHINE_TRANSLATOR", name, "deepl, google, dummy or nothing")


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env.str("MACHINE_TRANSLATOR", default=""))
# An approved workflow publishes the revision its reviewer approved, not a later draft.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved_revision"

# A clinical page's medical review is due again this many days after the last one (the admin's
# "Medical review due" report lists the pages past it).
MEDICAL_REVIEW_MAX_AGE_DAYS = env.int("MEDICAL_REVIEW_MAX_AGE_DAYS", default=365)

# Appointment requests (protected health information; see appointments/models.py).
# Where a request's notification goes when its office has no intake e-mail address.
APPOINTMENT_FALLBACK_EMAIL = env.str("APPOINTMENT_FALLBACK_EMAIL", default="")
# The number visitors are asked to call when the site cannot take their request (the database is
# down): on the 503 page and when an appointment request cannot be stored.
FALLBACK_PHONE = env.str("FALLBACK_PHONE", default="(203) 555-0142")
# Requests older than this many days are deleted by `purge_appointment_requests` (run it daily).
APPOINTMENT_RETENTION_DAYS = env.int("APPOINTMENT_RETENTION_DAYS", default=90)
# Posts of the request form allowed per client address within the window (seconds).
APPOINTMENT_RATE_LIMIT = env.int("APPOINTMENT_RATE_LIMIT", default=5)
APPOINTMENT_RATE_LIMIT_WINDOW = env.int("APPOINTMENT_RATE_LIMIT_WINDOW", default=600)
# A form sent sooner than this many seconds after it was shown is refused as automated.
APPOINTMENT_MIN_FILL_SECONDS = 3

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env.log_level("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail 8 runs its background tasks through django-tasks, which logs each one.
        "django_tasks": {"level": "WARNING"},
    },
}
