"""Links to the appointment request page, prefilled with an office or a topic."""

from django import template
from django.utils.http import urlencode

from appointments.models import appointment_page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def appointment_url(context, office=None, topic=None):
    """The request page's URL with `?office=<page id>&topic=<page id>` (which only prefill the
    form) and `from=<page id>` (the page the link is on, counted for the site traffic report
    when a request is sent), or "" when the site has no live request page."""
    url = appointment_page_url(context.get("request"))
    if not url:
        return ""
    params = {}
    here = context.get("page")
    for name, target in (("office", office), ("topic", topic), ("from", here)):
        if getattr(target, "pk", None) is not None:
            params[name] = target.pk
    return f"{url}?{urlencode(params)}" if params else url
