"""Counting without slowing anything down: each process adds the counts up in memory and writes
them together, one `+ n` per row, once `INSIGHTS_FLUSH_SECONDS` have passed since the first
(after the response of the next request the process answers; the visitor does not wait), and
when a worker stops (gunicorn.conf.py). 0 writes each count at once. Additions, not overwrites:
any number of servers may write.

Pages are checked when the counts are written, not when they arrive: one query for the whole
batch keeps only the ids of pages that exist. At most `MAX_PENDING` different rows are held;
past that new ones are dropped (and how many is logged). Nothing about a visitor is ever held,
so nothing about a visitor can be logged."""

import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from insights.models import PageViewCount, ReferrerCount, RequestCount, SearchCount

logger = logging.getLogger(__name__)

MAX_PENDING = 10_000

_lock = threading.Lock()
_pending = Counter()  # (kind, day, *what) -> count
_oldest = None
_dropped = 0


def _add(key):
    global _oldest, _dropped
    with _lock:
        if key in _pending or len(_pending) < MAX_PENDING:
            _pending[key] += 1
            if _oldest is None:
                _oldest = time.monotonic()
        else:
            _dropped += 1
    if settings.INSIGHTS_FLUSH_SECONDS <= 0:
        flush()


def count_view(page_id, referrer=""):
    """A view of the page `page_id`, arriving from the site `referrer` (a domain, or "")."""
    day = timezone.localdate()
    _add(("view", day, page_id))
    if referrer:
        _add(("referrer", day, referrer))


def count_search(language_code, found):
    _add(("search" if found else "search-empty", timezone.localdate(), language_code[:20]))


def count_request(source_page_id, topic_id):
    """An appointment request sent after arriving from `source_page_id`, about `topic_id`
    (either may be None). Nothing else about the request."""
    _add(("request", timezone.localdate(), source_page_id, topic_id))


def due():
    with _lock:
        return _oldest is not None and (
            time.monotonic() - _oldest >= settings.INSIGHTS_FLUSH_SECONDS
        )


def flush_when_due(**kwargs):
    """`request_finished` receiver (insights/apps.py)."""
    if due():
        flush()


def flush():
    """Write the counts this process holds; what the database does not take is kept."""
    global _oldest, _dropped
    with _lock:
        batch = list(_pending.items())
        _pending.clear()
        _oldest = None
        dropped, _dropped = _dropped, 0
    if dropped:
        logger.warning("Site traffic: %d counts dropped (too many different ones held)", dropped)
    if not batch:
        return
    index = 0
    try:
        existing = _existing_pages(batch)
        for index, (key, number) in enumerate(batch):  # noqa: B007 (kept for the except)
            with transaction.atomic():
                _write(key, number, existing)
    except DatabaseError:
        # The database is down or refused one: keep the rest for the next write.
        logger.warning("Site traffic not written (%d counts); kept for later", len(batch) - index)
        with _lock:
            _pending.update(dict(batch[index:]))
            if _oldest is None:
                _oldest = time.monotonic()


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
