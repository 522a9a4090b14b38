"""The XML sitemap: every live, public page of the site in every language, with hreflang alternates.

Wagtail keeps each language's page as a page of its own, linked to the others by a translation
key, so the alternates of a page are the listed pages that share its key: found in the same list,
without a query per page.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.models import Locale, Page, Site

from home.localization import default_locale


class PageSitemap(Sitemap):
    """Pages of the request's site, in every locale, that search engines may list."""

    limit = 50_000  # the most one sitemap file may hold

    def __init__(self, request):
        self.request = request

    def items(self):
        if not hasattr(self, "_pages"):
            self._pages = self._find_pages()
        return self._pages

    def _find_pages(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        # The site's root page in each language: the English home page and its translations.
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        within_site = Q()
        for path in roots.values_list("path", flat=True):
            within_site |= Q(path__startswith=path)
        pages = [
            page
            for page in Page.objects.live()
            .public()
            .filter(within_site)
            .exclude(alias_of__isnull=False)
            .order_by("path")
            .specific()
            if not getattr(page, "noindex", False)
        ]
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for page in pages:
            page.locale = locales[page.locale_id]  # saves a query per page
        return pages

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)

        def absolute(url):
            return url if "://" in url else f"{protocol}://{domain}{url}"

        locations = {item.pk: absolute(item.get_url(self.request)) for item in self.items()}
        by_translation = {}
        for item in self.items():
            by_translation.setdefault(item.translation_key, []).append(item)
        default_language = default_locale().language_code if default_locale() else None

        urls = []
        for item in self.paginator.page(page).object_list:
            versions = by_translation[item.translation_key]
            alternates = []
            if len(versions) > 1:
                alternates = [
                    {"lang_code": version.locale.language_code, "location": locations[version.pk]}
                    for version in versions
                ]
                default = next(
                    (v for v in versions if v.locale.language_code == default_language), None
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
