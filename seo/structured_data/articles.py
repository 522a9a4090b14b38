"""schema.org description of articles (`Article`).

Related pages come from the template context, where the page's `get_context` has already fetched
them to list them.
"""

from django.utils import translation

from seo.structured_data import absolute, iso_date, organization_id, reference, register


@register("articles.ArticlePage", "Article", "article")
def describe_article(page, node, request, context):
    """An article: its headline, author, dates, reading time, topics, and the conditions and
    treatments it is about (taken from the context, where the page fetched them to list them)."""
    published, modified = page.get_publication_dates()
    node["headline"] = page.title[:110]
    author = context.get("author") if "author" in context else page.get_author()
    if author is not None:
        node["author"] = reference(author, request)
    node["datePublished"] = iso_date(published)
    node["dateModified"] = iso_date(modified)
    node["publisher"] = {"@id": organization_id(request)}
    node["inLanguage"] = translation.get_language()
    node["wordCount"] = page.word_count
    topics = context.get("topics")
    if topics is None:
        topics = page.get_topics()
    node["keywords"] = [topic.name for topic in topics]
    conditions = context.get("conditions")
    if conditions is None:
        conditions = page.get_conditions()
    treatments = context.get("treatments")
    if treatments is None:
        treatments = page.get_treatments()
    node["about"] = [reference(item, request) for item in [*conditions, *treatments]]
    image = page.get_social_image()
    if image is not None:
        # The rendition the page's social-media tags already use.
        node["image"] = absolute(request, image.get_rendition("fill-1200x630").url)
