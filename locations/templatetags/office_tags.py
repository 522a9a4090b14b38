"""The offices every page shows: in the footer and the contact boxes."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from home import caching
from home.caching import public_q
from home.localization import default_locale
from home.models import FooterContent, StandardPage
from home.navigation import root_children
from home.templatetags.clinic_tags import (
    cache_parts,
    clinic_settings,
    for_active_locale,
    request_locale,
    site_root,
)
from locations.models import LocationPage
from notices.templatetags.notice_tags import read_notices

register = template.Library()

# Every page names the offices (footer, next step, contact boxes, home page); a network names its
# first few, in the editors' order, and links to the finder for the rest.
OFFICES_LISTED = 4


class OfficeList(list):
    """The offices a page names; `more` when the site has others, found from `finder_url`."""

    more = False
    finder_url = ""


@register.simple_tag(takes_context=True)
def office_list(context):
    """The first OFFICES_LISTED live, public offices in the visitor's language, in the editors'
    order, with hours; `more` says whether there are others.

    Read once per request: the footer, the home page and contact boxes share it.
    """
    request = context.get("request")
    offices = getattr(request, "clinic_offices", None)
    if offices is not None:
        return offices
    default = default_locale().pk
    shown = LocationPage.objects.live().filter(public_q())
    # The first offices in the default language's order (one more, to know whether there are
    # others), in the visitor's language where translated: one query with the subquery.
    first = (
        shown.filter(locale_id=default)
        .order_by("path")
        .values("translation_key")[: OFFICES_LISTED + 1]
    )
    rows = shown.filter(translation_key__in=first).select_related("listing_image").order_by("path")
    found = for_active_locale(rows, request)
    order = {
        row.translation_key: index for index, row in enumerate(found) if row.locale_id == default
    }
    found.sort(key=lambda row: order.get(row.translation_key, len(order)))
    offices = OfficeList(found[:OFFICES_LISTED])
    offices.more = len(found) > OFFICES_LISTED
    if offices.more:
        # The offices' index (their parent) holds the finder.
        offices.finder_url = offices[0].get_url(request).rsplit("/", 2)[0] + "/"
    # One query for the hours of every office shown, whichever locale each came from.
    prefetch_related_objects(offices, "opening_hours")
    if request is not None:
        request.clinic_offices = offices
    return offices


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's words, every office with address and phone, the Good Faith Estimate notice,
    the links to the nondiscrimination and language assistance notices and the legal pages; the same
    on every page of a language, so it is rendered once per content version."""
    request = context.get("request")
    html = caching.fragment(
        request,
        "footer",
        cache_parts(request) if request is not None else ["-"],
        lambda: render_to_string("includes/site_footer.html", _footer_context(context)),
    )
    return mark_safe(html)  # rendered by the template engine, escaped there


def _footer_context(context):
    request = context.get("request")
    footers = for_active_locale(FooterContent.objects.all(), request)
    # The footer in the visitor's language first, the default language's where there is none.
    active = request_locale(request).pk
    footer = next(iter(sorted(footers, key=lambda row: row.locale_id != active)), None)
    root = site_root(request)
    notices = read_notices(request)
    # The notices' own pages are linked beside the Good Faith Estimate, not again in the list.
    linked = {
        page.translation_key
        for page in (notices["nondiscrimination_page"], notices["language_assistance_page"])
        if page is not None
    }
    legal_pages = []
    if root is not None:
        standard = ContentType.objects.get_for_model(StandardPage).pk
        legal_pages = [
            child
            for child in root_children(request, root)
            if child.content_type_id == standard
            and not child.show_in_menus
            and child.translation_key not in linked
        ]
    return {
        **notices,
        "request": request,
        "footer": footer,
        "locations": office_list(context),
        "legal_pages": legal_pages,
        "root": root,
        "clinic": clinic_settings(context),
    }
