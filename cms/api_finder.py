"""The office finder and the physician directory in the content API (docs/api.md, "Offices near
a place" and "Physicians by specialty, language and new patients").

`?near=<ZIP code or town>` on `type=locations.LocationPage` lists offices nearest first with
`distance_miles`, the place found as the site's finder finds it (`locations/finder.py`, offline
ZIP code centroids). `?specialty=` and `?language=` on `type=locations.PhysicianPage` compare as
the site's directory does (`locations/directory.py`); offices (`?location=`) and
`?accepting_new_patients=` are filtered by the database. Each adds one narrow query to a listing.
"""

from django.conf import settings
from django.db.models import Case, F, FloatField, Value, When
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend

from cms.api_query import InvalidParameter
from locations import finder
from locations.blocks import CONSULTATION_LANGUAGES
from locations.directory import physicians_matching
from locations.models import LocationPage, PhysicianPage

LANGUAGE_CODES = frozenset(code for code, _name in CONSULTATION_LANGUAGES)


def needs_type(queryset, name, model):
    if not issubclass(queryset.model, model):
        raise InvalidParameter(
            name, _("%(name)s needs type=%(type)s") % {"name": name, "type": model._meta.label}
        )


class NearFilter(BaseFilterBackend):
    """`?near=06880` or `?near=Westport, CT`: offices nearest first, each with `distance_miles`;
    an office without coordinates comes last, with none."""

    def filter_queryset(self, request, queryset, view):
        near = request.GET.get("near")
        if near is None:
            return queryset
        needs_type(queryset, "near", LocationPage)
        for other in ("order", "search"):
            if other in request.GET:
                raise InvalidParameter(
                    other,
                    _("near lists offices nearest first: leave out %(name)s") % {"name": other},
                )
        try:
            place = finder.find_place(near)  # its explanation in the request's language
        except finder.PlaceNotFound as problem:
            raise InvalidParameter("near", problem.args[0]) from None
        # Every office's distance from its coordinates alone, in Python; the database is told
        # those of the offices up to the end of the page asked for (the rest are not listed),
        # and orders by them, by path where two are as far.
        points = list(queryset.order_by("path").values_list("pk", "latitude", "longitude"))
        path_order = {pk: position for position, (pk, _latitude, _longitude) in enumerate(points)}
        measured = sorted(
            (round(miles, 1), path_order[pk], pk)
            for pk, miles in finder.nearest_points(points, place)
            if miles is not None
        )
        shown = measured[: self.listed_up_to(request)]
        distance = Case(
            *(When(pk=pk, then=Value(miles)) for miles, _position, pk in shown),
            default=Value(None),
            output_field=FloatField(),
        )
        return queryset.annotate(distance_miles=distance).order_by(
            F("distance_miles").asc(nulls_last=True), "path"
        )

    @staticmethod
    def listed_up_to(request):
        """How many offices the listing reaches: its offset and limit (checked where they enter,
        cms/api_query.py), as Wagtail's pagination reads them."""
        limit = request.GET.get("limit", "")
        offset = request.GET.get("offset", "")
        limit = int(limit) if limit.isdigit() else min(20, settings.WAGTAILAPI_LIMIT_MAX)
        return (int(offset) if offset.isdigit() else 0) + limit


class PhysicianFilter(BaseFilterBackend):
    """`?specialty=Psychiatry` (any case) and `?language=es` (a language code) for physicians."""

    def filter_queryset(self, request, queryset, view):
        specialty = request.GET.get("specialty")
        language = request.GET.get("language")
        for name, value in (("specialty", specialty), ("language", language)):
            if value is not None:
                needs_type(queryset, name, PhysicianPage)
        if specialty is not None and not specialty.strip():
            raise InvalidParameter(
                "specialty", _("specialty must name a specialty, e.g. Psychiatry")
            )
        if language is not None and language not in LANGUAGE_CODES:
            raise InvalidParameter(
                "language", _("language must be a language code in lower case, e.g. en or es")
            )
        if specialty is None and language is None:
            return queryset
        return queryset.filter(pk__in=physicians_matching(queryset, specialty, language))
