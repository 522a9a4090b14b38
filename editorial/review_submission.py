"""Submitting a translation to the Medical review.

wagtail-localize replaces the editor of a translated page with its own translation editor, which
saves and publishes but cannot start a workflow. Without another way in, a Spanish condition page
could be published only by someone allowed to skip the review. This view, offered in the page's
header menu, submits the latest draft of such a page to its workflow, as the page editor's
"Submit to …" does for an English page; the reviewer then approves or rejects it as usual.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.models import Page


def can_submit(page, user):
    """A draft of a page with a workflow, not already in review, that `user` may edit."""
    permissions = page.permissions_for_user(user)
    return (
        page.has_unpublished_changes
        and permissions.can_edit()
        and permissions.can_submit_for_moderation()
    )


@require_http_methods(["GET", "POST"])
def submit_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit(page, request.user):
        raise PermissionDenied
    workflow = page.get_workflow()
    if request.method == "POST":
        workflow.start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” has been submitted to %(workflow)s.")
            % {"title": page.get_admin_display_title(), "workflow": workflow.name},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "wagtailadmin/medical_review/confirm_submit.html",
        {
            "page": page,
            "workflow": workflow,
            "header_title": _("Submit for review"),
            "page_title": _("Submit for review"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "resubmit",
            "submit_url": reverse("submit_translation_for_review", args=[page.pk]),
            "next_url": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        },
    )
