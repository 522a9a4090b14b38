"""Submitting a translation to the Medical review.

wagtail-localize replaces the editor of a translated page with its own translation editor, which
keeps each translated string in its translation memory (not in a revision of the page) and can
publish but cannot start a workflow. Without another way in, a Spanish condition page could be
published only by someone allowed to skip the review, and the page's latest revision, the one a
workflow would send to the reviewer, still holds the text as it was before anyone translated it.

This view, offered in the page's header menu ("⋯ → Submit for review") and in a banner of the
translation editor, first saves the translation's strings as a draft revision of the page,
refusing while any string is untranslated, and submits that draft to the page's workflow, as the
page editor's "Submit to …" does for an English page. The reviewer previews and approves or rejects it as usual.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import (
    MissingRelatedObjectError,
    MissingTranslationError,
    StringSegment,
    StringTranslation,
    Translation,
)


def translation_of(page):
    """The enabled wagtail-localize translation whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def has_changes_to_review(page, translation):
    """A draft revision, or strings translated (or a source synced) since the page last went
    live."""
    if page.has_unpublished_changes or page.last_published_at is None:
        return True
    if translation is None:
        return False
    if translation.source.last_updated_at > page.last_published_at:
        return True
    return StringTranslation.objects.filter(
        context__object_id=translation.source.object_id,
        locale_id=page.locale_id,
        updated_at__gt=page.last_published_at,
    ).exists()


def may_submit(page, user):
    """A page with a workflow, not already in review, that `user` may edit."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()


def can_submit(page, user, translation=None):
    """`may_submit`, and something to review."""
    return may_submit(page, user) and has_changes_to_review(page, translation)


def language_name(locale):
    """The language's name in the admin user's language ("Spanish", not "Español")."""
    try:
        return get_language_info(locale.language_code)["name_translated"]
    except KeyError:
        return locale.get_display_name()


def untranslated_count(translation):
    total, translated = translation.get_progress()
    return total - translated


def machine_translated_count(translation):
    """How many of the page's strings still hold a machine's translation that no person has
    checked (editing a string in the translation editor, or saving it unchanged, marks it as a
    person's)."""
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=translation.target_locale_id,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                )
            )
        )
        .count()
    )


def not_ready_for_review(translation):
    """Why the translation cannot go to review yet (a message), or None."""
    missing = untranslated_count(translation)
    if missing:
        return ngettext(
            "%(count)d string is not translated yet: translate it before submitting the page "
            "for review.",
            "%(count)d strings are not translated yet: translate them before submitting the "
            "page for review.",
            missing,
        ) % {"count": missing}
    machine = machine_translated_count(translation)
    if machine:
        return ngettext(
            "%(count)d string was translated by machine and nobody has checked it yet: check "
            "it in the translation editor (edit it, or save it as it is) before submitting.",
            "%(count)d strings were translated by machine and nobody has checked them yet: "
            "check each in the translation editor (edit it, or save it as it is) before "
            "submitting.",
            machine,
        ) % {"count": machine}
    return None


def save_translation_draft(translation, user):
    """Save the translated strings as a draft revision of the target page (nothing falls back to
    the source language). Returns an error message, or None when the draft was saved."""
    problem = not_ready_for_review(translation)
    if problem:
        return problem
    try:
        translation.source.create_or_update_translation(
            translation.target_locale, user=user, publish=False, fallback=False
        )
    except MissingTranslationError:
        return _("Some strings are not translated yet: translate them before submitting.")
    except MissingRelatedObjectError:
        return _(
            "The page uses a snippet or page that has no translation into this language yet: "
            "translate it first."
        )
    except ValidationError as error:
        return _("The translation cannot be saved: %(errors)s") % {
            "errors": "; ".join(error.messages)
        }
    return None


@require_http_methods(["GET", "POST"])
def submit_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translation = translation_of(page)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if page.workflow_in_progress:
        problem = _("This page is already in review: the reviewer approves or rejects it first.")
    elif not may_submit(page, request.user):
        raise PermissionDenied
    elif not has_changes_to_review(page, translation):
        problem = _(
            "Nothing has changed since this page was last published: there is nothing to review."
        )
    elif translation is not None:
        problem = not_ready_for_review(translation)
    else:
        problem = None
    if request.method == "POST":
        error = problem
        with transaction.atomic():
            if error is None and translation is not None:
                error = save_translation_draft(translation, request.user)
            if error is None:
                page.refresh_from_db()
                state = page.current_workflow_state
                if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                    # The reviewer asked for changes: the same review goes on with the new draft.
                    state.resume(request.user)
                else:
                    workflow.start(page, request.user)
        if error is not None:
            messages.error(request, error)
            return redirect("wagtailadmin_pages:edit", page.pk)
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
            "translation": translation,
            "language": language_name(translation.target_locale) if translation else "",
            "problem": problem,
            "header_title": _("Submit for review"),
            "page_title": _("Submit for review"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "resubmit",
            "submit_url": reverse("submit_translation_for_review", args=[page.pk]),
            "next_url": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        },
    )
