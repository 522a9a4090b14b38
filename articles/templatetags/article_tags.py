"""The articles feed link every page carries."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html

from articles.models import ArticleIndexPage
from home import caching
from home.navigation import root_children
from home.templatetags.clinic_tags import cache_parts, site_root

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    """`<link rel="alternate" type="application/rss+xml">` for the articles feed in the visitor's
    language, on every page, so browsers and feed readers find it."""
    request = context.get("request")
    if request is None:
        return ""

    def build():
        root = site_root(request)
        if root is None:
            return ""
        # The articles section is one of the root's children, which the navigation reads anyway.
        section_type = ContentType.objects.get_for_model(ArticleIndexPage).pk
        index = next(
            (
                child
                for child in root_children(request, root)
                if child.content_type_id == section_type
            ),
            None,
        )
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

    return caching.fragment(request, "feed-link", cache_parts(request), build)
