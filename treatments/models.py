"""Treatments the clinic offers and the conditions they treat."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.models import MedicalReviewMixin
from home.api import ImageRenditionsField, RelatedPagesField
from home.blocks import (
    INLINE_RICH_TEXT_FEATURES,
    RICH_TEXT_FEATURES,
    BodyBlock,
    FAQBlock,
    KeyFactBlock,
    StepBlock,
)
from home.caching import lazy_list, public_q
from home.localization import (
    in_visitor_language,
    linked_pages,
    merge_relations,
    page_locale,
    prefetch_forward,
    prefetch_reverse,
    prefetched,
    shows,
    unique_by_translation,
)
from home.models import BasePage
from home.relations import related_model, reverse_field_name

# How many articles a condition or treatment page lists as further reading.
FURTHER_READING = 6


class ClinicalIndexPage(BasePage):
    """Shared shape of the two section pages: an intro and a card for each live child."""

    intro = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    child_model = None

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.child_model.for_cards().child_of(self).live().filter(public_q())
        return context


class ClinicalPage(MedicalReviewMixin, BasePage):
    """Fields every condition and treatment page has: summary, image, body, FAQs."""

    summary = models.TextField(
        max_length=400, help_text="Two or three plain sentences at the top of the page."
    )
    image = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A calm, wide image beside the summary.",
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="Anything the sections above don't cover."
    )
    faqs = StreamField(
        [("faq", FAQBlock())],
        blank=True,
        verbose_name="FAQs",
        help_text="Questions patients ask. Search engines may show them with the page.",
    )

    api_fields = [
        *BasePage.api_fields,
        *MedicalReviewMixin.api_fields,
        APIField("summary"),
        APIField("image", serializer=ImageRenditionsField()),
        APIField("body"),
        APIField("faqs"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *MedicalReviewMixin.review_translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("faqs"),
        SynchronizedField("image"),
    ]

    class Meta:
        abstract = True

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    @classmethod
    def article_model(cls):
        """The article page type. Articles (`articles`, built on this app) name the pages they
        are about through link rows whose `related_name` is "article_links"."""
        return related_model(related_model(cls, "article_links"), "article")

    def get_articles(self, locale=None, limit=FURTHER_READING):
        """The newest live articles about this page, in the visitor's language."""
        link_model = related_model(type(self), "article_links")
        field = reverse_field_name(type(self), "article_links")
        links = link_model._meta.get_field("article").related_query_name()
        articles = self.article_model()
        # A join rather than `pk__in` a subquery: PostgreSQL then starts from this page's few
        # links instead of reading every article (70 ms at 4,000 articles, under 2 ms this way).
        return articles.cards(
            articles.objects.filter(**{f"{links}__{field}__translation_key": self.translation_key}),
            locale,
            limit,
        )

    def get_api_articles(self):
        cached = prefetched(self, "articles")
        return (
            cached
            if cached is not None
            else self.get_articles(locale=page_locale(self), limit=None)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = lazy_list(self.get_articles)
        return context


class ConditionIndexPage(ClinicalIndexPage):
    subpage_types = ["treatments.ConditionPage"]

    @property
    def child_model(self):
        return ConditionPage


class ConditionPage(ClinicalPage):
    """A condition the clinic treats, in words a patient understands."""

    overview = RichTextField(features=RICH_TEXT_FEATURES, help_text="What the condition is.")
    symptoms = StreamField(
        [("symptom", blocks.CharBlock(max_length=200, template="treatments/blocks/symptom.html"))],
        blank=True,
        help_text="One symptom per item, in plain words.",
    )
    key_facts = StreamField(
        [("fact", KeyFactBlock())],
        blank=True,
        help_text="Figures such as how many people have it, each with its source.",
    )
    who_it_affects = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    when_ketamine_is_considered = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="When the clinic's physicians consider treatment, and that they decide with the patient.",
    )

    parent_page_types = ["treatments.ConditionIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("overview"),
        FieldPanel("symptoms"),
        FieldPanel("key_facts"),
        FieldPanel("who_it_affects"),
        FieldPanel("when_ketamine_is_considered"),
        FieldPanel("body"),
        FieldPanel("faqs"),
    ]
    relation_panels = [
        InlinePanel(
            "treatment_choices",
            heading="Treatments",
            label="Treatment",
            help_text=(
                "Treatments offered for this condition. Each treatment page lists it. Treatments "
                "that name this condition on their own page are listed too."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(relation_panels, heading="Treatments"),
            ObjectList(MedicalReviewMixin.review_panels, heading="Medical review"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("symptoms", boost=2),
        index.SearchField("overview"),
        index.SearchField("who_it_affects"),
        index.SearchField("body"),
        index.SearchField("faqs"),
    ]

    override_translatable_fields = [
        *ClinicalPage.override_translatable_fields,
        TranslatableField("overview"),
        TranslatableField("symptoms"),
        TranslatableField("key_facts"),
        TranslatableField("who_it_affects"),
        TranslatableField("when_ketamine_is_considered"),
        # The treatments chosen here follow the source; pages show them in the visitor's language.
        SynchronizedField("treatment_choices"),
    ]

    card_template = "treatments/includes/condition_card.html"
    visitor_label = gettext_lazy("Condition")

    api_fields = [
        *ClinicalPage.api_fields,
        APIField("overview"),
        APIField("symptoms"),
        APIField("key_facts"),
        APIField("who_it_affects"),
        APIField("when_ketamine_is_considered"),
        APIField("treatments", serializer=RelatedPagesField(source="get_api_treatments")),
        APIField("articles", serializer=RelatedPagesField(source="get_api_articles")),
    ]

    @classmethod
    def prefetch_relations(cls, pages, fields=None):
        # A treatment and a condition are linked from either page: the treatment's "Conditions
        # treated" or the condition's "Treatments".
        if shows(fields, "treatments"):
            prefetch_reverse(
                pages,
                "treatments_naming",
                TreatmentPage.objects.all(),
                "condition_links__condition",
            )
            prefetch_forward(
                pages,
                "treatments_chosen",
                ConditionTreatment,
                "condition",
                "treatment",
                TreatmentPage.objects.all(),
            )
            merge_relations(pages, "treatments", ["treatments_chosen", "treatments_naming"])
        if shows(fields, "articles"):
            prefetch_reverse(
                pages, "articles", cls.article_model().objects.all(), "condition_links__condition"
            )

    def get_api_treatments(self):
        cached = prefetched(self, "treatments")
        return cached if cached is not None else self.get_treatments(locale=page_locale(self))

    def get_treatments(self, locale=None):
        """The treatments chosen on this page (in their order), then those whose own page names
        this condition (by title), in the visitor's language."""
        chosen = linked_pages(
            [link.treatment_id for link in self.treatment_choices.all()],
            TreatmentPage.for_cards(),
            locale=locale,
        )
        naming = (
            TreatmentPage.for_cards()
            .filter(condition_links__condition__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
        )
        return unique_by_translation(chosen, in_visitor_language(naming, locale))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = lazy_list(self.get_treatments)
        return context


class TreatmentIndexPage(ClinicalIndexPage):
    subpage_types = ["treatments.TreatmentPage"]

    @property
    def child_model(self):
        return TreatmentPage


class TreatmentPage(ClinicalPage):
    """A treatment the clinic offers: how it works, what a session is like, risks, status."""

    class RegulatoryStatus(models.TextChoices):
        # Shown on the page: translated into the visitor's language.
        APPROVED = "approved", gettext_lazy("FDA-approved for this use")
        OFF_LABEL = "off_label", gettext_lazy("Off-label use of an FDA-approved medicine")
        NOT_APPLICABLE = "", gettext_lazy("Not a medicine (no FDA status)")

    how_it_works = RichTextField(features=RICH_TEXT_FEATURES)
    session_overview = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        verbose_name="what a session is like",
        help_text="A short description of a visit; the steps follow below.",
    )
    session_steps = StreamField(
        [("step", StepBlock())], blank=True, help_text="A visit, step by step."
    )
    session_duration = models.CharField(
        max_length=120,
        blank=True,
        help_text='How long a visit takes, e.g. "About 40 minutes of infusion; 2 hours in all".',
    )
    supervision = models.TextField(
        max_length=600, blank=True, help_text="Who watches over the patient during a session."
    )
    typical_course = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="How many sessions, how often, and what follows.",
    )
    side_effects = RichTextField(features=RICH_TEXT_FEATURES, verbose_name="side effects and risks")
    contraindications = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name="who should not have it"
    )
    regulatory_status = models.CharField(
        max_length=20,
        choices=RegulatoryStatus.choices,
        blank=True,
        default=RegulatoryStatus.OFF_LABEL,
    )
    regulatory_note = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the FDA has and has not approved, in plain words.",
    )

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("how_it_works"),
        MultiFieldPanel(
            [
                FieldPanel("session_overview"),
                FieldPanel("session_steps"),
                FieldPanel("session_duration"),
                FieldPanel("supervision"),
            ],
            heading="What a session is like",
        ),
        FieldPanel("typical_course"),
        FieldPanel("side_effects"),
        FieldPanel("contraindications"),
        MultiFieldPanel(
            [FieldPanel("regulatory_status"), FieldPanel("regulatory_note")],
            heading="Regulatory status",
        ),
        FieldPanel("body"),
        FieldPanel("faqs"),
    ]
    relation_panels = [
        InlinePanel(
            "condition_links",
            heading="Conditions treated",
            label="Condition",
            help_text=(
                "The conditions this treatment is offered for. Each condition page lists it. "
                "Conditions that name this treatment on their own page are listed too."
            ),
        ),
        InlinePanel(
            "location_links",
            heading="Offered at",
            label="Office",
            help_text="The offices that offer this treatment. Each office page lists it.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(relation_panels, heading="Conditions and offices"),
            ObjectList(MedicalReviewMixin.review_panels, heading="Medical review"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("how_it_works"),
        index.SearchField("side_effects"),
        index.SearchField("typical_course"),
        index.SearchField("body"),
        index.SearchField("faqs"),
    ]

    override_translatable_fields = [
        *ClinicalPage.override_translatable_fields,
        TranslatableField("how_it_works"),
        TranslatableField("session_overview"),
        TranslatableField("session_steps"),
        TranslatableField("session_duration"),
        TranslatableField("supervision"),
        TranslatableField("typical_course"),
        TranslatableField("side_effects"),
        TranslatableField("contraindications"),
        TranslatableField("regulatory_note"),
        SynchronizedField("regulatory_status"),
        # The conditions treated and the offices follow the source; pages show them in the
        # visitor's language.
        SynchronizedField("condition_links"),
        SynchronizedField("location_links"),
    ]

    card_template = "treatments/includes/treatment_card.html"
    visitor_label = gettext_lazy("Treatment")

    api_fields = [
        *ClinicalPage.api_fields,
        APIField("how_it_works"),
        APIField("session_overview"),
        APIField("session_steps"),
        APIField("session_duration"),
        APIField("supervision"),
        APIField("typical_course"),
        APIField("side_effects"),
        APIField("contraindications"),
        APIField("regulatory_status"),
        APIField("regulatory_note"),
        APIField("conditions", serializer=RelatedPagesField(source="get_api_conditions")),
        APIField("locations", serializer=RelatedPagesField(source="get_api_locations")),
        APIField("articles", serializer=RelatedPagesField(source="get_api_articles")),
    ]

    @classmethod
    def prefetch_relations(cls, pages, fields=None):
        if shows(fields, "articles"):
            prefetch_reverse(
                pages, "articles", cls.article_model().objects.all(), "treatment_links__treatment"
            )
        if shows(fields, "conditions"):
            prefetch_forward(
                pages,
                "conditions_chosen",
                TreatmentCondition,
                "treatment",
                "condition",
                ConditionPage.objects.all(),
            )
            prefetch_reverse(
                pages,
                "conditions_naming",
                ConditionPage.objects.all(),
                "treatment_choices__treatment",
            )
            merge_relations(pages, "conditions", ["conditions_chosen", "conditions_naming"])
        if shows(fields, "locations"):
            location_model = apps.get_model("locations", "LocationPage")
            prefetch_forward(
                pages,
                "locations",
                TreatmentLocation,
                "treatment",
                "location",
                location_model.objects.all(),
            )

    def get_api_conditions(self):
        cached = prefetched(self, "conditions")
        return cached if cached is not None else self.get_conditions(locale=page_locale(self))

    def get_api_locations(self):
        cached = prefetched(self, "locations")
        return cached if cached is not None else self.get_locations(locale=page_locale(self))

    @property
    def is_off_label(self):
        return self.regulatory_status == self.RegulatoryStatus.OFF_LABEL

    def get_conditions(self, locale=None):
        """The conditions chosen on this page (in their order), then those whose own page names
        this treatment (by title), in the visitor's language."""
        ids = [link.condition_id for link in self.condition_links.all()]
        chosen = linked_pages(ids, ConditionPage.for_cards(), locale=locale)
        naming = (
            ConditionPage.for_cards()
            .filter(treatment_choices__treatment__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
        )
        return unique_by_translation(chosen, in_visitor_language(naming, locale))

    def get_locations(self, locale=None):
        ids = [link.location_id for link in self.location_links.all()]
        location_model = apps.get_model("locations", "LocationPage")
        return linked_pages(ids, location_model.for_cards(), locale=locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = lazy_list(self.get_conditions)
        context["locations"] = lazy_list(self.get_locations)
        return context


class TreatmentCondition(Orderable):
    """A treatment treats a condition."""

    treatment = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="condition_links")
    condition = models.ForeignKey(
        ConditionPage, on_delete=models.CASCADE, related_name="treatment_links"
    )

    panels = [PageChooserPanel("condition")]

    class Meta(Orderable.Meta):
        verbose_name = "condition treated"


class ConditionTreatment(Orderable):
    """A condition is treated by a treatment, as chosen on the condition's page (the same link
    chosen on the treatment's page is a `TreatmentCondition`)."""

    condition = ParentalKey(
        ConditionPage, on_delete=models.CASCADE, related_name="treatment_choices"
    )
    treatment = models.ForeignKey(
        TreatmentPage, on_delete=models.CASCADE, related_name="chosen_by_conditions"
    )

    panels = [PageChooserPanel("treatment")]

    class Meta(Orderable.Meta):
        verbose_name = "treatment"


class TreatmentLocation(Orderable):
    """A treatment is offered at an office."""

    treatment = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="location_links")
    location = models.ForeignKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="treatment_links"
    )

    panels = [PageChooserPanel("location")]

    class Meta(Orderable.Meta):
        verbose_name = "office"
