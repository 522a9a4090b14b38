"""The abstract base page and the small mixins every page type is built from (the medical-review
mixin of clinical pages is `editorial.models.MedicalReviewMixin`)."""

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api import ImageRenditionsField, RelatedPagesField
from home.blocks import chosen_objects_scope, prefetch_chosen_objects
from home.caching import public_q
from home.localization import prefetched


class SeoMixin(models.Model):
    """Search-engine and social-sharing fields, beside Wagtail's own SEO title and description."""

    social_image = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media. Falls back to the listing image.",
    )
    noindex = models.BooleanField(
        default=False,
        verbose_name="hide from search engines",
        help_text="Ask search engines not to list this page (for thank-you or internal pages).",
    )

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
                FieldPanel("noindex"),
            ],
            heading="Search engines and social media",
        ),
    ]

    api_fields = [
        APIField("social_image", serializer=ImageRenditionsField()),
        APIField("noindex"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        """The search description, else what the page's cards say about it (listing summary,
        then summary): search engines and link previews always get the editors' own words."""
        description = self.search_description or ""
        if not description.strip() and hasattr(self, "get_listing_summary"):
            description = self.get_listing_summary()
        return " ".join(str(description or "").split())


class ListingMixin(models.Model):
    """What a card shows when the page is listed elsewhere on the site."""

    listing_title = models.CharField(
        max_length=120,
        blank=True,
        help_text="A shorter title for cards and lists. Leave empty to use the page title.",
    )
    listing_summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for cards, lists and search results.",
    )
    listing_image = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The image on cards. Landscape works best (3:2).",
    )

    api_fields = [
        APIField("listing_title"),
        APIField("listing_summary"),
        APIField("listing_image", serializer=ImageRenditionsField()),
    ]

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading="How the page appears in lists",
        ),
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        return self.listing_summary or getattr(self, "summary", "") or ""


class BasePage(SeoMixin, ListingMixin, Page):
    """Every page type of the site derives from this abstract page; it has no table of its own."""

    # Each model brings its own card and search-result templates; lists never branch on type.
    card_template = "includes/card.html"
    search_template = "includes/search_result.html"
    # What a search result says the page is, in the visitor's language.
    visitor_label = gettext_lazy("Page")

    promote_panels = [
        *SeoMixin.seo_panels,
        *ListingMixin.listing_panels,
        MultiFieldPanel(
            [FieldPanel("show_in_menus", help_text="List this page in the main navigation.")],
            heading="Navigation",
        ),
    ]

    # What every page type publishes to partner apps; each type adds its own fields.
    api_fields = [
        *ListingMixin.api_fields,
        *SeoMixin.api_fields,
        APIField("last_published_at"),
        APIField("translations", serializer=RelatedPagesField(source="get_api_translations")),
    ]

    # What translators translate and what follows the source page (wagtail-localize). Subclasses
    # extend the list with their own fields: prose and slugs are translated; images, relations,
    # addresses, coordinates, hours and phone numbers follow the source.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_title"),
        TranslatableField("listing_summary"),
        SynchronizedField("listing_image"),
        SynchronizedField("social_image"),
        SynchronizedField("noindex"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        abstract = True

    def get_api_translations(self):
        """The live translations of this page in the other languages (of their own page type,
        with only the fields every page has)."""
        cached = prefetched(self, "translations")
        if cached is not None:
            return cached
        return list(self.get_translations().live().filter(public_q()).specific(defer=True))

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions on this page and its ancestors, or on the pages
        they are aliases of) in one query instead of two: served pages ask on every request."""
        trail = Page.objects.filter(path=Substr(Value(self.path), 1, Length("path")))
        if self.alias_of_id is not None:
            trail = trail.exclude(pk=self.pk)
            aliased = Q(page__in=trail.values("alias_of")) | Q(page_id=self.alias_of_id)
        else:
            aliased = Q(page__in=trail.values("alias_of"))
        return PageViewRestriction.objects.filter(
            Q(page__in=trail.filter(alias_of__isnull=True)) | aliased
        )

    @classmethod
    def for_cards(cls):
        """Pages of this type with what their cards render fetched up front, so a list of cards
        costs the same number of queries however long it is."""
        return cls.objects.select_related("listing_image").prefetch_related(
            "listing_image__renditions"
        )

    def serve(self, request, *args, **kwargs):
        """Wagtail's serve, with what the page chooses read in advance: its own images, and the
        images and pages its StreamFields choose and its rich text links to, one query per kind
        (home/blocks.py), however many it shows. The template is rendered while they are at
        hand."""
        with chosen_objects_scope():
            prefetch_chosen_objects([self])
            response = super().serve(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()
        return response

    def get_social_image(self):
        return self.social_image or self.listing_image
