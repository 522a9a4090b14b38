"""The content API for partner apps: Wagtail's API v2 (REST framework) and v3 (Django Ninja).

Both serve the same `api_fields` of each page type. Only live, public pages are listed, with the
filters partners asked for; see docs/api.md.
"""

import functools
import hashlib

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from home import caching
from home.blocks import chosen_objects_scope, prefetch_chosen_objects
from home.localization import locale_code, prefetch_page_relations

# How long a listing's items are kept, at most (a change replaces them at once).
ITEM_SECONDS = 5 * 60


class RelationFilter(BaseFilterBackend):
    """`?condition=<id>` and `?location=<id>` for treatments, `?location=<id>` for physicians,
    `?condition=<id>` and `?treatment=<id>` for articles.

    The id may be of the related page in any language: relations are matched by translation key.
    """

    relations = {
        ("treatments", "TreatmentPage", "condition"): "condition_links__condition",
        ("treatments", "TreatmentPage", "location"): "location_links__location",
        ("locations", "PhysicianPage", "location"): "location_links__location",
        ("articles", "ArticlePage", "condition"): "condition_links__condition",
        ("articles", "ArticlePage", "treatment"): "treatment_links__treatment",
    }

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        for param in ("condition", "location", "treatment"):
            if param not in request.GET:
                continue
            lookup = self.relations.get((model._meta.app_label, model.__name__, param))
            if lookup is None:
                types = [f"{app}.{name}" for app, name, key in self.relations if key == param]
                raise BadRequestError(
                    f"filtering by '{param}' needs type={' or type='.join(types)}"
                )
            value = request.GET[param]
            if not value.isdigit():
                raise BadRequestError(f"'{param}' must be a page id (a positive integer)")
            related_model = model._meta.get_field(lookup.split("__")[0]).related_model
            target_model = related_model._meta.get_field(lookup.split("__")[1]).related_model
            key = target_model.objects.filter(pk=int(value)).values_list(
                "translation_key", flat=True
            )
            queryset = queryset.filter(**{f"{lookup}__translation_key__in": key}).distinct()
        return queryset


class ChangedSinceFilter(BaseFilterBackend):
    """`?changed_since=<ISO 8601 date-time>`: pages published at or after that moment, oldest first,
    so a partner can sync incrementally by remembering the last `last_published_at` it saw."""

    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("changed_since")
        if raw is None:
            return queryset
        try:
            moment = parse_datetime(raw)
        except ValueError:
            moment = None
        if moment is None:
            raise BadRequestError(
                "changed_since must be an ISO 8601 date-time, e.g. 2026-01-31T09:00:00Z"
            )
        return queryset.filter(last_published_at__gte=moment).order_by("last_published_at", "pk")


class ClinicPageParentField(PageParentField):
    """Wagtail's `meta.parent`, without its two queries for a page read from the cache, which
    carries its parent and whether partners may see it (`ClinicPagesAPIViewSet.get_object`)."""

    def get_attribute(self, instance):
        listed = instance.__dict__.get("_clinic_parent_listed")
        parent = super().get_attribute(instance) if listed is None else None
        if listed:
            parent = instance.get_parent()
        # Of its own type (`meta.type`), and no query: only the fields every page has.
        return parent.specific_deferred if parent is not None else None


class ClinicPageHtmlUrlField(PageHtmlUrlField):
    """Wagtail's `meta.html_url`, with the sites' root paths read once per request rather than
    once per page listed."""

    def to_representation(self, page):
        try:
            return page.get_full_url(self.context.get("request"))
        except NoReverseMatch:
            return None


class ClinicPageSerializer(PageSerializer):
    html_url = ClinicPageHtmlUrlField(read_only=True)
    parent = ClinicPageParentField(read_only=True)


class ClinicPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = ClinicPageSerializer
    filter_backends = [
        *PagesAPIViewSet.filter_backends[:-1],
        RelationFilter,
        ChangedSinceFilter,
        PagesAPIViewSet.filter_backends[-1],  # search must stay last
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["condition", "location", "treatment", "changed_since"]
    )
    meta_fields = [*PagesAPIViewSet.meta_fields, "last_published_at"]

    def get_base_queryset(self):
        # Asked for by the pages served and again by the serializer: built once a request.
        if not hasattr(self, "_base_queryset"):
            pages = self._public_pages_from_the_cache()
            self._base_is_public = pages is not None
            self._base_queryset = super().get_base_queryset() if pages is None else pages
        return self._base_queryset

    def get_object(self):
        """The page asked for, kept per content generation (with its parent and whether that is
        listed) wherever the base queryset is the public one; Wagtail's lookup otherwise."""
        if hasattr(self, "_cached_object"):
            return self._cached_object
        self.get_base_queryset()
        if not self._base_is_public:
            return super().get_object()
        request = self.request
        # Filters (`?type=`, `?locale=`, …) can make the same id a 404: they are part of the key.
        query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
        site = Site.find_for_request(request)

        def build():
            try:
                page = super(ClinicPagesAPIViewSet, self).get_object()
            except Http404:
                return None  # not kept
            parent = page.get_parent()
            page._clinic_parent_listed = (
                parent is not None and self.get_base_queryset().filter(pk=parent.pk).exists()
            )
            # Kept with what it shows: its relations, images and the objects its body chooses.
            with chosen_objects_scope() as chosen:
                self._prefetch(page)
            page._clinic_chosen = chosen
            return page

        page = caching.fragment(request, "api-page", [site.pk, self.kwargs["pk"], query], build)
        if page is None:
            return super().get_object()  # Wagtail's own 404
        self._cached_object = page
        return page

    def _public_pages_from_the_cache(self):
        """Wagtail's base queryset (live pages under the site's root in every language, outside
        private sections) from what the cache keeps per content generation, instead of two
        queries a call; None, for Wagtail to build it, where a section is private (a visitor
        may have passed its password) or `?site=` names another site."""
        request = self.request
        if request.GET.get("site") or caching.restricted_paths(request):
            return None
        site = Site.find_for_request(request)
        if site is None:
            return None

        def build():
            root = Page.objects.get(pk=site.root_page_id)
            return list(root.get_translations(inclusive=True).values_list("path", flat=True))

        under_a_root = Q()
        for path in caching.fragment(request, "site-roots", [site.pk], build):
            under_a_root |= Q(path__startswith=path)
        return Page.objects.live().filter(under_a_root)

    @staticmethod
    def _prefetch(page):
        # Read as a listing reads them, a query per kind (or none, for a page from the cache).
        with translation.override(locale_code(page.locale_id)):
            prefetch_chosen_objects([page])  # first: it reads the page's own images too
            prefetch_page_relations([page])

    def detail_view(self, request, pk):
        instance = self.get_object()
        chosen = instance.__dict__.get("_clinic_chosen")
        # Links inside a page's rich text lead to pages in that page's own language.
        with chosen_objects_scope(chosen), translation.override(locale_code(instance.locale_id)):
            if chosen is None:
                self._prefetch(instance)
            return Response(self.get_serializer(instance).data)

    def listing_view(self, request):
        """Wagtail's listing, with each page's item kept per content generation where the pages
        listed are the public ones: a listing reads the ids of the pages it shows and builds only
        the items no listing of the same fields has built since the last change."""
        with chosen_objects_scope():
            queryset = self.get_queryset()
            self.check_query_parameters(queryset)
            queryset = self.filter_queryset(queryset)
            if not (self._base_is_public and isinstance(queryset, QuerySet)):  # not a search
                pages = self.paginate_queryset(queryset)
                return self.get_paginated_response(self.get_serializer(pages, many=True).data)
            ids = list(
                self.paginator.paginate_queryset(
                    queryset.values_list("pk", flat=True), request, view=self
                )
            )

            def build(missing):
                pages = self._prefetch_listed(list(queryset.filter(pk__in=missing)))
                items = self.get_serializer(pages, many=True).data
                return {page.pk: item for page, item in zip(pages, items, strict=True)}

            key = self._item_key(queryset)
            # Only in the shared cache, and not for long: every combination of fields asked for
            # is an item of its own, and must not crowd the menus and footers out of each
            # process's copies.
            items = caching.fragments(
                request, "api-item", key, ids, build, timeout=ITEM_SECONDS, local=False
            )
            # A page deleted between the two reads is left out.
            return self.get_paginated_response([items[pk] for pk in ids if pk in items])

    def _item_key(self, queryset):
        """What an item depends on besides its page: the site (`detail_url` and `html_url` are
        built from its root URL), the fields it shows, the rich text format and language asked
        for, and the date (a location's upcoming changes to its hours).

        Also where unknown fields and formats are refused (400), as Wagtail refuses them on
        serializing: an empty page of results serializes nothing."""
        request = self.request
        site = Site.find_for_request(request)
        asked = (
            _shape(self.get_serializer_class()),
            self.resolve_rich_text_format(),
            translation.get_language(),
            timezone.localdate().isoformat(),
        )
        digest = hashlib.sha256(repr(asked).encode()).hexdigest()
        return [site.pk if site else "", digest]

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else self._prefetch_listed(list(page))

    @staticmethod
    def _prefetch_listed(pages):
        # The relations of every page listed are read together, in a fixed number of queries;
        # the serializer must see the very instances that were prefetched.
        prefetch_chosen_objects(pages)  # chosen in StreamFields, and the pages' own images
        prefetch_page_relations(pages)
        return pages


def _shape(serializer_class):
    """The fields a serializer of Wagtail's API writes, nested ones included, in their order:
    requests that spell the same fields differently (`fields=title,title`) share items, and an
    item's key changes with the page type's `api_fields`."""
    nested = serializer_class.child_serializer_classes
    return (
        serializer_class.Meta.model._meta.label_lower,
        tuple(serializer_class.Meta.fields),
        tuple(serializer_class.meta_fields),
        tuple((name, _shape(nested[name])) for name in sorted(nested)),
    )


class ClinicAPIRouter(WagtailAPIRouter):
    """Wagtail's router, remembering each object's detail path (`meta.detail_url`): a listing
    of 100 pages spent 3 ms reversing the same URL pattern 100 times."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.get_object_detail_urlpath = functools.lru_cache(maxsize=20_000)(
            super().get_object_detail_urlpath
        )


api_v2 = ClinicAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", ClinicPagesAPIViewSet)
api_v2.register_endpoint("images", ImagesAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)

__all__ = ["api_v2", "api_v3"]
