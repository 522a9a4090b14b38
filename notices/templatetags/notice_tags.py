"""The patient notices every page shows (footer) and the costs and appointment pages repeat."""

from django import template
from wagtail.models import Page

from home.caching import public_q
from home.navigation import request_locale
from home.templatetags.clinic_tags import for_active_locale
from notices.models import PatientNotices, Testimonial

register = template.Library()


PAGE_FIELDS = ["costs_page", "nondiscrimination_page", "language_assistance_page"]


def read_notices(request):
    """{"notices": the visitor's language's PatientNotices (else the default language's) or None,
    "costs_page", "nondiscrimination_page", "language_assistance_page": the live page in the
    visitor's language (else the page chosen), or None}.

    Read once per request: one query where the pages chosen are in the visitor's language (they
    come with the notices), and one more for their translations otherwise."""
    found = getattr(request, "patient_notices", None)
    if found is not None:
        return found
    rows = for_active_locale(PatientNotices.objects.select_related(*PAGE_FIELDS), request)
    locale = request_locale(request)
    notices = next(iter(sorted(rows, key=lambda row: row.locale_id != locale.pk)), None)
    found = {"notices": notices, **dict.fromkeys(PAGE_FIELDS)}
    if notices is not None:
        chosen = {name: getattr(notices, name) for name in PAGE_FIELDS}
        chosen = {name: page for name, page in chosen.items() if page is not None}
        elsewhere = {
            page.translation_key for page in chosen.values() if page.locale_id != locale.pk
        }
        translations = {}
        if elsewhere:
            translations = {
                page.translation_key: page
                for page in Page.objects.live()
                .filter(public_q())
                .filter(locale=locale, translation_key__in=elsewhere)
            }
        for name, page in chosen.items():
            shown = translations.get(page.translation_key, page)
            found[name] = shown if shown.live else None
    if request is not None:
        request.patient_notices = found
    return found


@register.simple_tag(takes_context=True)
def patient_notices(context):
    return read_notices(context.get("request"))


@register.inclusion_tag("notices/good_faith_estimate.html", takes_context=True)
def good_faith_estimate(context, heading_level=2):
    """The full Good Faith Estimate notice (the costs page, the appointment page)."""
    found = read_notices(context.get("request"))
    return {**found, "heading_level": heading_level, "request": context.get("request")}


@register.inclusion_tag("notices/civil_rights_links.html", takes_context=True)
def civil_rights_links(context):
    """Links to the nondiscrimination and language assistance notices."""
    return {**read_notices(context.get("request")), "request": context.get("request")}


@register.inclusion_tag("notices/testimonials.html", takes_context=True)
def testimonials(context, page=None, home=False):
    """The live testimonials with a valid authorization for `page` (a condition or treatment, in
    any language: they are found by its translation key) or for the home page, in the visitor's
    language: one query."""
    request = context.get("request")
    rows = Testimonial.objects.shown().select_related("topic")
    if home:
        rows = rows.filter(show_on_home_page=True)
    elif page is not None:
        rows = rows.filter(topic__translation_key=page.translation_key)
    else:
        rows = rows.none()
    return {"testimonials": for_active_locale(rows.order_by("pk"), request), "request": request}
