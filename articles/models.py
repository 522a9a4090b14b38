"""Articles written by the clinic's physicians, and the section page that lists them.

An article is a clinical page (it carries a medical review and references) with an author, the
dates it was first published and last updated, topics, and the conditions and treatments it is
about. The pages that list articles (a physician's, a condition's, a treatment's) are in apps below
this one: they read the link models through their `related_name`s (`articles_written`,
`article_links`) and build their cards with `ArticlePage.cards`.
"""

import html
import math
import re

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.models import MedicalReviewMixin
from home.api import (
    DateValueField,
    ImageRenditionsField,
    RelatedPageField,
    RelatedPagesField,
    TopicsField,
)
from home.blocks import INLINE_RICH_TEXT_FEATURES, BodyBlock, FAQBlock
from home.caching import public_q
from home.localization import (
    active_locale,
    default_locale,
    linked_pages,
    locale_code,
    locale_for,
    localize_pages,
    page_locale,
    prefetch_forward,
    prefetched,
    remember,
    shows,
)
from home.models import BasePage, ClinicImage

# Words a patient reads in a minute, for the reading time shown with each article.
WORDS_PER_MINUTE = 200
ARTICLES_PER_PAGE = 10
# What an article's card shows besides its own fields.
CARD_RELATIONS = ("listing_image", "image", "author")
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,255}")


class ArticleTopic(TranslatableMixin, models.Model):
    """A subject articles are filed under ("Migraine", "Your first visit"); translatable, so each
    language has its own name and address for it."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80,
        allow_unicode=False,
        help_text='Used in the address of the filtered list, e.g. "/articles/?topic=migraine".',
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    override_translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "article topic"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


def newest_first(queryset):
    """Articles ordered by the date they were first published (the editors' date, else the day
    they went live), newest first."""
    return queryset.annotate(
        sort_date=Coalesce("published_on", TruncDate("first_published_at"))
    ).order_by(models.F("sort_date").desc(nulls_last=True), "-first_published_at", "-pk")


def _topics_by_key(topics, locale):
    """{translation key: the topic in `locale`, or as given where it has no translation}."""
    keys = {topic.translation_key for topic in topics if topic.locale_id != locale.pk}
    found = {}
    if keys:
        found = {
            topic.translation_key: topic
            for topic in ArticleTopic.objects.filter(locale=locale, translation_key__in=keys)
        }
    return {
        topic.translation_key: topic
        if topic.locale_id == locale.pk
        else found.get(topic.translation_key, topic)
        for topic in topics
    }


def localized_topics(topics, locale=None):
    """`topics` in `locale` (default: the visitor's) where translated, as given otherwise, in
    order, once each: one query."""
    topics = list(topics)
    by_key = _topics_by_key(topics, locale or active_locale())
    return list({topic.translation_key: by_key[topic.translation_key] for topic in topics}.values())


def prepare_cards(articles, locale=None, renditions=False):
    """Give each article of a list its author in the visitor's language (`byline_author`), with
    one query for the whole list, and (with `renditions`) its card image's renditions; returns
    the list."""
    articles = list(articles)
    if renditions:
        prefetch_card_renditions(articles)
    authors = [article.author for article in articles if article.author_id]
    if authors:
        physician_model = apps.get_model("locations", "PhysicianPage")
        localized = {
            author.translation_key: author
            for author in localize_pages(
                authors, queryset=physician_model.objects.all(), locale=locale
            )
        }
        for article in articles:
            if article.author_id:
                article.byline_author = localized.get(article.author.translation_key)
    return articles


def article_cards(queryset, locale=None, limit=None):
    """The live, public articles of `queryset` (in any language) for a list of cards: each in the
    visitor's language where it is translated, newest first, at most `limit`, with what the cards
    show. A fixed number of queries, however many articles there are."""
    locale = locale or active_locale()
    chosen = {}
    cards = queryset.defer(*queryset.model.long_text_fields()).select_related(*CARD_RELATIONS)
    for article in newest_first(cards.live().filter(public_q())):
        current = chosen.get(article.translation_key)
        if current is None or (article.locale_id == locale.pk != current.locale_id):
            # Dictionaries keep the first position of a key: the list stays newest first.
            chosen[article.translation_key] = article
    articles = list(chosen.values())
    return prepare_cards(articles[:limit] if limit else articles, locale, renditions=True)


def prefetch_card_renditions(articles):
    """The renditions of the image each card shows (the listing image, else the hero image):
    a query per kind of image in use, none when the list is empty."""
    prefetch_related_objects(
        [article for article in articles if article.listing_image_id], "listing_image__renditions"
    )
    prefetch_related_objects(
        [article for article in articles if not article.listing_image_id and article.image_id],
        "image__renditions",
    )


def _words(value):
    """The words of a StreamField's stored data (text of every block, markup left out)."""
    if isinstance(value, str):
        return re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", value)))
    if isinstance(value, dict):
        return [
            word
            for key, item in value.items()
            if key not in ("id", "type")
            for word in _words(item)
        ]
    if isinstance(value, list | tuple):
        return [word for item in value for word in _words(item)]
    return []


class ArticleIndexPage(RoutablePageMixin, BasePage):
    """The articles section: the newest articles first, ten a page, filtered by topic, condition
    or treatment; its `feed/` address is the section's RSS feed."""

    intro = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    def articles(self):
        """This section's live, public articles, newest first, with what their cards show."""
        return newest_first(ArticlePage.for_cards().child_of(self).live().filter(public_q()))

    def _filter_key(self, request, name, model):
        """The translation key of the page or topic a `?<name>=<slug>` filter names, None when the
        filter is not used; an unknown slug is a 404."""
        slug = request.GET.get(name, "").strip()
        if not slug:
            return None
        if not SLUG.fullmatch(slug):
            raise Http404(f"No {name} with that address")
        locale = page_locale(self)
        candidates = list(
            model.objects.filter(slug=slug[:255]).values_list("translation_key", "locale_id")
        )
        if not candidates:
            raise Http404(f"No {name} {slug!r}")
        # The visitor's language first, in case another language uses the same slug for another.
        candidates.sort(key=lambda item: item[1] != locale.pk)
        return candidates[0][0]

    def filtered_articles(self, request):
        """(articles, {filter name: the topic or page it names}) for the request's filters."""
        articles = self.articles()
        condition_model = apps.get_model("treatments", "ConditionPage")
        treatment_model = apps.get_model("treatments", "TreatmentPage")
        active = {}
        filters = [
            ("topic", ArticleTopic, ArticleTopicLink, "topic"),
            ("condition", condition_model, ArticleCondition, "condition"),
            ("treatment", treatment_model, ArticleTreatment, "treatment"),
        ]
        for name, model, link_model, field in filters:
            key = self._filter_key(request, name, model)
            if key is None:
                continue
            linked = link_model.objects.filter(**{f"{field}__translation_key": key})
            articles = articles.filter(pk__in=linked.values("article_id"))
            active[name] = key
        return articles, active

    def shown_articles(self, ids):
        """The articles of one page of the list (their ids, in order), with what their cards
        show."""
        order = {pk: position for position, pk in enumerate(ids)}
        return sorted(
            ArticlePage.for_cards().filter(pk__in=ids), key=lambda article: order[article.pk]
        )

    def filter_options(self, active):
        """What the visitor can filter by: topics, and the conditions and treatments the section's
        articles are about, each in the visitor's language, with the chosen one marked."""
        locale = page_locale(self)
        live = ArticlePage.objects.child_of(self).live().filter(public_q())
        topics = ArticleTopic.objects.filter(locale_id__in={locale.pk, default_locale().pk})
        topics = topics.filter(
            translation_key__in=ArticleTopic.objects.filter(article_links__article__in=live).values(
                "translation_key"
            )
        )
        options = {"topic": localized_topics(topics.order_by("name"), locale)}
        for name in ("condition", "treatment"):
            model = apps.get_model("treatments", f"{name.capitalize()}Page")
            link_model = ArticleCondition if name == "condition" else ArticleTreatment
            linked = link_model.objects.filter(article__in=live).values(f"{name}__translation_key")
            # An option shows a title and a slug: the pages' bodies are left unread (a network
            # has dozens of conditions, each a long page).
            named = model.objects.only("title", "slug", "translation_key", "locale_id", "live")
            pages = named.live().filter(public_q()).filter(translation_key__in=linked)
            options[name] = localize_pages(pages.order_by("title"), queryset=named, locale=locale)
        return {
            name: [
                {
                    "slug": item.slug,
                    "name": getattr(item, "name", None) or item.title,
                    "selected": item.translation_key == active.get(name),
                    "item": item,
                }
                for item in items
            ]
            for name, items in options.items()
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles, active = self.filtered_articles(request)
        # The list is sorted, counted and cut into pages as ids alone; only the ten articles
        # shown are read whole (with the text their reading time counts), however many the
        # section holds.
        paginator = Paginator(list(articles.values_list("pk", flat=True)), ARTICLES_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = prepare_cards(
            self.shown_articles(page.object_list), page_locale(self), renditions=True
        )
        options = self.filter_options(active)
        chosen = [
            option["name"]
            for name in ("topic", "condition", "treatment")
            for option in options[name]
            if option["selected"]
        ]
        context.update(
            {
                "articles": page,
                "paginator": paginator,
                "filters": options,
                "chosen_filters": chosen,
                "filtered": bool(active),
                # The filters, to keep them when moving between pages of the list.
                "filter_query": urlencode(
                    [
                        (name, request.GET[name])
                        for name in ("topic", "condition", "treatment")
                        if request.GET.get(name)
                    ]
                ),
            }
        )
        return context

    @path("feed/")
    def feed(self, request):
        """The section's newest articles as an RSS 2.0 feed, in the section's language."""
        from articles.feeds import ArticleFeed

        return ArticleFeed()(request, index=self)

    def get_feed_url(self, request=None):
        url = self.get_url(request)
        return f"{url}feed/" if url else None


class ArticlePage(MedicalReviewMixin, BasePage):
    """A physician's article: who wrote it, who reviewed it medically and when, and the
    conditions and treatments it explains, which list it in turn as further reading."""

    serve_select_related = ("author", "reviewed_by")

    summary = models.TextField(
        max_length=400, help_text="Two or three plain sentences: what the reader will learn."
    )
    image = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="hero image",
        help_text="A calm, wide image at the top of the article.",
    )
    author = models.ForeignKey(
        "locations.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_written",
        help_text="The physician who wrote the article. Their page lists it.",
    )
    published_on = models.DateField(
        null=True,
        blank=True,
        verbose_name="first published",
        help_text="The date shown as first published. Leave empty to use the day it goes live.",
    )
    updated_on = models.DateField(
        null=True,
        blank=True,
        verbose_name="last updated",
        help_text="Set it when the article's content changes in substance (not for typos).",
    )
    body = StreamField(BodyBlock(), help_text="The article itself.")
    faqs = StreamField(
        [("faq", FAQBlock())],
        blank=True,
        verbose_name="FAQs",
        help_text="Questions readers ask. Search engines may show them with the article.",
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("published_on"), FieldPanel("updated_on")]),
            ],
            heading="Author and dates",
        ),
        FieldPanel("body"),
        FieldPanel("faqs"),
    ]
    relation_panels = [
        InlinePanel(
            "topic_links",
            heading="Topics",
            label="Topic",
            help_text="Readers can list the articles of a topic.",
        ),
        InlinePanel(
            "condition_links",
            heading="Conditions",
            label="Condition",
            help_text="The conditions the article explains. Each condition page lists it.",
        ),
        InlinePanel(
            "treatment_links",
            heading="Treatments",
            label="Treatment",
            help_text="The treatments the article explains. Each treatment page lists it.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(relation_panels, heading="Topics, conditions and treatments"),
            ObjectList(MedicalReviewMixin.review_panels, heading="Medical review"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("body"),
        index.SearchField("faqs"),
        index.FilterField("published_on"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *MedicalReviewMixin.review_translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("faqs"),
        SynchronizedField("image"),
        # Who wrote it, when, and what it is about follow the source article; pages show the
        # related pages and topics in the visitor's language.
        SynchronizedField("author"),
        SynchronizedField("published_on"),
        SynchronizedField("updated_on"),
        SynchronizedField("topic_links"),
        SynchronizedField("condition_links"),
        SynchronizedField("treatment_links"),
    ]

    card_template = "articles/includes/article_card.html"
    visitor_label = gettext_lazy("Article")

    api_fields = [
        *BasePage.api_fields,
        *MedicalReviewMixin.api_fields,
        APIField("summary"),
        APIField("image", serializer=ImageRenditionsField()),
        APIField("author", serializer=RelatedPageField(source="get_api_author")),
        APIField("published_on", serializer=DateValueField(source="get_published_on")),
        APIField("updated_on"),
        APIField("reading_minutes"),
        APIField("body"),
        APIField("faqs"),
        APIField("topics", serializer=TopicsField(source="get_api_topics")),
        APIField("conditions", serializer=RelatedPagesField(source="get_api_conditions")),
        APIField("treatments", serializer=RelatedPagesField(source="get_api_treatments")),
    ]

    card_long_text = ("body", "faqs")  # the reading time on its card counts their words

    @classmethod
    def for_cards(cls):
        return cls.card_queryset().select_related(*CARD_RELATIONS)

    @classmethod
    def cards(cls, queryset, locale=None, limit=None):
        """`article_cards` for the apps below this one, which reach the model only through
        their relations' `related_name`s."""
        return article_cards(queryset, locale, limit)

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def get_social_image(self):
        return self.social_image or self.listing_image or self.image

    def get_card_image(self):
        return self.listing_image or self.image

    # Dates -------------------------------------------------------------------------------------
    def get_published_on(self):
        """The date shown as first published: the editors' date, else the day it went live."""
        if self.published_on:
            return self.published_on
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return None

    def get_updated_on(self):
        """The date of the last update in substance, when it is later than the first one."""
        published = self.get_published_on()
        if self.updated_on and (published is None or self.updated_on > published):
            return self.updated_on
        return None

    def get_publication_dates(self):
        """(first published, last modified) as the structured data states them."""
        published = self.get_published_on()
        return published, self.get_updated_on() or published

    # Reading time ------------------------------------------------------------------------------
    @property
    def word_count(self):
        return len(_words(list(self.body.raw_data))) + len(_words(list(self.faqs.raw_data)))

    @property
    def reading_minutes(self):
        """Minutes an unhurried reader needs for the body and FAQs (at least one)."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    # Relations ---------------------------------------------------------------------------------
    @classmethod
    def prefetch_relations(cls, pages, fields=None):
        prefetch_related_objects(
            pages,
            *[name for name in ("author", "reviewed_by") if shows(fields, name)],
            *(["topic_links__topic"] if shows(fields, "topics") else []),
        )
        # Each page's author and topics in that page's language: a query or two per language.
        by_locale = {}
        for page in pages:
            by_locale.setdefault(page.locale_id, []).append(page)
        for locale_id, group in by_locale.items():
            if shows(fields, "author"):
                prepare_cards(group, locale_for(locale_code(locale_id)))
            if not shows(fields, "topics"):
                continue
            links = {page.pk: [link.topic for link in page.topic_links.all()] for page in group}
            by_key = _topics_by_key(
                [topic for topics in links.values() for topic in topics],
                locale_for(locale_code(locale_id)),
            )
            for page in group:
                topics = {
                    topic.translation_key: by_key[topic.translation_key] for topic in links[page.pk]
                }
                remember(page, "topics", list(topics.values()))
        condition_model = apps.get_model("treatments", "ConditionPage")
        treatment_model = apps.get_model("treatments", "TreatmentPage")
        if shows(fields, "conditions"):
            prefetch_forward(
                pages,
                "conditions",
                ArticleCondition,
                "article",
                "condition",
                condition_model.objects.all(),
            )
        if shows(fields, "treatments"):
            prefetch_forward(
                pages,
                "treatments",
                ArticleTreatment,
                "article",
                "treatment",
                treatment_model.objects.all(),
            )

    def get_author(self, locale=None):
        """The author's page in the visitor's language (None when there is no live one)."""
        if self.author_id is None:
            return None
        physician_model = apps.get_model("locations", "PhysicianPage")
        found = localize_pages([self.author], queryset=physician_model.objects.all(), locale=locale)
        return found[0] if found else None

    def get_api_author(self):
        if hasattr(self, "byline_author"):  # read with the other pages of an API listing
            return self.byline_author
        return self.get_author(locale=page_locale(self))

    def get_topics(self, locale=None):
        """The article's topics in the visitor's language, in the editors' order."""
        links = list(self.topic_links.select_related("topic"))
        cached = ArticleTopicLink.topic.is_cached
        missing = [link.topic_id for link in links if not cached(link)]
        fetched = ArticleTopic.objects.in_bulk(missing) if missing else {}
        topics = [link.topic if cached(link) else fetched.get(link.topic_id) for link in links]
        return localized_topics([topic for topic in topics if topic is not None], locale)

    def get_api_topics(self):
        cached = prefetched(self, "topics")
        return cached if cached is not None else self.get_topics(locale=page_locale(self))

    def get_conditions(self, locale=None):
        condition_model = apps.get_model("treatments", "ConditionPage")
        ids = [link.condition_id for link in self.condition_links.all()]
        return linked_pages(ids, condition_model.for_cards(), locale=locale)

    def get_treatments(self, locale=None):
        treatment_model = apps.get_model("treatments", "TreatmentPage")
        ids = [link.treatment_id for link in self.treatment_links.all()]
        return linked_pages(ids, treatment_model.for_cards(), locale=locale)

    def get_api_conditions(self):
        cached = prefetched(self, "conditions")
        return cached if cached is not None else self.get_conditions(locale=page_locale(self))

    def get_api_treatments(self):
        cached = prefetched(self, "treatments")
        return cached if cached is not None else self.get_treatments(locale=page_locale(self))

    def _load_related(self):
        """Fetch the author and reviewer (usually the same physician) in one query, and the hero,
        listing and social images (often the same image) in another, unless they came with the
        page (`BasePage.serve`) already."""
        for model, names in (
            (apps.get_model("locations", "PhysicianPage"), ("author", "reviewed_by")),
            (ClinicImage, ("image", "listing_image", "social_image")),
        ):
            fields = [name for name in names if not self._meta.get_field(name).is_cached(self)]
            ids = {getattr(self, f"{name}_id") for name in fields} - {None}
            found = model.objects.in_bulk(ids) if ids else {}
            for name in fields:
                if getattr(self, f"{name}_id") in found:
                    setattr(self, name, found[getattr(self, f"{name}_id")])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self._load_related()
        context["author"] = self.get_author()
        context["topics"] = self.get_topics()
        context["conditions"] = self.get_conditions()
        context["treatments"] = self.get_treatments()
        # What an appointment request from this article is about: its treatment, else condition.
        context["appointment_topic"] = next(
            iter([*context["treatments"], *context["conditions"]]), None
        )
        # The articles section's address, for the topic links: an article's address is that of
        # its section followed by its slug.
        url = self.get_url(request)
        context["articles_url"] = url[: -len(self.slug) - 1] if url else None
        return context


class ArticleTopicLink(Orderable):
    """An article is filed under a topic."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(ArticleTopic, on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = "topic"


class ArticleCondition(Orderable):
    """An article is about a condition."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="condition_links")
    condition = models.ForeignKey(
        "treatments.ConditionPage", on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [PageChooserPanel("condition")]

    class Meta(Orderable.Meta):
        verbose_name = "condition"


class ArticleTreatment(Orderable):
    """An article is about a treatment."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="treatment_links")
    treatment = models.ForeignKey(
        "treatments.TreatmentPage", on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [PageChooserPanel("treatment")]

    class Meta(Orderable.Meta):
        verbose_name = "treatment"
