"""The articles feed link every page carries."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html

from articles.models import ArticleIndexPage
from home import caching
from home.caching import public_q
from home.templatetags.clinic_tags import _cache_parts, _menu_items, _site_root

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    """`<link rel="alternate" type="application/rss+xml">` for the articles feed in the visitor's
    language, on every page, so browsers and feed readers find it."""
    request = context.get("request")
    if request is None:
        return ""

    def build():
        root = _site_root(request)
        if root is None:
            return ""
        # The articles section is usually in the menu, which the navigation reads anyway.
        section_type = ContentType.objects.get_for_model(ArticleIndexPage)
        item = next(
            (item for item in _menu_items(request, root) if item["type"] == section_type.pk),
            None,
        )
        if item is not None:
            title, url = item["feed_title"], item["url"]
        else:
            index = ArticleIndexPage.objects.child_of(root).live().filter(public_q()).first()
            if index is None:
                return ""
            title, url = index.seo_title or index.title, index.get_url(request)
        if not url:
            return ""
        return format_html(
            '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
            title,
            request.build_absolute_uri(f"{url}feed/"),
        )

    return caching.fragment(request, "feed-link", _cache_parts(request), build)
