"""The content API's query parameters, checked where they enter (API v2 and v3, Wagtail's own v3
endpoints included), before any of them reaches a view or the database.

A value the database could not take answers 400 with a JSON body naming the parameter, instead
of an error deep in a query: integers past what a column or `OFFSET` holds ("bigint out of
range"), NUL and other control characters ("A string literal cannot contain NUL"), date-times
that leave the calendar once turned into UTC (an overflow), absurd lengths, and one value given
twice. `?search=` is not refused but reduced to plain words, as the site's search does. What
passes here is still checked by Wagtail's views (an unknown field, a page that does not exist).

Parameters Wagtail would silently ignore are refused too: API v3's pages refuse the filters only v2
has (`V2_ONLY_FILTERS`), every address of v3 any name that neither its OpenAPI description nor,
on a listing, its items' fields know, and a v2 item's address (`CheckedDetailMixin`) what it does
not take.

See docs/api.md, "Errors".
"""

import datetime
import functools
import re
from dataclasses import dataclass
from http import HTTPStatus

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.response import Response

from search.views import clean_query, search_terms

API_PREFIX = "/api/"

# Page, image and document ids are 32-bit columns; no listing has two billion items.
MAX_INTEGER = 2**31 - 1
MAX_LENGTH = 500
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
INTEGER = re.compile(r"-?[0-9]+")


class InvalidParameter(ValueError):
    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Integer:
    """A whole number from `minimum` to `maximum`, or one of the `words` (`child_of=root`)."""

    minimum: int = 0
    maximum: int = MAX_INTEGER
    words: tuple = ()
    # Wagtail's v3 `user_id` also takes a user name: only what looks like a number is checked.
    numbers_only: bool = True

    def check(self, name, value):
        if value in self.words:
            return
        if not INTEGER.fullmatch(value):
            if self.numbers_only:
                raise InvalidParameter(name, self.describe(name))
            return
        if not self.minimum <= int(value) <= self.maximum:
            raise InvalidParameter(name, self.describe(name))

    def describe(self, name):
        numbers = {"name": name, "minimum": self.minimum, "maximum": self.maximum}
        if not self.words:
            return _("%(name)s must be a whole number from %(minimum)d to %(maximum)d") % numbers
        words = _(" or ").join(f"'{word}'" for word in self.words)
        return _("%(name)s must be a whole number from %(minimum)d to %(maximum)d or %(words)s") % {
            **numbers,
            "words": words,
        }


@dataclass(frozen=True)
class Choice:
    """One of a few words (`accepting_new_patients=true`)."""

    words: tuple

    def check(self, name, value):
        if value not in self.words:
            raise InvalidParameter(
                name,
                _("%(name)s must be %(words)s")
                % {"name": name, "words": _(" or ").join(f'"{word}"' for word in self.words)},
            )


@dataclass(frozen=True)
class DateTime:
    """An ISO 8601 date-time that stays inside the calendar in UTC (9999-12-31T23:00-05:00 does
    not). Without an offset it is read in the clinic's time zone."""

    def check(self, name, value):
        parse_moment(value, name)


def parse_moment(value, name="changed_since"):
    """The aware date-time an ISO 8601 value names; InvalidParameter if it names none."""
    message = _(
        "%(name)s must be an ISO 8601 date-time between years 1 and 9999, e.g. 2026-01-31T09:00:00Z"
    ) % {"name": name}
    try:
        moment = datetime.datetime.fromisoformat(value)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        moment.astimezone(datetime.UTC)  # what the database is sent
    except (ValueError, OverflowError):
        raise InvalidParameter(name, message) from None
    return moment


IDS = Integer(minimum=1)
PAGE_OR_ROOT = Integer(minimum=1, words=("root",))

PARAMETERS = {
    "offset": Integer(),
    "id": Integer(minimum=-MAX_INTEGER),  # v3's redirect ids are looked up as given
    "child_of": PAGE_OR_ROOT,
    "descendant_of": PAGE_OR_ROOT,
    "ancestor_of": IDS,
    "translation_of": Integer(minimum=1, words=("root",), numbers_only=False),
    "condition": IDS,
    "location": IDS,
    "treatment": IDS,
    "user_id": Integer(numbers_only=False),
    "accepting_new_patients": Choice(("true", "false")),
    "search_operator": Choice(("and", "or")),
    "changed_since": DateTime(),
    "created_at_from": DateTime(),
    "created_at_to": DateTime(),
    "approved_go_live_at_from": DateTime(),
    "approved_go_live_at_to": DateTime(),
}
# Parameters that may be given more than once (`?type=a&type=b` in v3).
LISTS = {"type", "order", "fields"}


def parameters():
    """The checked parameters; `limit` goes up to the API's own maximum."""
    return {
        **PARAMETERS,
        "limit": Integer(minimum=1, maximum=settings.WAGTAILAPI_LIMIT_MAX),
        # A language the site has no content in is a bad request, not a missing page.
        "locale": Choice(tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)),
    }


def check_query(query):
    """Raise InvalidParameter for the first parameter of `query` (a QueryDict) that the API
    refuses; return a copy whose `search` is reduced to plain words."""
    kinds = parameters()
    for name, values in query.lists():
        if len(name) > 40 or CONTROL_CHARACTERS.search(name):
            raise InvalidParameter(
                "a parameter", _("a parameter name holds control characters or is too long")
            )
        if len(values) > 1 and name not in LISTS:
            raise InvalidParameter(
                name,
                _("%(name)s is given %(count)d times: give it once")
                % {"name": name, "count": len(values)},
            )
        if name == "search":
            continue
        for value in values:
            if len(value) > MAX_LENGTH:
                raise InvalidParameter(
                    name,
                    _("%(name)s is longer than %(length)d characters")
                    % {"name": name, "length": MAX_LENGTH},
                )
            if CONTROL_CHARACTERS.search(value):
                raise InvalidParameter(
                    name, _("%(name)s must not contain control characters") % {"name": name}
                )
            kind = kinds.get(name)
            if kind is not None:
                kind.check(name, value)
    if "search" not in query:
        return query
    cleaned = query.copy()
    cleaned["search"] = search_terms(clean_query(query["search"]))
    return cleaned


# What a single item's address (`/api/v2/pages/<id>/`, images, documents) takes: the fields to
# show, the format of rich text, the language (`locale`), and what Wagtail's browsable renderer
# and jQuery's cache-busting send. Anything else there is refused as listings refuse it.
DETAIL_PARAMETERS = frozenset(["fields", "rich_text_format", "locale", "format", "_"])


def check_detail_query(query, allowed=DETAIL_PARAMETERS):
    """Raise InvalidParameter naming the first parameter of `query` an item's address does not
    take (Wagtail's v2 detail views would ignore it)."""
    unknown = sorted(set(query) - allowed)
    if unknown:
        raise InvalidParameter(
            unknown[0],
            _("%(name)s is not a parameter of a single item: it takes %(allowed)s")
            % {"name": unknown[0], "allowed": ", ".join(sorted(allowed - {"_"}))},
        )


class CheckedDetailMixin:
    """For Wagtail's v2 endpoints: a detail address refuses the parameters it does not take, with
    400 naming the parameter, and any InvalidParameter a view or filter raises answers so."""

    detail_query_parameters = DETAIL_PARAMETERS

    def check_detail_query(self):
        check_detail_query(self.request.GET, self.detail_query_parameters)

    def detail_view(self, request, pk):
        self.check_detail_query()
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, InvalidParameter):
            return Response({"message": exc.message, "parameter": exc.name}, status=400)
        return super().handle_exception(exc)


# API v3 is Wagtail's own (Django Ninja) and has no public place for a project's filters: these
# v2 filters are refused by its pages, pointing to v2, instead of being ignored (docs/api.md,
# "API v3").
V2_ONLY_FILTERS = (
    "near",
    "specialty",
    "language",
    "location",
    "condition",
    "treatment",
    "changed_since",
)
V3_PREFIX = f"{API_PREFIX}v3"


def check_v3_query(path, query):
    """Raise InvalidParameter for a parameter an address of API v3 would ignore: on its pages a
    filter of v2's, and on every address a name that is neither one of its parameters nor, on a
    listing, a field of its items it filters by. What an address takes is read from v3's own
    OpenAPI description; an address it does not describe is left to its view."""
    found = v3_operation(path)
    if found is None:
        return
    template, values = found
    if template.startswith("/pages/"):
        for name in V2_ONLY_FILTERS:
            if name in query:
                raise InvalidParameter(
                    name,
                    _(
                        "%(name)s is a filter of API v2 only: ask /api/v2/pages/ with the same "
                        "parameters (docs/api.md, API v3)"
                    )
                    % {"name": name},
                )
    allowed = v3_query_parameters()[template] | {"locale"}
    unknown = set(query) - allowed
    if unknown and template in v3_field_filters():
        fields = v3_filter_fields(template, values, query, ignored=allowed)
        if fields is None:  # an unknown type: Wagtail refuses it
            return
        unknown -= fields
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidParameter(
            name,
            _("%(name)s is not a parameter of API v3 here, nor a field it can filter by")
            % {"name": name},
        )


@functools.cache
def v3_query_parameters():
    """{address template: the query parameters it takes} for each address API v3 reads (GET),
    from its OpenAPI description (about a second to build, once per process)."""
    from cms.api import api_v3

    described = api_v3.get_openapi_schema(path_prefix="")["paths"]
    return {
        template: frozenset(
            parameter["name"]
            for parameter in operations["get"].get("parameters", ())
            if parameter["in"] == "query"
        )
        for template, operations in described.items()
        if "get" in operations
    }


@functools.cache
def v3_addresses():
    """[(regular expression, template)], the addresses without a path parameter first, so that
    /pages/find/ is not taken for a page's id."""
    templates = sorted(v3_query_parameters(), key=lambda template: template.count("{"))
    return [
        (re.compile(re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(template))), template)
        for template in templates
    ]


def v3_operation(path):
    """(template, {path parameter: value}) of the v3 address `path` is, or None."""
    if not path.startswith(V3_PREFIX):
        return None
    rest = path.removeprefix(V3_PREFIX)
    for pattern, template in v3_addresses():
        match = pattern.fullmatch(rest)
        if match:
            return template, match.groupdict()
    return None


def page_type(values, query):
    from wagtail.models import Page

    types = query.getlist("type")
    if len(types) > 1:
        return Page
    model = resolve_model(types[0]) if types else Page
    return model if model is not None and issubclass(model, Page) else None


def resolve_model(name):
    from wagtail.coreutils import resolve_model_string

    try:
        return resolve_model_string(name)
    except (LookupError, ValueError):
        return None


def snippet_type(values, query):
    return resolve_model(values["type"])


@functools.cache
def v3_field_filters():
    """The listings that also filter by their items' fields (Wagtail's APIFieldFilterSchema):
    {template: (the model, from the path and query, and the fields every item is filtered by)}."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.contrib.redirects.api.v3.router import BASE_REDIRECT_READ_FIELDS
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.documents.api.v3.router import BASE_DOCUMENT_READ_FIELDS
    from wagtail.images import get_image_model
    from wagtail.images.api.v3.router import BASE_IMAGE_READ_FIELDS

    return {
        "/pages/": (page_type, BASE_PAGE_READ_FIELDS),
        "/images/": (lambda values, query: get_image_model(), BASE_IMAGE_READ_FIELDS),
        "/documents/": (lambda values, query: get_document_model(), BASE_DOCUMENT_READ_FIELDS),
        "/redirects/": (lambda values, query: Redirect, BASE_REDIRECT_READ_FIELDS),
        "/snippets/{type}/": (snippet_type, None),
    }


def v3_filter_fields(template, values, query, ignored):
    """The names in `query` that the listing `template` filters its items by, as Wagtail's own
    schema finds them; None when the path or `type` names no model."""
    from wagtail.api.v3.schemas.params import APIFieldFilterSchema

    find_model, base_fields = v3_field_filters()[template]
    model = find_model(values, query)
    if model is None:
        return None
    if base_fields is None:  # a snippet's own primary key
        base_fields = [model._meta.pk.name]
    found = APIFieldFilterSchema(
        raw_params=query, base_fields=list(base_fields), ignore_fields=set(ignored)
    ).get_validated_fields(model.objects.none())
    return frozenset(found)


def api_error(request, status, message, **extra):
    """An error in the API's shape: v2's `{"message": …}`, or v3's problem details
    (`application/problem+json`, RFC 9457), with any `extra` members (the `parameter`)."""
    if request.path.startswith(f"{API_PREFIX}v3/"):
        body = {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": message,
            **extra,
        }
        return JsonResponse(body, status=status, content_type="application/problem+json")
    return JsonResponse({"message": message, **extra}, status=status)


def bad_request(request, error):
    """400 naming the parameter, in the API's shape (`api_error`)."""
    return api_error(request, 400, error.message, parameter=error.name)


class APIQueryMiddleware:
    """Checks the query of every request to /api/ (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX):
            try:
                request.GET = check_query(request.GET)
                check_v3_query(request.path, request.GET)
            except InvalidParameter as error:
                return bad_request(request, error)
        return self.get_response(request)
