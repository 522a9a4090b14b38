"""How often each search is run, for the editors' statistics, counted without slowing it down.

Every search counts: Wagtail's `Query` hits (the search-promotions statistics) and, when it found
nothing, the "Searches with no results" report. A campaign's visitors run the same few searches,
answered from the page cache in about a millisecond; writing the counts row by row would cost
each of them several queries. So each process adds them up in memory and writes them together,
one `+ n` per query, language and day, at most `SEARCH_HITS_FLUSH_SECONDS` after the first (0
writes each one at once) and when a worker stops (gunicorn.conf.py). Additions, not overwrites:
any number of servers may write.

Only the query text and the language are kept, never who searched. Counts that cannot be written
(the database is down) wait for the next write; a process killed outright loses at most the
counts of its last few seconds.
"""

import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import DateField, F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import ZeroResultQuery

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending = Counter()  # (query, language code, found, day) -> searches
_oldest = None  # when the oldest pending count was made (time.monotonic())


def count(query, language_code, found):
    """Count one search for `query` in `language_code`; `found`: it had results."""
    global _oldest
    with _lock:
        _pending[(query, language_code, bool(found), timezone.localdate())] += 1
        if _oldest is None:
            _oldest = time.monotonic()
        due = time.monotonic() - _oldest >= settings.SEARCH_HITS_FLUSH_SECONDS
    if due:
        flush()


def flush():
    """Write the counts this process holds; what cannot be written is kept for the next time."""
    global _oldest
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _oldest = None
    failed = Counter()
    for key, searches in batch.items():
        try:
            with transaction.atomic():
                _write(*key, searches)
        except DatabaseError:
            failed[key] = searches
    if failed:
        logger.warning("Search statistics not written (%d queries); kept for later", len(failed))
        with _lock:
            _pending.update(failed)
            if _oldest is None:
                _oldest = time.monotonic()


def _write(query, language_code, found, day, searches):
    search_query = Query.get(query)
    daily, _ = QueryDailyHits.objects.get_or_create(query=search_query, date=day)
    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + searches)
    if found:
        return
    record, created = ZeroResultQuery.objects.get_or_create(
        query_string=(search_query.query_string or query)[:255],
        language_code=language_code,
        defaults={"hits": searches, "last_searched": day},
    )
    if not created:
        ZeroResultQuery.objects.filter(pk=record.pk).update(
            hits=F("hits") + searches,
            last_searched=Greatest("last_searched", Value(day, output_field=DateField())),
        )
