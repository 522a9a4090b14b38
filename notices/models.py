"""What the clinic owes its patients in writing on the site: the costs and payment page with the
Good Faith Estimate notice (No Surprises Act, 45 CFR 149.610), the nondiscrimination and language
assistance notices (Section 1557, 45 CFR 92.10 and 92.11) and the taglines page.

The notices' words are editors' content: a translatable snippet (`PatientNotices`, one per
language) and pages. Only the taglines are not translated: each is the federal government's
published text in its own language (`LanguageTagline`)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, TranslatableMixin
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

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("body"),
        APIField("taglines_heading"),
    ]

    class Meta:
        verbose_name = "language assistance page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["taglines"] = list(LanguageTagline.objects.all())
        return context


RESULTS_VARY = "Results vary. One patient's experience does not mean that you will have the same."


class TestimonialQuerySet(models.QuerySet):
    def shown(self, on=None):
        """Live testimonials whose authorization holds today (publish_scheduled takes them down
        when it expires; this keeps them off a page rendered meanwhile)."""
        today = timezone.localdate() if on is None else on
        return self.filter(live=True, authorization_revoked=False, authorization_expires__gt=today)


class TestimonialForm(WagtailAdminModelForm):
    """Publishing in the admin without a valid authorization is a form error, not a 500."""

    def clean(self):
        cleaned = super().clean()
        if "action-publish" in self.data and not self.errors:
            fields = [
                "authorization_date",
                "authorization_reference",
                "authorization_expires",
                "authorization_revoked",
                "genuine_and_unpaid",
                "disclosure",
            ]
            probe = Testimonial(
                **{name: cleaned.get(name, getattr(self.instance, name)) for name in fields}
            )
            problems = probe.authorization_problems()
            if problems:
                raise ValidationError(
                    "This testimonial cannot be published without " + "; ".join(problems) + "."
                )
        return cleaned


class Testimonial(
    TranslatableMixin, DraftStateMixin, RevisionMixin, LockableMixin, index.Indexed, models.Model
):
    """A patient's own words about their care, published only with the patient's written
    authorization (HIPAA: 45 CFR 164.508) and a "results vary" disclosure, never paid for or
    invented (FTC: 16 CFR part 465). It leaves the site when the authorization expires or is
    revoked. Every way of publishing it checks the authorization (`publish`), and the database
    refuses a live testimonial without one (the constraint below)."""

    quote = models.TextField(
        max_length=1200, help_text="The patient's words, as they approved them."
    )
    attribution = models.CharField(
        max_length=120,
        help_text='Never a full name without consent, e.g. "A patient treated for chronic migraine".',
    )
    disclosure = models.CharField(
        "results vary disclosure",
        max_length=300,
        default=RESULTS_VARY,
        help_text="Shown with the testimonial. Required.",
    )
    topic = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The condition or treatment page it is shown on (empty: the home page only).",
    )
    show_on_home_page = models.BooleanField(default=False)
    authorization_date = models.DateField(
        null=True, blank=True, help_text="When the patient signed the authorization."
    )
    authorization_reference = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the signed form is filed, e.g. its document number. Never the form itself.",
    )
    authorization_expires = models.DateField(
        null=True,
        blank=True,
        help_text="The expiry date on the signed form: the testimonial leaves the site that day.",
    )
    authorization_revoked = models.BooleanField(
        default=False,
        help_text="Tick when the patient revokes the authorization: the testimonial leaves the "
        "site at once.",
    )
    genuine_and_unpaid = models.BooleanField(
        "genuine and unpaid",
        default=False,
        help_text="The words are the patient's own experience, and they were given nothing for "
        "them (no payment, discount or gift).",
    )

    objects = TestimonialQuerySet.as_manager()
    base_form_class = TestimonialForm

    panels = [
        FieldPanel("quote"),
        FieldPanel("attribution"),
        FieldPanel("disclosure"),
        MultiFieldPanel(
            [
                PageChooserPanel("topic"),
                FieldPanel("show_on_home_page"),
            ],
            heading="Where it is shown",
        ),
        MultiFieldPanel(
            [
                FieldPanel("authorization_date"),
                FieldPanel("authorization_reference"),
                FieldPanel("authorization_expires"),
                FieldPanel("authorization_revoked"),
                FieldPanel("genuine_and_unpaid"),
            ],
            heading="The patient's authorization",
        ),
    ]

    override_translatable_fields = [
        TranslatableField("quote"),
        TranslatableField("attribution"),
        TranslatableField("disclosure"),
        SynchronizedField("topic"),
        SynchronizedField("show_on_home_page"),
        SynchronizedField("authorization_date"),
        SynchronizedField("authorization_reference"),
        SynchronizedField("authorization_expires"),
        SynchronizedField("authorization_revoked"),
        SynchronizedField("genuine_and_unpaid"),
    ]

    search_fields = [index.SearchField("quote"), index.SearchField("attribution")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "testimonial"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(live=False)
                | (
                    models.Q(authorization_date__isnull=False)
                    & models.Q(authorization_expires__isnull=False)
                    & ~models.Q(authorization_reference="")
                    & models.Q(authorization_revoked=False)
                    & models.Q(genuine_and_unpaid=True)
                    & ~models.Q(disclosure="")
                ),
                name="live_testimonial_needs_authorization",
            )
        ]

    def __str__(self):
        return self.attribution or "Testimonial"

    def save(self, *args, **kwargs):
        # Scheduled unpublishing (publish_scheduled) takes it down when the authorization expires.
        if self.authorization_expires:
            self.expire_at = timezone.make_aware(
                datetime.datetime.combine(self.authorization_expires, datetime.time.min)
            )
        if self.live and self.authorization_problems():
            # Revoked or expired while live: it leaves the site now, with the unpublishing
            # signal that moves the visitors' content version (home/caching.py).
            self.live = False
            super().save(*args, **kwargs)
            self.live = True
            self.unpublish()
            return
        super().save(*args, **kwargs)

    def authorization_problems(self, on=None):
        """Why this testimonial may not be live (an empty list when it may)."""
        today = timezone.localdate() if on is None else on
        problems = []
        if not (self.authorization_date and self.authorization_reference):
            problems.append("the patient's signed authorization (its date and reference)")
        if not self.authorization_expires or self.authorization_expires <= today:
            problems.append("an authorization that has not expired")
        if self.authorization_revoked:
            problems.append("an authorization that is not revoked")
        if not self.genuine_and_unpaid:
            problems.append("confirmation that it is genuine and unpaid")
        if not (self.disclosure or "").strip():
            problems.append('the "results vary" disclosure')
        return problems

    def clean(self):
        super().clean()
        signed, expires = self.authorization_date, self.authorization_expires
        if signed and expires and expires <= signed:
            raise ValidationError({"authorization_expires": "It must expire after it was signed."})

    def publish(self, revision, *args, **kwargs):
        """Every way of publishing (the admin, a workflow, a scheduled go-live) comes here."""
        problems = revision.as_object().authorization_problems()
        if problems:
            raise ValidationError(
                "A testimonial cannot be published without " + "; ".join(problems) + "."
            )
        return super().publish(revision, *args, **kwargs)
