"""`?search=` in the content API finds what the site's search finds (docs/api.md, "Search"): the
editors' synonyms, every word then any word with plain singulars, then, on PostgreSQL, fuzzy
matching for misspellings ("migrane") — `search.views.run_search`, the site's own steps — and,
as on the site, the home page (which mentions everything) is no result and titles that hold the
query's words come first in each page of results.

With `order` or `search_operator` a partner asks for Wagtail's plain search instead, as before.
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale
from wagtail.search.backends.base import FilterFieldError

from search.views import apply_synonyms, run_search, searchable_pages, title_matches_first


def with_synonyms(request, query):
    """The query with the editors' synonyms of the `?locale=` asked for (of every language
    without one)."""
    locales = Locale.objects.all()
    if code := request.GET.get("locale"):
        locales = locales.filter(language_code=code)
    expanded = query
    for locale in locales:
        expanded = apply_synonyms(expanded, locale, request)
    return expanded


class SiteSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET or {"order", "search_operator", "tags"} & set(request.GET):
            return super().filter_queryset(request, queryset, view)
        query = request.GET["search"]
        # Kept for `in_site_order`, which orders each page of results as the site does.
        request.api_site_search = (query, with_synonyms(request, query))
        try:
            return run_search(query, request.api_site_search[1], searchable_pages(queryset))
        except FilterFieldError as error:
            raise BadRequestError(
                _("cannot filter by '%(name)s' while searching (field is not indexed)")
                % {"name": error.field_name}
            ) from error


def in_site_order(request, pages):
    """One page of results with the pages whose title holds more of the query's words first, as
    the site's search shows them; other listings as they are."""
    if getattr(request, "api_site_search", None) is None:
        return pages
    return title_matches_first(pages, *request.api_site_search)
