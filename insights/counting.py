"""Counting without slowing anything down: page views, referring sites, searches and
appointment requests are held in memory and written together, one `+ n` per row, every
`INSIGHTS_FLUSH_SECONDS` (home/pending_counts.py says how).

Pages are checked when the counts are written, not when they arrive: one query for the whole
batch keeps only the ids of pages that exist. Nothing about a visitor is ever held, so nothing
about a visitor can be logged."""

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from home.pending_counts import PendingCounts
from insights.models import PageViewCount, ReferrerCount, RequestCount, SearchCount


def count_view(page_id, referrer=""):
    """A view of the page `page_id`, arriving from the site `referrer` (a domain, or "")."""
    day = timezone.localdate()
    PENDING.add(("view", day, page_id))
    if referrer:
        PENDING.add(("referrer", day, referrer))


def count_search(language_code, found):
    PENDING.add(("search" if found else "search-empty", timezone.localdate(), language_code[:20]))


def count_request(source_page_id, topic_id):
    """An appointment request sent after arriving from `source_page_id`, about `topic_id`
    (either may be None). Nothing else about the request."""
    PENDING.add(("request", timezone.localdate(), source_page_id, topic_id))


def _existing_pages(batch):
    ids = set()
    for key, _number in batch:
        if key[0] == "view":
            ids.add(key[2])
        elif key[0] == "request":
            ids.update(pk for pk in key[2:] if pk is not None)
    if not ids:
        return set()
    return set(Page.objects.filter(pk__in=ids).values_list("pk", flat=True))


def _increment(model, field, number, **lookup):
    row, created = model.objects.get_or_create(**lookup, defaults={field: number})
    if not created:
        model.objects.filter(pk=row.pk).update(**{field: F(field) + number})


def _write(key, number, existing):
    kind, day = key[0], key[1]
    if kind == "view":
        if key[2] in existing:
            _increment(PageViewCount, "views", number, day=day, page_id=key[2])
    elif kind == "referrer":
        _increment(ReferrerCount, "visits", number, day=day, domain=key[2])
    elif kind in ("search", "search-empty"):
        row, _created = SearchCount.objects.get_or_create(day=day, language_code=key[2])
        fields = {"searches": F("searches") + number}
        if kind == "search-empty":
            fields["without_results"] = F("without_results") + number
        SearchCount.objects.filter(pk=row.pk).update(**fields)
    elif kind == "request":
        source, topic = (pk if pk in existing else None for pk in key[2:])
        _increment(RequestCount, "requests", number, day=day, source_page_id=source, topic_id=topic)


PENDING = PendingCounts(
    "Site traffic",
    seconds_setting="INSIGHTS_FLUSH_SECONDS",
    max_pending=10_000,
    write=_write,
    prepare=_existing_pages,
)
flush = PENDING.flush
flush_when_due = PENDING.flush_when_due
