"""The articles feed (RSS 2.0), one per language: each language's articles section serves its own,
at `<section address>feed/` (e.g. `/articles/feed/`, `/es/articulos/feed/`)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from articles.models import ArticlePage, localized_topics, newest_first, prepare_cards
from home.localization import locale_code, page_locale
from home.models import ClinicSettings
from home.text import plain_text

# How many of the newest articles a feed lists.
FEED_LENGTH = 20


class ArticleFeed(Feed):
    """The newest live, public articles of one articles section, newest first, with absolute
    links, author, topics and dates."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        self.clinic_name = ClinicSettings.for_request(request).clinic_name
        self.language = locale_code(index.locale_id)
        return index

    def title(self, index):
        name = index.seo_title or index.title
        return f"{name} | {self.clinic_name}" if self.clinic_name else name

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.get_feed_url(self.request)

    def description(self, index):
        return index.search_description or plain_text(index.intro) or index.title

    def items(self, index):
        articles = newest_first(
            ArticlePage.objects.child_of(index)
            .live()
            .public()
            .select_related("author")
            .prefetch_related("topic_links__topic")
        )[:FEED_LENGTH]
        locale = page_locale(index)
        articles = prepare_cards(articles, locale)
        for article in articles:
            article.feed_topics = localized_topics(
                [link.topic for link in article.topic_links.all()], locale
            )
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.get_listing_summary()

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return _moment(article.get_published_on(), article.first_published_at)

    def item_updateddate(self, article):
        return _moment(article.get_updated_on(), article.last_published_at) or self.item_pubdate(
            article
        )

    def item_author_name(self, article):
        author = getattr(article, "byline_author", None)
        return author.display_name if author is not None else None

    def item_categories(self, article):
        return [topic.name for topic in article.feed_topics]


def _moment(date, published_at):
    """The date shown on the article as a moment for the feed: the time it went live when that was
    on the same day, else the start of that day in the site's time zone."""
    if date is None:
        return published_at
    if published_at is not None and timezone.localdate(published_at) == date:
        return published_at
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))
