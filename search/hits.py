"""How often each search is run, for the editors' statistics, counted without slowing it down.

Every search counts: Wagtail's `Query` hits (the search-promotions statistics) and, when it found
nothing, the "Searches with no results" report. A campaign's visitors run the same few searches,
answered from the page cache in about a millisecond; writing the counts row by row would cost
each of them several queries. So each process adds them up in memory and writes them together,
one `+ n` per query, language and day: once `SEARCH_HITS_FLUSH_SECONDS` have passed since the
first, after the response of the next request the process answers (any page; the visitor does
not wait for it), and when a worker stops (gunicorn.conf.py). 0 writes each search at once.
Additions, not overwrites: any number of servers may write.

Only the query text and the language are kept, never who searched. Counts the database does not
take (it is down) wait for the next write; a process killed outright loses what it held. At most
`MAX_PENDING` different searches are held: past that, new ones are dropped (and logged).
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

from insights import counting as site_traffic
from search.models import ZeroResultQuery

logger = logging.getLogger(__name__)

MAX_PENDING = 5_000

_lock = threading.Lock()
_pending = Counter()  # (query, language code, found, day) -> searches
_oldest = None  # when the oldest pending count was made (time.monotonic())
_dropped = 0


def count(query, language_code, found):
    """Count one search for `query` in `language_code`; `found`: it had results."""
    global _oldest, _dropped
    # The site traffic report counts searches per language and day (never the query).
    site_traffic.count_search(language_code, found)
    key = (query, language_code, bool(found), timezone.localdate())
    with _lock:
        if key in _pending or len(_pending) < MAX_PENDING:
            _pending[key] += 1
            if _oldest is None:
                _oldest = time.monotonic()
        else:
            _dropped += 1
    if settings.SEARCH_HITS_FLUSH_SECONDS <= 0:
        flush()


def due():
    with _lock:
        return _oldest is not None and (
            time.monotonic() - _oldest >= settings.SEARCH_HITS_FLUSH_SECONDS
        )


def flush():
    """Write the counts this process holds; what the database does not take is kept."""
    global _oldest, _dropped
    with _lock:
        batch = list(_pending.items())
        _pending.clear()
        _oldest = None
        dropped, _dropped = _dropped, 0
    if dropped:
        logger.warning("Search statistics: %d searches not counted (too many held)", dropped)
    for index, (key, searches) in enumerate(batch):
        try:
            with transaction.atomic():
                _write(*key, searches)
        except DatabaseError:
            # The database is down or refused one: keep the rest for the next write rather than
            # trying each of them against it now.
            logger.warning(
                "Search statistics not written (%d queries); kept for later", len(batch) - index
            )
            with _lock:
                _pending.update(dict(batch[index:]))
                if _oldest is None:
                    _oldest = time.monotonic()
            return
        except Exception:  # a count must never break a page; the query text is not logged
            logger.exception("Search statistics: one query's count could not be written")


def flush_when_due(**kwargs):
    """`request_finished` receiver (search/apps.py): after each response, once it is sent."""
    if due():
        flush()


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
