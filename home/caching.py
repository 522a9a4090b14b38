"""What anonymous visitors see, kept in the cache, and how it is forgotten.

One value, the content generation, is part of the key of every cached page, API response and
shared fragment (navigation, footer, alerts, view restrictions). Any change that can alter what a
visitor sees (a page saved, published, unpublished, moved or deleted in any language, a snippet,
a site setting, an image, a view restriction, a site or locale) replaces it, so everything cached
before is ignored at once and expires on its own. That is coarser than working out which pages
show which other pages, but it cannot miss one: every page lists the offices in its footer, and
cards of a page appear across sections and languages. Editors publish a few times a day, so a
visitor-facing cache rebuilt after each publish still answers nearly every request.

When the cache is unreachable, `generation()` is None and callers build everything from the
database: the site keeps working, only slower.
"""

import contextlib
import contextvars
import logging
import time
import types

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
FRAGMENT_SECONDS = 60 * 60

# Models whose rows never show on a cached page: saving them must not empty the cache (every
# search saves its query's hit count).
UNSEEN_MODELS = {
    "appointments.appointmentrequest",
    "search.zeroresultquery",
    "home.clinicrendition",
}
# ... except when one is deleted: a page is kept with its images' renditions, and Wagtail deletes
# a rendition's file with it (`wagtail_update_image_renditions`).
SEEN_WHEN_DELETED = {"home.clinicrendition"}
# Apps outside the project whose rows change what visitors see.
SEEN_WAGTAIL_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailredirects.redirect",
    "wagtaildocs.document",
    "wagtailsearchpromotions.searchpromotion",
}
PROJECT_APPS = {
    "home",
    "locations",
    "editorial",
    "treatments",
    "articles",
    "appointments",
    "seo",
    "search",
}


def generation():
    """The current content generation, or None when the cache cannot be reached (or is not
    shared by every process: `VISITOR_CACHE`)."""
    if not settings.VISITOR_CACHE:
        return None
    try:
        value = cache.get(GENERATION_KEY)
        if value is None:
            value = time.time_ns()
            if not cache.add(GENERATION_KEY, value, None):
                value = cache.get(GENERATION_KEY)
    except Exception:  # a cache outage is not a visitor's problem
        logger.warning("Cache unavailable: serving from the database", exc_info=True)
        return None
    return value


_scope = contextvars.ContextVar("clinic_request_scope", default=None)


@contextlib.contextmanager
def request_scope():
    """While a request is answered (`cms.middleware.RequestScopeMiddleware`): what it reads
    once from the cache however often it is asked, by fragments, querysets and every page
    instance it lists: the content generation and the sites' root paths."""
    token = _scope.set(types.SimpleNamespace())
    try:
        yield
    finally:
        _scope.reset(token)


def current_scope():
    """The scope of the request being answered, or None (a command, a shell)."""
    return _scope.get()


def request_generation(request=None):
    """The generation, read once per request however many fragments ask for it (also where no
    request is at hand, inside the request scope)."""
    holder = current_scope() or request
    if holder is None:
        return generation()
    if not hasattr(holder, "_clinic_generation"):
        holder._clinic_generation = generation()
    return holder._clinic_generation


def content_changed(**kwargs):
    """Start a new generation: everything cached for visitors is stale from now on.

    Again once the change is committed: a request that read the new generation while the change
    was not yet visible to it may have cached the old content under it."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    if (scope := current_scope()) is not None:
        scope.__dict__.clear()  # read again: the generation, and the sites if one changed
    try:
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        logger.warning("Cache unavailable: could not invalidate cached pages", exc_info=True)


def _model_changed(sender, **kwargs):
    label = sender._meta.label_lower
    if label in SEEN_WHEN_DELETED and kwargs.get("signal") is post_delete:
        content_changed()
        return
    if label in UNSEEN_MODELS:
        return
    if sender._meta.app_label in PROJECT_APPS or label in SEEN_WAGTAIL_MODELS:
        content_changed()
        return
    if issubclass(sender, apps.get_model("wagtailcore", "Page")):
        content_changed()


def connect():
    for signal in (post_save, post_delete):
        signal.connect(_model_changed, dispatch_uid=f"clinic-cache-{signal}")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"clinic-cache-{id(signal)}")


def fragment(request, name, parts, build, timeout=FRAGMENT_SECONDS, local=True):
    """`build()`, cached for this generation under `name` and `parts` (site, language, …).

    Looked up in this process's copy first (unless `local` is False: values with keys without
    number, such as search results, would crowd out the menus and footers), then in the shared
    cache: the key holds the generation, so a copy made before a change is never read after it.
    A fragment whose value changes shape takes a new name: during a deploy, servers of both
    releases share the cache."""
    current = request_generation(request)
    if current is None:
        return build()
    key = "fragment:{}:{}:{}".format(name, current, ":".join(str(part) for part in parts))
    copies = caches["local"] if local else None
    value = copies.get(key) if copies is not None else None
    if value is not None:
        return value
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable: building %s from the database", name, exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("Cache unavailable: could not keep %s", name, exc_info=True)
            return value
    if copies is not None:
        copies.set(key, value, timeout)
    return value


def fragments(request, name, parts, ids, build, timeout=FRAGMENT_SECONDS, local=True):
    """`fragment()` for many values at once: {id: value} for each of `ids`, each cached for this
    generation under `name`, `parts` and its id. `build(missing)` makes those not kept, as
    {id: value}; one round trip to each cache however many are asked for."""
    current = request_generation(request)
    if current is None:
        return build(list(ids))
    prefix = "fragment:{}:{}:{}:".format(name, current, ":".join(str(part) for part in parts))
    keys = {f"{prefix}{id}": id for id in ids}
    copies = caches["local"] if local else None
    found = copies.get_many(keys) if copies is not None else {}
    wanted = [key for key in keys if key not in found]
    if wanted:
        try:
            shared = cache.get_many(wanted)
        except Exception:
            logger.warning("Cache unavailable: building %s from the database", name, exc_info=True)
            shared = {}
        if copies is not None:
            copies.set_many(shared, timeout)
        found.update(shared)
    values = {keys[key]: value for key, value in found.items()}
    missing = [id for key, id in keys.items() if key not in found]
    if missing:
        built = build(missing)
        new = {f"{prefix}{id}": value for id, value in built.items()}
        try:
            cache.set_many(new, timeout)
        except Exception:
            logger.warning("Cache unavailable: could not keep %s", name, exc_info=True)
        else:
            if copies is not None:
                copies.set_many(new, timeout)
        values.update(built)
    return values


def restricted_paths(request=None):
    """Tree paths of the pages with a view restriction (password, login, groups)."""
    model = apps.get_model("wagtailcore", "PageViewRestriction")

    def build():
        return sorted(model.objects.values_list("page__path", flat=True))

    return fragment(request, "restricted-paths", [], build)


def public_q(request=None):
    """A filter for pages outside private sections: `qs.filter(public_q())` is `qs.public()`
    without a query for the view restrictions each time; they are read once per content
    generation (adding or removing a restriction starts a new one)."""
    private = Q()
    for path in restricted_paths(request):
        private |= Q(path__startswith=path)
    return ~private if private else Q()


def lazy_list(build):
    """`list(build())`, worked out the first time a template looks at it, so a section wrapped
    in `{% fragment %}` costs no queries while its HTML is in the cache."""
    return SimpleLazyObject(lambda: list(build()))
