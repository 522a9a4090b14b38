"""The content API for partner apps: Wagtail's API v2 (REST framework) and v3 (Django Ninja).

Both serve the same `api_fields` of each page type. Only live, public pages are listed, with the
filters partners asked for; see docs/api.md.
"""

import functools

from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms.api_finder import NearFilter, PhysicianFilter
from cms.api_images import ClinicImagesAPIViewSet
from cms.api_messages import TranslatedErrorsMixin
from cms.api_query import CheckedDetailMixin, InvalidParameter, parse_moment
from cms.api_search import SiteSearchFilter, in_site_order
from home.blocks import chosen_objects_scope, prefetch_chosen_objects
from home.localization import locale_code, prefetch_page_relations


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
                    _("filtering by '%(name)s' needs type=%(types)s")
                    % {"name": param, "types": _(" or type=").join(types)}
                )
            value = request.GET[param]  # a page id: checked by cms.api_query
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
            moment = parse_moment(raw)
        except InvalidParameter as error:
            raise BadRequestError(error.message) from None
        return queryset.filter(last_published_at__gte=moment).order_by("last_published_at", "pk")


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


class ClinicPagesAPIViewSet(CheckedDetailMixin, TranslatedErrorsMixin, PagesAPIViewSet):
    base_serializer_class = ClinicPageSerializer
    filter_backends = [
        *PagesAPIViewSet.filter_backends[:-1],
        RelationFilter,
        PhysicianFilter,
        ChangedSinceFilter,
        NearFilter,  # orders by distance, after Wagtail's ordering
        SiteSearchFilter,  # in place of Wagtail's; search must stay last
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["condition", "location", "treatment", "changed_since", "near", "specialty", "language"]
    )
    meta_fields = [*PagesAPIViewSet.meta_fields, "last_published_at"]
    listed_fields = None  # a listing's fields, once its request is checked; None: every field

    @classmethod
    def get_listing_default_fields(cls, model):
        # An office listing shows each office's distance from `?near=` (null without it).
        fields = super().get_listing_default_fields(model)
        if "distance_miles" in cls.get_body_fields_names(model):
            fields.append("distance_miles")
        return fields

    @functools.cached_property
    def public_pages(self):
        """The request's live, public pages of its site. Wagtail's reads every view restriction
        and the root's translations each time it is asked, and one listing asks four times (its
        type, its page of results, its count, its parents): one view serves one request."""
        return super().get_base_queryset()

    def get_base_queryset(self):
        return self.public_pages.all()

    def detail_view(self, request, pk):
        self.check_detail_query()
        instance = self.get_object()
        # Links inside a page's rich text lead to pages in that page's own language.
        with chosen_objects_scope(), translation.override(locale_code(instance.locale_id)):
            prefetched_api_fields([instance])
            return Response(self.get_serializer(instance).data)

    def listing_view(self, request):
        # Unknown fields and formats are refused even when the page of results is empty; the
        # fields asked for are what the page of results reads in advance (paginate_queryset).
        self.listed_fields = self.get_serializer_class().Meta.fields
        self.resolve_rich_text_format()
        with chosen_objects_scope():
            return super().listing_view(request)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        # The serializer must see the very instances that were prefetched.
        pages = in_site_order(self.request, page)
        prefetched_api_fields(pages, self.listed_fields)
        return pages


def prefetched_api_fields(pages, fields=None):
    """Read what `fields` of these pages show (the API field names a response lists; None: every
    field) for all the pages at once, in a fixed number of queries: the images and pages chosen
    in those StreamFields and rich text and the pages' own images, and each page type's relations
    among them. A listing of a few fields reads nothing for the others: with every relation read,
    a listing of titles cost as much as one of every field."""
    fields = None if fields is None else set(fields)
    prefetch_chosen_objects(pages, fields=fields)
    prefetch_page_relations(pages, fields)


class ClinicDocumentsAPIViewSet(CheckedDetailMixin, TranslatedErrorsMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, its refusals in the request's language."""

    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.union(["locale"])


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
api_v2.register_endpoint("images", ClinicImagesAPIViewSet)
api_v2.register_endpoint("documents", ClinicDocumentsAPIViewSet)

__all__ = ["api_v2", "api_v3"]
