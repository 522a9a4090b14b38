"""What visitors see, kept in the cache, and when it is forgotten.

One number, the visitors' content version (a row in the database, `ContentVersion`), is part of
the key of every cached response (cms/middleware.py) and fragment. It moves on when something
visitors can see changes, and only then:

- a page is published, unpublished (deleting a live page unpublishes it first) or moved;
- a snippet, an image or document, a site setting, a site, a locale, a redirect, a view
  restriction or a search promotion is saved or deleted, and a rendition is deleted (its file
  goes with it); a snippet with drafts counts when it is published or unpublished;
- a page is created already live (an alias: Wagtail sends no `page_published` for it).

Draft saves and autosaves, revisions, workflow steps, comments, locks, log entries, search
counts and appointment requests leave it alone: they change nothing a visitor can see.

The version lives in the database, not in the cache: a change made while the cache is down or
emptied can never be forgotten, and every process reads the same number, whatever cache each
one has. Reading it costs one query by primary key per request, unless the cache is shared by
every process (Redis): then the number is also lent to the cache for
`CONTENT_VERSION_LEASE_SECONDS` (1 s), so a response answered from the cache costs no query.

The lease never hides a change:

- a change deletes the lent number inside its transaction (until it commits, requests read the
  old number from the database, which is still right) and lends the new one once it commits,
  before the editor's request answers;
- a request that finds no number reads the database and lends it with `add`, which never
  overwrites a newer one lent meanwhile; a change that commits while another is lending reads
  the database again until the number it lent is the latest;
- a change made while the cache cannot be reached (it could neither delete nor lend) shows once
  the number lent before the outage expires: at most one lease after the outage began.
"""

import contextlib
import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from wagtail import signals

logger = logging.getLogger(__name__)

FRAGMENT_SECONDS = 60 * 60
LENT_VERSION_KEY = "content-version"


def database_version():
    """The visitors' content version as the database has it (1 query)."""
    model = apps.get_model("home", "ContentVersion")
    return model.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def current_version():
    """The visitors' content version: lent by the cache when it holds it (no query), else read
    from the database (1 query) and lent for the next requests."""
    lease = settings.CONTENT_VERSION_LEASE_SECONDS
    if lease <= 0:
        return database_version()
    try:
        number = cache.get(LENT_VERSION_KEY)
    except Exception:
        number = None
    if number is None:
        number = database_version()
        with contextlib.suppress(Exception):
            cache.add(LENT_VERSION_KEY, number, lease)
    return number


def request_version(request):
    """The version for this request: read once, however many fragments ask for it."""
    if request is None:
        return current_version()
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = current_version()
    return version


def kept_response(request, key):
    """(the content version, what is kept under `key` for that version, or None).

    A response is kept with the version it was built for (`keep_response`): a kept response of
    an older version is not found. Where the version is lent, both come in one round trip to
    the cache. Raises DatabaseError when the version must be read and the database is down."""
    stored = None
    try:
        lent = settings.CONTENT_VERSION_LEASE_SECONDS > 0
        if lent and getattr(request, "content_version", None) is None:
            found = cache.get_many([LENT_VERSION_KEY, key])
            if found.get(LENT_VERSION_KEY) is not None:
                request.content_version = found[LENT_VERSION_KEY]
            stored = found.get(key)
        else:
            stored = cache.get(key)
    except Exception:  # a cache outage is not a visitor's problem
        stored = None
    version = request_version(request)
    if stored is not None and stored[0] == version:
        return version, stored[1]
    return version, None


def keep_response(request, key, value, timeout):
    """Keep `value` under `key` for this request's content version (see `kept_response`)."""
    with contextlib.suppress(Exception):  # when the cache fails, the next one is built again
        cache.set(key, (request_version(request), value), timeout)


def content_changed(**kwargs):
    """Move the visitors' content version on: everything cached before is stale from now on.

    Inside the change's own transaction, so no request can see the new version with the old
    content."""
    model = apps.get_model("home", "ContentVersion")
    if not model.objects.filter(pk=1).update(number=F("number") + 1):
        model.objects.get_or_create(pk=1, defaults={"number": 1})
    if settings.CONTENT_VERSION_LEASE_SECONDS > 0:
        try:
            cache.delete(LENT_VERSION_KEY)
        except Exception:
            logger.warning(
                "Cache unavailable: the content version was not withdrawn", exc_info=True
            )
        transaction.on_commit(_lend_version)


def _lend_version():
    """Lend the committed version to the cache, again until no other change committed meanwhile."""
    lease = settings.CONTENT_VERSION_LEASE_SECONDS
    lent = None
    try:
        while (number := database_version()) != lent:
            cache.set(LENT_VERSION_KEY, number, lease)
            lent = number
    except Exception:
        logger.warning("Cache unavailable: the content version was not lent", exc_info=True)


def _is_shown(model):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, Page | DraftStateMixin):
        return False  # their publishing signals count, not their saves
    return (
        issubclass(model, BaseSiteSetting | BaseGenericSetting)
        or model in get_snippet_models()
        or model
        in {
            get_image_model(),
            get_document_model(),
            Site,
            Locale,
            PageViewRestriction,
            Redirect,
            SearchPromotion,
        }
    )


def _saved_or_deleted(sender, raw=False, created=False, instance=None, **kwargs):
    if raw:
        return
    if _is_shown(sender):
        content_changed()
    elif created and getattr(instance, "live", False) and _is_page(sender):
        # A page made live as it is created, without `page_published`: an alias (Wagtail's
        # "Create alias", wagtail-localize's synchronised locales). Drafts are never created live.
        content_changed()


def _is_page(model):
    from wagtail.models import Page

    return issubclass(model, Page)


def _rendition_deleted(sender, **kwargs):
    from wagtail.images import get_image_model

    if sender is get_image_model().get_rendition_model():
        content_changed()


def connect():
    post_save.connect(_saved_or_deleted, dispatch_uid="visitor-cache-save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="visitor-cache-delete")
    post_delete.connect(_rendition_deleted, dispatch_uid="visitor-cache-rendition")
    for signal in (
        signals.page_published,
        signals.page_unpublished,
        signals.post_page_move,
        signals.published,
        signals.unpublished,
    ):
        signal.connect(content_changed, dispatch_uid=f"visitor-cache-{id(signal)}")


def fragment(request, name, parts, build, timeout=FRAGMENT_SECONDS):
    """`build()`, kept for this content version under `name` and `parts` (site, language, …).

    Only for plain values (text, numbers, lists and dicts of them), never model instances. Not
    kept in previews, or where no request is at hand."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    version = request_version(request)
    key = "fragment:{}:{}:{}".format(name, version, ":".join(str(part) for part in parts))
    try:
        value = cache.get(key)
    except Exception:  # a cache outage is not a visitor's problem
        logger.warning("Cache unavailable: building %s from the database", name, exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("Cache unavailable: could not keep %s", name, exc_info=True)
    return value


def public_q(request=None):
    """A filter for pages outside private sections, for `qs.filter(public_q())`: Wagtail's
    `qs.public()` reads the view restrictions with a query of its own each time it is used; this
    asks the database inside the same query (a restriction on the page or on an ancestor: its
    page's path starts the page's path)."""
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Exists(restricted)


def public_path_q(request=None):
    """`public_q()` for search backends, which filter on plain field lookups only: the paths of
    the restricted sections are read first (a query, kept for the content version)."""
    from wagtail.models import PageViewRestriction

    def build():
        return sorted(PageViewRestriction.objects.values_list("page__path", flat=True))

    private = Q()
    for path in fragment(request, "restricted-paths", [], build):
        private |= Q(path__startswith=path)
    return ~private if private else Q()


def lazy_list(build):
    """`list(build())`, worked out the first time a template looks at it, so a section wrapped
    in `{% fragment %}` costs no queries while its HTML is in the cache."""
    return SimpleLazyObject(lambda: list(build()))
