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
one has. Reading it costs one query by primary key per request.
"""

import logging

from django.apps import apps
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from wagtail import signals

logger = logging.getLogger(__name__)

FRAGMENT_SECONDS = 60 * 60


def current_version():
    """The visitors' content version (1 query)."""
    model = apps.get_model("home", "ContentVersion")
    return model.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def request_version(request):
    """The version for this request: read once, however many fragments ask for it."""
    if request is None:
        return current_version()
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = current_version()
    return version


def content_changed(**kwargs):
    """Move the visitors' content version on: everything cached before is stale from now on.

    Inside the change's own transaction, so no request can see the new version with the old
    content."""
    model = apps.get_model("home", "ContentVersion")
    if not model.objects.filter(pk=1).update(number=F("number") + 1):
        model.objects.get_or_create(pk=1, defaults={"number": 1})


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
