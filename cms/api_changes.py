"""`GET /api/v2/changes/` and `/api/v3/changes/`: the change feed partners/changes.py records.

`?since=<cursor>` continues after the change a cursor names (from the start without it);
`?limit=` up to WAGTAILAPI_LIMIT_MAX, default 100. Each answer gives `next`, the cursor to
send next time (the same one when nothing has changed), and `has_more`.
"""

import base64
import binascii

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cms.api_query import InvalidParameter, bad_request
from partners.models import PageChange

DEFAULT_LIMIT = 100
CURSOR_PREFIX = "pc1:"


def not_a_cursor():
    return InvalidParameter("since", _("since must be a cursor this feed gave (its `next`)"))


def cursor(change_id):
    token = f"{CURSOR_PREFIX}{change_id}".encode()
    return base64.urlsafe_b64encode(token).decode().rstrip("=")


def after(value):
    """The change id a cursor names; InvalidParameter if it names none."""
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise not_a_cursor() from None
    number = text.removeprefix(CURSOR_PREFIX)
    if not text.startswith(CURSOR_PREFIX) or not number.isascii() or not number.isdigit():
        raise not_a_cursor()
    if len(number) > 18:
        raise not_a_cursor()
    return int(number)


def limit(request):
    raw = request.GET.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    return int(raw)  # checked by cms.api_query: 1 to WAGTAILAPI_LIMIT_MAX


@require_safe
def changes(request):
    unknown = set(request.GET) - {"since", "limit"}
    if unknown:
        name = sorted(unknown)[0]
        return bad_request(
            request,
            InvalidParameter(
                name, _("%(name)s is not a parameter of the change feed") % {"name": name}
            ),
        )
    try:
        since = after(request.GET["since"]) if "since" in request.GET else 0
    except InvalidParameter as error:
        return bad_request(request, error)
    count = min(limit(request), settings.WAGTAILAPI_LIMIT_MAX)
    found = list(PageChange.objects.filter(pk__gt=since).order_by("pk")[: count + 1])
    if not found and since and not PageChange.objects.filter(pk__gte=since).exists():
        # Past the newest change: not a cursor this feed gave, and following it would skip
        # every change up to it.
        return bad_request(request, not_a_cursor())
    items = found[:count]
    return JsonResponse(
        {
            "items": [
                {
                    "id": change.page_id,
                    "type": change.page_type,
                    "locale": change.locale,
                    "translation_key": str(change.translation_key),
                    "action": change.action,
                    "at": change.at.isoformat().replace("+00:00", "Z"),
                }
                for change in items
            ],
            "next": cursor(items[-1].pk) if items else (request.GET.get("since") or cursor(0)),
            "has_more": len(found) > count,
        }
    )
