"""The offices every page shows: in the footer and the contact boxes."""

from django import template
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from home import caching
from home.caching import public_q
from home.localization import localize_pages
from home.models import FooterContent, StandardPage
from home.templatetags.clinic_tags import (
    _cache_parts,
    _for_active_locale,
    _locale,
    _site_root,
    clinic_settings,
)
from locations.models import LocationPage

register = template.Library()


@register.simple_tag(takes_context=True)
def office_list(context):
    """Every live, public office in the visitor's language, in the editors' order, with hours.

    Computed once per request: the footer, the home page and contact boxes share it.
    """
    request = context.get("request")
    cached = getattr(request, "_clinic_offices", None)
    if cached is not None:
        return cached
    location_model = LocationPage

    def build():
        pages = location_model.objects.live().filter(public_q(request)).order_by("path")
        offices = localize_pages(
            pages,
            queryset=location_model.objects.select_related("listing_image"),
            locale=_locale(request),
        )
        # One query for the hours of every office shown, whichever locale each came from.
        prefetch_related_objects(offices, "opening_hours")
        return offices

    offices = (
        caching.fragment(request, "offices", _cache_parts(request), build)
        if request is not None
        else build()
    )
    if request is not None:
        request._clinic_offices = offices
    return offices


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's words, every office with address and phone, and the legal pages; the same
    on every page of a language, so it is rendered once per content generation."""
    request = context.get("request")
    html = caching.fragment(
        request,
        "footer",
        _cache_parts(request) if request is not None else ["-"],
        lambda: render_to_string("includes/site_footer.html", _footer_context(context)),
    )
    return mark_safe(html)  # rendered by the template engine, escaped there


def _footer_context(context):
    request = context.get("request")
    footers = _for_active_locale(FooterContent.objects.all(), request)
    # The footer in the visitor's language first, the default language's where there is none.
    active = _locale(request).pk
    footer = next(iter(sorted(footers, key=lambda row: row.locale_id != active)), None)
    root = _site_root(request)
    legal_pages = []
    if root is not None:
        legal_pages = list(
            StandardPage.objects.child_of(root)
            .live()
            .filter(public_q())
            .filter(show_in_menus=False)
        )
    return {
        "request": request,
        "footer": footer,
        "locations": office_list(context),
        "legal_pages": legal_pages,
        "root": root,
        "clinic": clinic_settings(context),
    }
