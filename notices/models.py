"""What the clinic owes its patients in writing on the site: the costs and payment page with the
Good Faith Estimate notice (No Surprises Act, 45 CFR 149.610), the nondiscrimination and language
assistance notices (Section 1557, 45 CFR 92.10 and 92.11) and the taglines page.

The notices' words are editors' content: a translatable snippet (`PatientNotices`, one per
language) and pages. Only the taglines are not translated: each is the federal government's
published text in its own language (`LanguageTagline`)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES, BodyBlock
from home.models import BasePage
from notices.blocks import PriceBlock


class PatientNotices(TranslatableMixin, models.Model):
    """The Good Faith Estimate notice and the links to the civil-rights notices, in one language.

    Shown in the footer of every page, on the costs page and on the appointment page."""

    gfe_heading = models.CharField(
        "Good Faith Estimate heading",
        max_length=120,
        help_text='e.g. "Your right to a Good Faith Estimate".',
    )
    gfe_text = RichTextField(
        "Good Faith Estimate notice",
        features=RICH_TEXT_FEATURES,
        help_text=(
            "The full notice, shown on the costs page and the appointment page. Counsel must "
            "approve any change (docs/editors.md)."
        ),
    )
    gfe_summary = models.TextField(
        "Good Faith Estimate, in one or two sentences",
        max_length=400,
        help_text="Shown in the footer of every page, with a link to the costs page.",
    )
    costs_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The costs and payment page, where the full notice is.",
    )
    nondiscrimination_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The notice of nondiscrimination (Section 1557).",
    )
    language_assistance_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The notice of free language assistance, with the taglines.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("gfe_heading"), FieldPanel("gfe_summary"), FieldPanel("gfe_text")],
            heading="Good Faith Estimate",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("costs_page", "notices.CostsPage"),
                PageChooserPanel("nondiscrimination_page"),
                PageChooserPanel("language_assistance_page", "notices.LanguageAssistancePage"),
            ],
            heading="Where the notices are (linked from every page's footer)",
        ),
    ]

    # The words are translated; the pages follow the source and are shown in the visitor's
    # language.
    override_translatable_fields = [
        TranslatableField("gfe_heading"),
        TranslatableField("gfe_text"),
        TranslatableField("gfe_summary"),
        SynchronizedField("costs_page"),
        SynchronizedField("nondiscrimination_page"),
        SynchronizedField("language_assistance_page"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "patient notices"
        verbose_name_plural = "patient notices"

    def __str__(self):
        return f"Patient notices ({self.locale})"

    def clean(self):
        super().clean()
        others = PatientNotices.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError("There are patient notices in this language already: edit them.")


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def validate_language_code(value):
    if not LANGUAGE_CODE.match(value):
        raise ValidationError(
            _('Enter a language tag such as "pt", "zh-Hant" or "ht" (BCP 47).'), code="invalid"
        )


class LanguageTagline(models.Model):
    """One language's tagline: "free language assistance is available", in that language and
    script, as the federal government published it. The same in every language of the site."""

    class Direction(models.TextChoices):
        LTR = "ltr", "Left to right"
        RTL = "rtl", "Right to left (Arabic, Persian, Urdu, Hebrew…)"

    language = models.CharField(max_length=60, help_text='In English, e.g. "Portuguese".')
    native_name = models.CharField(
        max_length=60, help_text='The language\'s own name for itself, e.g. "Português".'
    )
    language_code = models.CharField(
        max_length=20,
        validators=[validate_language_code],
        help_text='The language tag browsers and screen readers use, e.g. "pt", "zh-Hant", "ar".',
    )
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.LTR)
    text = models.TextField(
        max_length=600,
        help_text="Pasted exactly from the government's published translation, never translated "
        "here. The clinic's phone number is added after it.",
    )
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the text was taken from, for the record."
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(10_000)], help_text="Lower numbers come first."
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("native_name"),
        FieldPanel("language_code"),
        FieldPanel("direction"),
        FieldPanel("text"),
        FieldPanel("source"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "language"]
        verbose_name = "language tagline"

    def __str__(self):
        return f"{self.language} ({self.native_name})"


class CostsPage(BasePage):
    """Costs and payment: self-pay prices per treatment, what a session includes, payment and
    superbills, insurance, and the Good Faith Estimate notice (from `PatientNotices`)."""

    intro = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)
    prices = StreamField(
        [("price", PriceBlock())],
        blank=True,
        help_text="Self-pay prices, one per treatment or item, in the order shown.",
    )
    prices_note = models.TextField(
        max_length=600,
        blank=True,
        help_text="Shown under the prices, e.g. that they are ranges and a Good Faith Estimate "
        "gives the visitor's own expected charges.",
    )
    session_includes = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="What the price of a session includes."
    )
    payment = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="How to pay, and the superbill patients can send to their insurer.",
    )
    insurance = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="What insurance does and does not pay."
    )
    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("prices"),
        FieldPanel("prices_note"),
        FieldPanel("session_includes"),
        FieldPanel("payment"),
        FieldPanel("insurance"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("session_includes"),
        index.SearchField("payment"),
        index.SearchField("insurance"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("prices"),
        TranslatableField("prices_note"),
        TranslatableField("session_includes"),
        TranslatableField("payment"),
        TranslatableField("insurance"),
        TranslatableField("body"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("prices"),
        APIField("prices_note"),
        APIField("session_includes"),
        APIField("payment"),
        APIField("insurance"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = "costs and payment page"


class LanguageAssistancePage(BasePage):
    """The notice that free language assistance and auxiliary aids are available (45 CFR 92.11),
    with every tagline (`LanguageTagline`) in its own language and script."""

    intro = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)
    taglines_heading = models.CharField(max_length=120, default="Free help in your language")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel(
            "taglines_heading",
            help_text="Above the taglines (edited under Snippets → Language taglines).",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("taglines_heading"),
    ]

    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = "language assistance page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["taglines"] = list(LanguageTagline.objects.all())
        return context
