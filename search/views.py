"""Site search over live, public pages in the visitor's language.

The search backend comes from `WAGTAILSEARCH_BACKENDS` (the database backend: PostgreSQL full-text
search in production, SQLite FTS in development; OpenSearch/Elasticsearch by settings). Before
searching, the editors' synonyms are added to the query; on PostgreSQL, a query that finds nothing
is tried again with trigram fuzzy matching of the pages' titles, so misspellings still find their
page.
"""

import re
from urllib.parse import urlencode

from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Value
from django.db.models.functions import Greatest, Length
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from articles.models import ArticlePage
from home import caching
from home.caching import public_q
from home.localization import active_locale
from home.models import HomePage
from locations import finder
from locations.models import LocationIndexPage, LocationPage, PhysicianPage
from search import hits
from search.models import SearchSynonym
from treatments.models import ConditionPage, TreatmentPage

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# How long a search's results, and its page in the page cache, are kept at most.
RESULTS_SECONDS = 60
SUGGESTIONS = 6
# Fewer results than this when every word must match: any word may match instead.
MIN_STRICT_RESULTS = 3
# How alike a title's closest word (or run of words) and a misspelled word of the query must be:
# PostgreSQL's trigram word similarity, 0 to 1 ("migrane" and "Chronic migraine": 0.62,
# "Stamfrod" and "Stamford": 0.56, "Stamfrod" and "Accessibility statement": 0.33).
MIN_TITLE_LIKENESS = 0.3
# ... and, of those, only the titles at least this share as alike as the most alike one.
CLOSE_TO_BEST_LIKENESS = 0.7
# Words of a misspelt query compared with the titles: the first few of four letters or more ("in",
# "de" and the like are alike to any title).
FUZZY_WORDS = 5
MIN_FUZZY_WORD_LENGTH = 4

# `?type=` values: what a visitor may narrow the results to.
RESULT_TYPES = {
    "treatments": (TreatmentPage, _("Treatments")),
    "conditions": (ConditionPage, _("Conditions")),
    "physicians": (PhysicianPage, _("Physicians")),
    "locations": (LocationPage, _("Offices")),
    "articles": (ArticlePage, _("Articles")),
}

# Control characters (NUL included: PostgreSQL refuses it in text) become spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    """The visitor's query as searched: control characters removed, spaces collapsed, cut to
    MAX_QUERY_LENGTH characters."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """Only the words of a query: quotes, brackets and other operator characters of the search
    engines become spaces, so nothing a visitor types is read as query syntax."""
    return " ".join(re.findall(r"\w+", query)).lower()


def synonyms(locale, request=None):
    """(term, expansion) of the editors' synonyms in a language, read once per content
    version (editing a synonym moves it on)."""

    def build():
        return list(SearchSynonym.objects.filter(locale=locale).values_list("term", "expansion"))

    return caching.fragment(request, "search-synonyms", [locale.pk], build)


def apply_synonyms(query, locale, request=None):
    """`query` with every synonym term it contains (whole words, any case) replaced by its
    expansion, e.g. "TRD Stamford" → "treatment-resistant depression Stamford"."""
    words = {word.casefold() for word in re.findall(r"\w+", query)}
    for term, expansion in synonyms(locale, request):
        if term.casefold() in words:
            query = re.sub(
                rf"(?<!\w){re.escape(term)}(?!\w)", expansion, query, flags=re.IGNORECASE
            )
    return query


def singular(word):
    """A plain English/Spanish singular guess ("migraines" → "migraine"), for the loose search."""
    if len(word) > 4 and word.endswith("es") and word[-3] in "aeiou":
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def word_forms(word):
    """A word with its plain plural or singular guess, so that "treatment" also finds
    "treatments" where the search engine does not stem words (SQLite)."""
    forms = dict.fromkeys([word, singular(word)])
    if not word.endswith("s"):
        forms[f"{word}s"] = None
    return list(forms)


def every_word(words):
    """A query that every word must match, in any of its forms."""
    parts = []
    for word in words.split():
        forms = [PlainText(form) for form in word_forms(word)]
        parts.append(forms[0] if len(forms) == 1 else Or(forms))
    return parts[0] if len(parts) == 1 else And(parts)


def public_pages(locale, request=None):
    """Live, public pages in the visitor's language (the view restrictions read from the cache)."""
    return Page.objects.live().filter(caching.public_path_q(request), locale=locale)


def searchable_pages(public, result_type=None):
    """The pages searched; the home page, which mentions everything, is left out."""
    pages = public.not_type(HomePage)
    if result_type in RESULT_TYPES:
        pages = pages.type(RESULT_TYPES[result_type][0])
    return pages


def titles_like(pages, words):
    """The `pages` whose title holds a word like one of the query's `words` (a misspelling:
    "migrane", "Stamfrod", "migrane in Stamfrod"), the most alike first and, among equals, the
    shortest title (the page that is most nearly what was typed: "Chronic migraine" before an
    article that names it); None when no title is like them, or where trigram matching is
    unavailable (SQLite, PostgreSQL without pg_trgm). Titles that share only a few letters with
    the query ("Stamfrod" and "Accessibility statement") are left out when a title is much more
    alike.

    Titles only: a misspelled query is nearly always a page's name (a condition, a treatment, a
    town, a physician). The search backend's own fuzzy matching compares the query with every
    page's whole text; at 10,000 pages that took 4 s and matched 4 pages in 5, where the titles
    take about 30 ms."""
    if connection.vendor != "postgresql":
        return None
    words = [word for word in words.split() if len(word) >= MIN_FUZZY_WORD_LENGTH][:FUZZY_WORDS]
    if not words:
        return None
    likeness = [TrigramWordSimilarity(Value(word), "title") for word in words]
    alike = pages.annotate(
        likeness=likeness[0] if len(likeness) == 1 else Greatest(*likeness)
    ).filter(likeness__gte=MIN_TITLE_LIKENESS)
    try:
        # Savepoint: without pg_trgm PostgreSQL answers with an error, which must not break the
        # surrounding transaction.
        with transaction.atomic():
            best = alike.aggregate(best=Max("likeness"))["best"]
    except DatabaseError:
        return None
    if best is None:
        return None
    return (
        alike.filter(likeness__gte=best * CLOSE_TO_BEST_LIKENESS)
        .order_by("-likeness", Length("title"), "pk")
        .specific()
    )


def run_search(query, with_synonyms, pages):
    """Search results among `pages` for `query` (and the same query `with_synonyms` applied), in
    three steps: every word must match, kept when that finds a few pages; else any word may
    match (with naive singulars), where pages matching more words rank higher; else, on
    PostgreSQL, the pages whose titles are like the query (`titles_like`), for misspellings."""
    words = search_terms(query)
    if not words:
        return pages.none()
    with_synonyms = search_terms(with_synonyms)
    strict = every_word(words)
    if with_synonyms != words:
        strict |= every_word(with_synonyms)
    results = pages.specific().search(strict)
    if results.count() >= MIN_STRICT_RESULTS:
        return results
    loose_words = dict.fromkeys(
        [*words.split(), *with_synonyms.split(), *map(singular, words.split())]
    )
    results = pages.specific().search(PlainText(" ".join(loose_words), operator="or"))
    if results.count():
        return results
    fuzzy = titles_like(pages, with_synonyms)
    return results if fuzzy is None else fuzzy


# A query's word and a title's word this long or longer are alike when one begins the other
# ("ketamin" and "ketamine", a letter left off).
MIN_PREFIX_LENGTH = 4


def same_word(typed, word):
    """`typed` (a query's word) is `word`, or one begins the other and both are long enough."""
    if typed == word:
        return True
    if min(len(typed), len(word)) < MIN_PREFIX_LENGTH:
        return False
    return word.startswith(typed) or typed.startswith(word)


def title_matches_first(pages, query, with_synonyms):
    """`pages` (one page of results) with the pages whose title holds more of the query's words
    first, otherwise in the search engine's order. Search engines weigh titles differently
    (SQLite's ranking hardly at all); a visitor who types a page's name expects that page first,
    also with a letter left off its end ("ketamin infusion")."""
    wanted = set(search_terms(with_synonyms).split())
    wanted |= set(search_terms(query).split())
    wanted |= {singular(word) for word in wanted}

    def matches(page):
        title = set(search_terms(page.title).split())
        named = {
            word
            for word in title
            if any(same_word(typed, form) for typed in wanted for form in (word, singular(word)))
        }
        # More of the query's words first; among equals, for a misspelt query the most alike
        # title (`titles_like`), then the title that is most nearly the query ("Chronic migraine"
        # before a long article title that also names it).
        return (-len(named), -getattr(page, "likeness", 0), len(title - named))

    return sorted(pages, key=matches)


def promoted_pages(search_query, public):
    """The pages editors promoted for this `Query`, in their order, among the `public` pages."""
    promotions = (
        search_query.editors_picks.filter(page__in=public)
        .select_related("page")
        .order_by("sort_order")
    )
    pages = [promotion.page for promotion in promotions]
    if not pages:
        return []
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()
    }
    return [specific[page.pk] for page in pages if page.pk in specific]


def found_for(request, query, result_type, locale, page_number):
    """What a search shows: the promoted pages, one page of results (ten), how many results in
    all and which page it is, for a query, language, type and page number. The whole response is kept by the visitors' cache (cms/middleware.py)."""

    def build():
        with_synonyms = apply_synonyms(query, locale, request)
        public = public_pages(locale, request)
        promoted = promoted_pages(Query.get(query), public)
        if result_type:
            promoted = [page for page in promoted if isinstance(page, RESULT_TYPES[result_type][0])]
        pages = searchable_pages(public, result_type)
        if promoted:
            pages = pages.exclude(pk__in=[page.pk for page in promoted])
        paginator = Paginator(run_search(query, with_synonyms, pages), RESULTS_PER_PAGE)
        try:
            page = paginator.page(page_number)
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        return {
            "promoted": promoted if page.number == 1 else [],
            "results": title_matches_first(page.object_list, query, with_synonyms),
            "count": paginator.count,
            "number": page.number,
        }

    return build()


def search(request):
    """The search page: promoted results first, then the search results, ten a page."""
    query = clean_query(request.GET.get("q", ""))
    result_type = request.GET.get("type", "")
    if result_type not in RESULT_TYPES:
        result_type = ""
    # Anything but a page number is the first page; before the first or past the last, the
    # last (as Django's paginator has it). Clamped, so junk cannot fill the cache with keys.
    page_number = request.GET.get("page", "1")
    if re.fullmatch(r"-?[0-9]{1,20}", page_number):
        page_number = min(max(int(page_number), 0), 10_000)
    else:
        page_number = 1
    found = {"promoted": [], "results": [], "count": 0, "number": 1}
    counted = None
    if query:
        locale = active_locale()
        found = found_for(request, query, result_type, locale, page_number)
        if found["number"] == 1:  # a search, not a visitor paging through its results
            counted = (query, locale.language_code, bool(found["promoted"] or found["count"]))
            hits.count(*counted)
    paginator = Paginator(range(found["count"]), RESULTS_PER_PAGE)
    page = paginator.page(found["number"])
    page.object_list = found["results"]
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_type": result_type,
            "result_types": [(key, label) for key, (_model, label) in RESULT_TYPES.items()],
            "promoted_results": found["promoted"],
            "search_results": page,
            "paginator": paginator,
            "result_count": found["count"] + len(found["promoted"]),
            "nearby": nearby_offices(request, query, active_locale()) if query else None,
        },
    )
    # Served again from the page cache, the search is counted again (cms/middleware.py).
    response.search_counted = counted
    response.page_cache_seconds = RESULTS_SECONDS
    return response


# "near Norwalk", "cerca de Norwalk": a search for the offices near a town.
NEAR = re.compile(r"(?:offices?\s+)?(?:near|close to|cerca de|consultorios? cerca de)\s+(.+)", re.I)
NEARBY_SHOWN = 3


def nearby_offices(request, query, locale):
    """For a search that is a ZIP code or "near <town>": the nearest offices, in the visitor's
    language, and the office finder's address for the rest; else None."""
    text = query.strip()
    near = NEAR.fullmatch(text)
    if not (finder.ZIP_CODE.fullmatch(text) or near):
        return None
    place_query = near.group(1) if near else text
    try:
        place = finder.find_place(place_query)
    except finder.PlaceNotFound:
        return None
    index = LocationIndexPage.objects.live().filter(public_q(), locale=locale).first()
    url = index.get_url(request) if index is not None else None
    if not url:
        return None
    return {
        "place": place,
        "results": finder.nearest(index.nearest_offices(place, NEARBY_SHOWN), place),
        "url": f"{url}?{urlencode({'near': place_query})}",
    }


@require_GET
def suggest(request):
    """Titles and URLs of pages whose title starts like the query, for the search box (JSON)."""
    query = search_terms(clean_query(request.GET.get("q", "")))[:50].strip()
    suggestions = []
    if len(query) >= 2:
        backend = get_search_backend()
        pages = Page.objects.live().public().filter(locale=active_locale())
        for page in backend.autocomplete(query, pages)[:SUGGESTIONS]:
            url = page.get_url(request)
            if url:
                suggestions.append({"title": page.title, "url": url})
    response = JsonResponse({"query": query, "results": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response
