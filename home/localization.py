"""Reading related pages in the visitor's language with a fixed number of queries.

wagtail-localize copies inline link rows to a translation but may leave their foreign keys on the
source-language page, so relations are always read as "the page in the active locale, or the
original where no live translation exists". `Page.localized` does that one page at a time (a query
each); these helpers do it for a whole list in one query.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.caching import public_q

# Locales change only when an administrator adds or removes a language, but every tag and relation
# asks for one; they are kept per process and forgotten whenever a Locale row changes.
_locales = {}


def _forget_locales(**kwargs):
    _locales.clear()


post_save.connect(_forget_locales, sender=Locale)
post_delete.connect(_forget_locales, sender=Locale)


def locale_for(language_code):
    """The Locale for a language code, or None when the site has no such locale."""
    if language_code not in _locales:
        _locales[language_code] = Locale.objects.filter(language_code=language_code).first()
    return _locales[language_code]


def locale_code(locale_id):
    """The language code of a locale id, without a query once the locale has been seen."""
    for locale in _locales.values():
        if locale is not None and locale.pk == locale_id:
            return locale.language_code
    locale = Locale.objects.get(pk=locale_id)
    _locales[locale.language_code] = locale
    return locale.language_code


def page_locale(page):
    """The Locale of a page or snippet, from the per-process cache instead of a query."""
    return locale_for(locale_code(page.locale_id))


def default_locale():
    return locale_for(get_supported_language_variant(settings.LANGUAGE_CODE))


def active_locale():
    """The Locale of the language the visitor is reading in (the default outside a request)."""
    try:
        code = get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_locale()
    return locale_for(code) or default_locale()


def localize_pages(pages, queryset=None, locale=None):
    """Return `pages` in `locale` (default: the active one), in order, without duplicates.

    Each page is replaced by its live translation in the locale where one exists, and kept as it is
    otherwise (when it is live). Two pages that are translations of each other count once.
    `queryset` is where translations are looked up (so the caller can add select_related and
    prefetches for what it renders); by default the same model as the first page.
    """
    pages = list(pages)
    if not pages:
        return []
    locale = locale or active_locale()
    if queryset is None:
        queryset = type(pages[0]).objects.all()
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {}
    if keys:
        translations = {
            page.translation_key: page
            for page in queryset.live()
            .filter(public_q())
            .filter(locale=locale, translation_key__in=keys)
        }
    result, seen = [], set()
    for page in pages:
        if page.translation_key in seen:
            continue
        candidate = page if page.locale_id == locale.pk else translations.get(page.translation_key)
        if candidate is None and page.live:
            candidate = page
        if candidate is not None:
            seen.add(page.translation_key)
            result.append(candidate)
    return result


def in_visitor_language(queryset, locale=None):
    """The live, public pages of `queryset` in `locale` (default: the active one), with the
    default language's where a page has no live translation there, in the queryset's order
    in the queryset's order: one query. For lists whose rows are found by translation key (so
    both languages' pages match)."""
    locale = locale or active_locale()
    default = default_locale()
    rows = list(queryset.live().filter(public_q()).filter(locale_id__in={locale.pk, default.pk}))
    chosen = {}
    for row in rows:
        if row.locale_id == locale.pk or row.translation_key not in chosen:
            chosen[row.translation_key] = row
    kept = {id(row) for row in chosen.values()}
    return [row for row in rows if id(row) in kept]


def linked_pages(ids, queryset, locale=None):
    """The live, public pages with these ids, in the order given, in the visitor's language.

    Used for the forward side of inline link rows: the ids come from the rows (which also works in
    a preview, where the rows are not saved yet) and the pages from `queryset` in one query.
    """
    ids = list(ids)
    by_id = {page.pk: page for page in queryset.live().filter(public_q()).filter(pk__in=ids)}
    return localize_pages(
        [by_id[pk] for pk in ids if pk in by_id], queryset=queryset, locale=locale
    )


def localized_by_key(pages, queryset, locale):
    """{translation_key: the page in `locale`, or the given page where none is live there}."""
    missing = {page.translation_key for page in pages if page.locale_id != locale.pk}
    found = {}
    if missing:
        found = {
            page.translation_key: page
            for page in queryset.live()
            .filter(public_q())
            .filter(locale=locale, translation_key__in=missing)
        }
    result = {}
    for page in pages:
        if page.locale_id == locale.pk:
            result.setdefault(page.translation_key, page)
        elif page.translation_key in found:
            result.setdefault(page.translation_key, found[page.translation_key])
        elif page.live:
            result.setdefault(page.translation_key, page)
    return result


def prefetch_images(pages, fields):
    """The images of the named foreign keys of `pages` (of any types) and their renditions, read
    in two queries at most: one for the images, one for their renditions."""
    prefetch_images_of([(pages, fields)])


def prefetch_images_of(groups):
    """`prefetch_images` for several lists of pages at once, each with its own fields (`[(pages,
    fields), …]`): still two queries at most, for a page that shows several grids of cards."""
    slots, missing = [], set()
    for pages, fields in groups:
        for page, name in ((page, name) for page in pages for name in fields):
            try:
                field = page._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            image_id = getattr(page, field.attname)
            if image_id is None:
                continue
            slots.append((page, field, image_id))
            if not field.is_cached(page):
                missing.add(image_id)
    images = {}
    if missing:
        images = {image.pk: image for image in get_image_model().objects.filter(pk__in=missing)}
    for page, field, image_id in slots:
        if not field.is_cached(page) and image_id in images:
            field.set_cached_value(page, images[image_id])
    loaded = {
        id(image): image
        for page, field, _ in slots
        if (image := field.get_cached_value(page, None))
    }
    # Images whose renditions were read already are skipped by Django.
    prefetch_related_objects(list(loaded.values()), "renditions")


def shows(fields, *names):
    """Whether an API response with these `fields` (the names it shows; None: every field) shows
    any of `names`."""
    return fields is None or not set(names).isdisjoint(fields)


def prefetch_page_relations(pages, fields=None):
    """Read the relations of many pages at once (for API listings): each page type that defines
    `prefetch_relations(pages, fields)` fills its pages' relation caches in a fixed number of
    queries. With `fields` (the API fields shown), only the relations those fields show."""
    pages = list(pages)
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    image_model = get_image_model()
    image_fields = set()
    for model, group in by_model.items():
        image_fields.update(
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation
            and field.related_model is image_model
            and shows(fields, field.name)
        )
        locale_field = model._meta.get_field("locale")
        for page in group:
            if not locale_field.is_cached(page):
                locale_field.set_cached_value(page, page_locale(page))
        # A page that points at one other page (a clinical page's reviewer) shows that page in its
        # own language: read them all, then their translations, in one query each.
        for field in model._meta.concrete_fields:
            target = field.related_model
            if field.many_to_one and isinstance(target, type) and issubclass(target, Page):
                if field.name == "alias_of" or not shows(fields, field.name):
                    continue
                prefetch_related_objects(group, field.name)
                _store(
                    group,
                    field.name,
                    target.objects.all(),
                    lambda page, name=field.name: [p] if (p := getattr(page, name)) else [],
                )
        if hasattr(model, "prefetch_relations"):
            model.prefetch_relations(group, fields)
    prefetch_images(pages, sorted(image_fields))  # listing and social images: the same, often
    # Pages listed without a type are Wagtail's own Page, which shows no translations.
    if shows(fields, "translations"):
        _prefetch_translations([page for page in pages if hasattr(page, "get_api_translations")])


def _prefetch_translations(pages):
    if not pages:
        return
    keys = {page.translation_key for page in pages}
    translations = {}
    others = Page.objects.live().filter(public_q()).filter(translation_key__in=keys)
    for other in others.specific(defer=True):
        translations.setdefault(other.translation_key, []).append(other)
    for page in pages:
        remember(
            page,
            "translations",
            [other for other in translations.get(page.translation_key, []) if other.pk != page.pk],
        )


def prefetch_forward(pages, name, link_model, owner, target, target_queryset):
    """For each page, its `target` pages through `link_model` rows (ordered), in the page's own
    language, stored as `page._relations[name]`."""
    rows = (
        link_model.objects.filter(**{f"{owner}__in": [page.pk for page in pages]})
        .order_by(owner, "sort_order", "pk")
        .values_list(f"{owner}_id", f"{target}_id")
    )
    ids_by_owner = {}
    for owner_id, target_id in rows:
        ids_by_owner.setdefault(owner_id, []).append(target_id)
    all_ids = {pk for ids in ids_by_owner.values() for pk in ids}
    targets = {
        page.pk: page for page in target_queryset.live().filter(public_q()).filter(pk__in=all_ids)
    }
    _store(
        pages,
        name,
        target_queryset,
        lambda page: [targets[pk] for pk in ids_by_owner.get(page.pk, []) if pk in targets],
    )


def prefetch_reverse(pages, name, owner_queryset, lookup):
    """For each page, the pages of `owner_queryset` linking to it (in any language) through
    `lookup` (e.g. "location_links__location"), by title, stored as `page._relations[name]`."""
    keys = {page.translation_key for page in pages}
    owners = (
        owner_queryset.live()
        .filter(public_q())
        .filter(**{f"{lookup}__translation_key__in": keys})
        .annotate(linked_key=models.F(f"{lookup}__translation_key"))
        .order_by("title", "pk")
    )
    owners_by_key = {}
    for owner in owners:
        owners_by_key.setdefault(owner.linked_key, []).append(owner)
    _store(pages, name, owner_queryset, lambda page: owners_by_key.get(page.translation_key, []))


def _store(pages, name, queryset, related_for):
    """Localize every page's related pages to that page's language, one query per language."""
    by_locale = {}
    for page in pages:
        by_locale.setdefault(page.locale_id, []).append(page)
    for locale_id, group in by_locale.items():
        locale = locale_for(locale_code(locale_id))
        related = {page.pk: related_for(page) for page in group}
        localized = localized_by_key(
            [item for items in related.values() for item in items], queryset, locale
        )
        for page in group:
            seen, result = set(), []
            for item in related[page.pk]:
                if item.translation_key in seen or item.translation_key not in localized:
                    continue
                seen.add(item.translation_key)
                result.append(localized[item.translation_key])
            remember(page, name, result)


def remember(page, name, related):
    """Keep the relation `name` read in advance for `page` (a listing reads them together)."""
    if getattr(page, "prefetched_relations", None) is None:
        page.prefetched_relations = {}
    page.prefetched_relations[name] = related


def prefetched(page, name):
    """The relation `name` of `page` if a listing read it in advance, else None."""
    return (getattr(page, "prefetched_relations", None) or {}).get(name)


def unique_by_translation(*lists):
    """The pages of `lists` in order, each page (in whichever language) once."""
    seen, result = set(), []
    for pages in lists:
        for page in pages:
            if page.translation_key not in seen:
                seen.add(page.translation_key)
                result.append(page)
    return result


def merge_relations(pages, name, parts):
    """For a relation chosen from either side: the relations `parts` read in advance, joined as
    `name` (each page once, in the order of `parts`)."""
    for page in pages:
        remember(
            page, name, unique_by_translation(*(prefetched(page, part) or [] for part in parts))
        )
