"""How often each search is run, for the editors' statistics, counted without slowing it down.

Every search counts: Wagtail's `Query` hits (the search-promotions statistics) and, when it found
nothing, the "Searches with no results" report. A campaign's visitors run the same few searches,
answered from the page cache in about a millisecond; writing the counts row by row would cost
each of them several queries. So they are held and written together, one `+ n` per query,
language and day, every `SEARCH_HITS_FLUSH_SECONDS` (home/pending_counts.py says how).

Only the query text and the language are kept, never who searched.
"""

from django.db.models import DateField, F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from home.pending_counts import PendingCounts
from insights import counting as site_traffic
from search.models import ZeroResultQuery


def _write(key, searches, prepared):
    query, language_code, found, day = key
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


PENDING = PendingCounts(
    "Search statistics",
    seconds_setting="SEARCH_HITS_FLUSH_SECONDS",
    max_pending=5_000,
    write=_write,
)
flush = PENDING.flush
flush_when_due = PENDING.flush_when_due


def count(query, language_code, found):
    """Count one search for `query` in `language_code`; `found`: it had results."""
    # The site traffic report counts searches per language and day (never the query).
    site_traffic.count_search(language_code, found)
    PENDING.add((query, language_code, bool(found), timezone.localdate()))
