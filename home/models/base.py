"""The abstract base page and the small mixins every page type is built from (the medical-review
mixin of clinical pages is `editorial.models.MedicalReviewMixin`)."""

from django.db import models
from django.db.models import Exists, Q
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api import ImageRenditionsField, RelatedPagesField
from home.blocks import chosen_objects_scope, prefetch_chosen_objects
from home.caching import public_q
from home.localization import prefetched
from home.partner_preview import PartnerPreviewMixin


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


# How far an ancestor's alias chain is followed (an alias of an alias of …) when a page checks its
# view restrictions; Wagtail's admin makes chains of one or two links.
ALIAS_CHAIN_LINKS = 4


def view_restrictions_on(path):
    """The view restrictions on the page at `path` (not an alias) and its ancestors, an alias
    among them counting by the page it is an alias of, followed up to ALIAS_CHAIN_LINKS links."""
    steplen = Page.steplen
    paths = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    trail = Page.objects.filter(path__in=paths)
    checked = Q(page__in=trail.filter(alias_of__isnull=True))
    aliases = trail.filter(alias_of__isnull=False)
    for _ in range(ALIAS_CHAIN_LINKS):
        originals = Page.objects.filter(pk__in=aliases.values("alias_of"))
        checked |= Q(page__in=originals.filter(alias_of__isnull=True))
        aliases = originals.filter(alias_of__isnull=False)
    return PageViewRestriction.objects.filter(checked)


class BasePage(SeoMixin, ListingMixin, PartnerPreviewMixin, Page):
    """Every page type of the site derives from this abstract page; it has no table of its own."""

    # Each model brings its own card and search-result templates; lists never branch on type.
    card_template = "includes/card.html"
    search_template = "includes/search_result.html"
    # What a search result says the page is, in the visitor's language.
    visitor_label = gettext_lazy("Page")
    # The foreign keys a served page's template always follows (a reviewer, an author), read
    # with the page itself when `route` finds it.
    serve_select_related = ()

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

    def route(self, request, path_components):
        """Wagtail's route, finding a page several levels down in two queries instead of two a
        level: every page on the way is read by its `url_path` at once, then the last one as its
        own type with what its template follows (`serve_select_related`), whose own `route` then
        answers as Wagtail's walk would. Where a page on the way routes the address itself (one
        of a routable section page's own routes) or a level is missing, Wagtail walks."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        url_paths = [
            self.url_path + "/".join(path_components[: depth + 1]) + "/"
            for depth in range(len(path_components))
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=url_paths, path__startswith=self.path)
        }
        if len(found) != len(url_paths) or any(
            not self.routes_to_children(
                found[url_path].specific_class, path_components[depth + 1 :]
            )
            for depth, url_path in enumerate(url_paths[:-1])
        ):
            return super().route(request, path_components)
        last = found[url_paths[-1]]
        model = last.specific_class
        if model is None:
            return super().route(request, path_components)
        page = model.objects.select_related(*getattr(model, "serve_select_related", ())).filter(
            pk=last.pk
        )
        if last.alias_of_id is None:
            # Whether any view restriction applies, read with the page: most pages have none.
            page = page.annotate(view_restricted=Exists(view_restrictions_on(last.path)))
        page = page.first()
        if page is None:
            raise Http404
        return page.route(request, [])

    @staticmethod
    def routes_to_children(model, rest):
        """Whether a page of `model` hands the rest of an address on to its children, as
        `BasePage.route` does: a routable page (Wagtail's `RoutablePageMixin`) does where none of
        its own routes matches the rest."""
        if model is None:
            return False
        if model.route is BasePage.route:
            return True
        resolver = getattr(model, "get_resolver", None)
        if resolver is None or model.route is not RoutablePageMixin.route:
            return False
        try:
            resolver().resolve("/" + "/".join(rest) + "/")
        except Resolver404:
            return True
        return False

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions on this page and its ancestors, an alias counting
        by the page it is an alias of) in one query instead of two: served pages ask on every
        request. An alias itself is answered by Wagtail, which follows its chain to the end;
        an alias among the ancestors is followed here up to ALIAS_CHAIN_LINKS links. A page that
        `route` found answers without a query when none applies."""
        if self.alias_of_id is not None:
            return super().get_view_restrictions()
        if getattr(self, "view_restricted", None) is False:  # found by `route` with none
            return PageViewRestriction.objects.none()
        return view_restrictions_on(self.path)

    # Long text a card does show something of (an article's reading time counts its words).
    card_long_text = ()

    @classmethod
    def long_text_fields(cls):
        """The names of the page's StreamFields and rich text fields that its card does not need:
        most of a row's bytes."""
        return [
            field.name
            for field in cls._meta.concrete_fields
            if isinstance(field, StreamField | RichTextField)
            and field.name not in cls.card_long_text
        ]

    @classmethod
    def card_queryset(cls):
        """Pages of this type as cards read them: without their long text."""
        return cls.objects.defer(*cls.long_text_fields())

    @classmethod
    def for_cards(cls):
        """Pages of this type with what their cards render fetched up front (and their long text
        left out), so a list of cards costs the same number of queries however long it is."""
        return (
            cls.card_queryset()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
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
