"""The "medical review due" report: clinical pages whose last medical review is too old, or that
were never reviewed, so the clinic's physicians know what to check next."""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from editorial.models import MedicalReviewMixin

DEFAULT_MAX_AGE_DAYS = 365


def max_review_age():
    """How long a medical review stays current (setting `MEDICAL_REVIEW_MAX_AGE_DAYS`)."""
    return datetime.timedelta(
        days=getattr(settings, "MEDICAL_REVIEW_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    )


def reviewed_page_models():
    """Every page type that carries a medical review (conditions, treatments, …)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, MedicalReviewMixin) and issubclass(model, Page)
    ]


def _from_specific_tables(models, field):
    """`field` of each page, read from whichever specific table holds it, in one expression."""
    lookups = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(field)[:1]) for model in models
    ]
    return Coalesce(*lookups) if len(lookups) > 1 else lookups[0]


def pages_due_for_review(queryset=None, today=None):
    """Pages of `queryset` (default: every page) with a medical review older than the allowed age,
    or none at all, the longest-unreviewed first, each annotated with `review_date`,
    `reviewer_id` and `reviewer_title`."""
    models = reviewed_page_models()
    queryset = Page.objects.all() if queryset is None else queryset
    if not models:
        return queryset.none()
    cutoff = (today or timezone.localdate()) - max_review_age()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    return (
        queryset.filter(content_type__in=list(content_types), alias_of__isnull=True)
        .annotate(
            review_date=_from_specific_tables(models, "last_reviewed"),
            reviewer_id=_from_specific_tables(models, "reviewed_by_id"),
        )
        .annotate(
            reviewer_title=Subquery(
                Page.objects.filter(pk=OuterRef("reviewer_id")).values("title")[:1]
            )
        )
        .filter(Q(review_date__isnull=True) | Q(review_date__lt=cutoff))
        .order_by(F("review_date").asc(nulls_first=True), "title", "pk")
    )


class ReviewDueReportView(PageReportView):
    page_title = _("Medical review due")
    header_icon = "doc-full-inverse"
    index_url_name = "review_due_report"
    index_results_url_name = "review_due_report_results"
    results_template_name = "editorial/reports/review_due_results.html"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "reviewer_title", "review_date", "status_string", "locale"]
    export_headings = {
        "title": _("Title"),
        "reviewer_title": _("Last reviewed by"),
        "review_date": _("Last medically reviewed"),
        "status_string": _("Status"),
        "locale": _("Language"),
    }

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = pages_due_for_review(editable.select_related("locale", "content_type"))
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["max_age_days"] = max_review_age().days
        return context
