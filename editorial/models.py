"""Medical review: the mixin of clinical pages (who reviewed them, when, against which sources) and
the "Medical review" step of their workflow.

Clinical page types (conditions, treatments, articles) live in apps built on this one: they are
found as subclasses of `MedicalReviewMixin` through the app registry, never named here.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import AbstractGroupApprovalTask
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from editorial.forms import ReviewedCopyForm
from editorial.workflows import approved_revision
from home.api import RelatedPageField
from home.blocks import ReferenceBlock
from home.localization import localize_pages, page_locale, prefetched
from locations.models import PhysicianPage

RECORD_REVIEW_PERMISSION = "editorial.record_medical_review"


class PerLanguageField(BaseTranslatableField):
    """A field each translation keeps for itself: neither offered for translation nor copied from
    the source page when its translations are synced."""

    def __repr__(self):
        return f"<PerLanguageField {self.field_name}>"


class MedicalReviewMixin(models.Model):
    """Who checked a clinical page medically, when, and the sources its facts rely on."""

    # The reviewer is named on the page: read with it (`BasePage.route`).
    serve_select_related = ("reviewed_by",)

    reviewed_by = models.ForeignKey(
        "locations.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="medically reviewed by",
        help_text="The physician who checked this page's medical content.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        verbose_name="last medically reviewed",
        help_text="The date of the most recent medical review.",
    )
    references = StreamField(
        [("reference", ReferenceBlock())],
        blank=True,
        help_text="The sources of this page's facts, in the order they should be listed.",
    )

    api_fields = [
        APIField("reviewed_by", serializer=RelatedPageField(source="get_api_reviewed_by")),
        APIField("last_reviewed"),
        APIField("references"),
    ]

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("reviewed_by", permission=RECORD_REVIEW_PERMISSION),
                FieldPanel("last_reviewed", permission=RECORD_REVIEW_PERMISSION),
            ],
            heading="Medical review",
            help_text=(
                "Filled in when a medical reviewer approves the page in the Medical review "
                "workflow."
            ),
        ),
        FieldPanel("references"),
    ]

    # Each language's text is reviewed on its own: a translation records who approved *its* text
    # and when, and starts unreviewed (the review is not copied with the page). The sources
    # follow the source page. Pages show the reviewer in the visitor's language.
    review_translatable_fields = [
        PerLanguageField("reviewed_by"),
        PerLanguageField("last_reviewed"),
        SynchronizedField("references"),
    ]
    exclude_fields_in_copy = ["reviewed_by", "last_reviewed"]
    copy_form_class = ReviewedCopyForm

    class Meta:
        abstract = True

    @cached_property
    def reviewer(self):
        """The reviewer's page in the visitor's language (the field follows the source page),
        read once however often the page's template and structured data show it."""
        if self.reviewed_by is None:
            return None
        return (localize_pages([self.reviewed_by]) or [self.reviewed_by])[0]

    def get_api_reviewed_by(self):
        """The reviewer's page in this page's language (the field follows the source page)."""
        cached = prefetched(self, "reviewed_by")
        if cached is not None:
            return cached[0] if cached else None
        if self.reviewed_by is None:
            return None
        localized = localize_pages([self.reviewed_by], locale=page_locale(self))
        return localized[0] if localized else self.reviewed_by


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Approval by a physician of the chosen groups. Approving records, in the very revision that
    goes live, the physician page of the approving user as the reviewer and today as the review
    date, so the published page carries its review without a second, unreviewed revision."""

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            record_review(approved_revision(task_state, user), user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "A physician of the chosen groups approves; the page records who and when."

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"
        permissions = [("record_medical_review", "Can record who reviewed a page and when")]


def reviewing_physician(user):
    """The physician page linked to `user` (in the site's main language when there are several)."""
    pages = PhysicianPage.objects.filter(user=user).order_by("pk")
    return pages.filter(locale__language_code=settings.LANGUAGE_CODE).first() or pages.first()


def record_review(revision, user):
    content = revision.content
    if "last_reviewed" not in content:
        return  # not a clinical page
    physician = reviewing_physician(user)
    if physician is not None:
        content["reviewed_by"] = physician.pk
    content["last_reviewed"] = timezone.localdate().isoformat()
    revision.content = content
    revision.save(update_fields=["content"])
