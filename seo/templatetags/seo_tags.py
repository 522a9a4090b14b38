"""Tags for what search engines read: the page's schema.org structured data."""

from django import template
from django.templatetags.static import static
from wagtail.models import Page

from home import caching
from home.models import ClinicSettings, HomePage
from locations.templatetags.office_tags import office_list
from seo.structured_data import absolute, page_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD, built from its content and what the page already fetched to show."""
    page = context.get("page")
    request = context.get("request")
    if (
        request is not None
        and isinstance(page, Page)
        and page.pk
        and not getattr(request, "is_preview", False)
    ):
        # The same for every visitor of the page; rebuilt when anything on the site changes.
        return caching.fragment(
            request,
            "json-ld",
            [page.pk, request.get_host(), request.scheme],
            lambda: _structured_data(context, page, request),
        )
    return _structured_data(context, page, request)


def _structured_data(context, page, request):
    data = context.flatten()
    if isinstance(page, HomePage):
        data["clinic_settings"] = (
            ClinicSettings.for_request(request) if request is not None else None
        )
        data["offices"] = office_list(context)
        data["logo_url"] = absolute(request, static("images/logo.svg"))
    return page_json_ld(page, request, data)
