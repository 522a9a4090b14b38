"""The XML sitemap: every live, public page of the site in every language, with hreflang alternates.

`/sitemap.xml` is an index of files of at most `PageSitemap.limit` pages each
(`/sitemap-pages.xml?p=1`, `?p=2`, …), so that no file grows with the site: a network's 10,000
pages are five files, each built with the same few queries, and the index one count of them.

Wagtail keeps each language's page as a page of its own, linked to the others by a translation
key, so the alternates of a page are the listed pages that share its key: one query per file finds
them for all its pages.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from wagtail.models import Locale, Page, Site, get_page_models

from home.localization import default_locale
from home.models import SeoMixin

# What a page's address, language and dates need, and nothing of its content.
FIELDS = [
    "id",
    "path",
    "url_path",
    "locale_id",
    "translation_key",
    "last_published_at",
    "latest_revision_created_at",
]


def hidden_from_search_engines():
    """The pages whose editors asked search engines to stay away (their type's `noindex`)."""
    hidden = Q(pk__in=[])
    for model in get_page_models():
        if issubclass(model, SeoMixin):
            hidden |= Q(pk__in=model.objects.filter(noindex=True).values("pk"))
    return hidden


class CountedPaginator(Paginator):
    """A paginator told how many items there are, instead of counting them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


class PageSitemap(Sitemap):
    """Pages of the request's site, in every locale, that search engines may list."""

    limit = 2_000  # pages in one file: about 1 MB of XML with their alternates

    def __init__(self, request):
        self.request = request

    @cached_property
    def totals(self):
        """How many pages are listed and the newest change among them: one scan."""
        return self.listed().aggregate(
            count=Count("pk"),
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at")),
        )

    @property
    def paginator(self):
        return CountedPaginator(self.items(), self.limit, self.totals["count"])

    def listed(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        # The site's root page in each language: the English home page and its translations.
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        within_site = Q(pk__in=[])
        for path in roots.values_list("path", flat=True):
            within_site |= Q(path__startswith=path)
        return (
            Page.objects.live()
            .public()
            .filter(within_site)
            .exclude(alias_of__isnull=False)
            .exclude(hidden_from_search_engines())
        )

    def items(self):
        return self.listed().order_by("path").only(*FIELDS)

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def get_latest_lastmod(self):
        """For the index: the newest change of any listed page, counted by the database with
        the number of files."""
        return self.totals["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)

        def absolute(url):
            return url if "://" in url else f"{protocol}://{domain}{url}"

        pages = list(self.paginator.page(page).object_list)
        # Every language version of this file's pages, wherever in the sitemap they are listed.
        versions = list(
            self.listed()
            .filter(translation_key__in={item.translation_key for item in pages})
            .only(*FIELDS)
        )
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {version.pk: absolute(version.get_url(self.request)) for version in versions}
        by_translation = {}
        for version in versions:
            by_translation.setdefault(version.translation_key, []).append(version)
        default_language = default_locale().language_code if default_locale() else None

        urls = []
        for item in pages:
            translations = by_translation[item.translation_key]
            alternates = []
            if len(translations) > 1:
                alternates = [
                    {"lang_code": languages[version.locale_id], "location": locations[version.pk]}
                    for version in translations
                ]
                default = next(
                    (v for v in translations if languages[v.locale_id] == default_language), None
                )
                if default is not None:
                    alternates.append({"lang_code": "x-default", "location": locations[default.pk]})
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and all(lastmods):
            self.latest_lastmod = max(lastmods)
        return urls
