"""The "Medical review" step of the clinical pages' workflow."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask

RECORD_REVIEW_PERMISSION = "home.record_medical_review"


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Approval by a physician of the chosen groups. Approving records, in the very revision that
    goes live, the physician page of the approving user as the reviewer and today as the review
    date, so the published page carries its review without a second, unreviewed revision."""

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            record_review(task_state.revision, user)
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
    from locations.models import PhysicianPage

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
