from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api import ImageRenditionsField, RelatedPageField, RelatedPagesField
from home.blocks import INLINE_RICH_TEXT_FEATURES, BodyBlock, HomeBodyBlock
from home.localization import linked_pages, page_locale
from home.models.base import BasePage


class HomePage(BasePage):
    """The front page: a welcome, the pages the clinic features, and the offices."""

    hero_heading = models.CharField(max_length=120, help_text="The large heading at the top.")
    hero_audience = models.CharField(
        max_length=160,
        blank=True,
        verbose_name="who it is for",
        help_text="One short line under the heading, e.g. “For adults with chronic migraine”.",
    )
    hero_text = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under it."
    )
    hero_appointment_label = models.CharField(
        max_length=60,
        blank=True,
        verbose_name="appointment button label",
        help_text="The main button, to the appointment request page. Empty: “Request an "
        "appointment”.",
    )
    hero_image = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide, calm image beside the heading.",
    )
    hero_cta_label = models.CharField(
        max_length=60,
        blank=True,
        verbose_name="second button label",
        help_text='A quieter second button, e.g. "Find an office"',
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="second button links to",
    )
    featured_heading = models.CharField(max_length=120, blank=True, default="How we can help")
    body = StreamField(
        HomeBodyBlock(),
        blank=True,
        help_text="Shown under the welcome banner: start with the trust strip and “How it works”.",
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_audience"),
                FieldPanel("hero_text"),
                FieldPanel("hero_appointment_label"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                PageChooserPanel("hero_cta_page"),
            ],
            heading="Welcome banner",
        ),
        MultiFieldPanel(
            [
                FieldPanel("featured_heading"),
                InlinePanel("featured_pages", label="Featured page", max_num=6),
            ],
            heading="Featured pages",
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("hero_audience"),
        TranslatableField("hero_heading"),
        TranslatableField("hero_text"),
        TranslatableField("hero_appointment_label"),
        TranslatableField("hero_cta_label"),
        TranslatableField("featured_heading"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        # Page links follow the source and are shown in the visitor's language.
        SynchronizedField("hero_cta_page"),
        SynchronizedField("featured_pages"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("hero_audience"),
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("hero_appointment_label"),
        APIField("hero_image", serializer=ImageRenditionsField()),
        APIField("hero_cta_label"),
        APIField("hero_cta_page", serializer=RelatedPageField()),
        APIField("featured_heading"),
        APIField("featured_pages", serializer=RelatedPagesField(source="get_api_featured_pages")),
        APIField("body"),
    ]

    @classmethod
    def clean_subpage_models(cls):
        """The page types that name the home page in their `parent_page_types`: the sections of
        the apps built on this one (treatments, conditions, physicians, locations, articles, the
        appointment request) and standard pages. This base app names none of them; a type that
        does not restrict its parents is not offered here."""
        return [
            model
            for model in get_page_models()
            if getattr(model, "parent_page_types", None) is not None
            and cls in model.clean_parent_page_models()
        ]

    def get_api_featured_pages(self):
        return self.get_featured_pages(locale=page_locale(self))

    def get_featured_pages(self, locale=None):
        """The featured pages in the visitor's language, in the editor's order."""
        ids = [link.page_id for link in self.featured_pages.all()]
        return linked_pages(ids, Page.objects.specific(), locale=locale)


class HomeFeaturedPage(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A condition, treatment or other page to show as a card on the home page.",
    )

    panels = [PageChooserPanel("page")]


class StandardPage(BasePage):
    """A plain page for About, Privacy, Terms, Accessibility and the like."""

    intro = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="The opening paragraph, shown larger than the body.",
    )
    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
