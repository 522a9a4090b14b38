"""Machine-readable files for search engines: /sitemap.xml and /robots.txt."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from seo.sitemaps import PageSitemap


@require_GET
def sitemap(request):
    """Every live, public page of the site in every language, with hreflang alternates."""
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})


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
