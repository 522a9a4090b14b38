"""Machine-readable files for search engines: /sitemap.xml and /robots.txt."""

from django.conf import settings
from django.contrib.sitemaps.views import index as django_sitemap_index
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from seo.sitemaps import PageSitemap


def sections(request):
    return {"pages": PageSitemap(request)}


@require_GET
def sitemap_index(request):
    """/sitemap.xml: the files that list the site's pages, each of bounded size."""
    return django_sitemap_index(request, sections(request), sitemap_url_name="sitemap_section")


@require_GET
def sitemap_section(request, section):
    """/sitemap-pages.xml?p=N: up to `PageSitemap.limit` live, public pages, in every language,
    with hreflang alternates. A page number that is not one answers 404."""
    if section not in sections(request):
        raise Http404("No such sitemap.")
    return django_sitemap(request, sections(request), section=section)


@require_GET
def robots_txt(request):
    """Crawl everything but the admin and the search results (in every language); the sitemap is
    named with its full address, as the robots.txt standard asks."""
    disallowed = [reverse("wagtailadmin_home")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search = reverse("search")
        if search not in disallowed:
            disallowed.append(search)
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in disallowed),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
