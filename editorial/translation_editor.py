"""wagtail-localize's translation editor on a clinical translation, during and outside its review.

wagtail-localize keeps each translated string in its translation memory, not in the page: what a
reviewer approves is the draft revision built from those strings when the page was submitted
(`review_submission`). Without this module the translation editor stayed open during the review,
so a reviewer's correction there was saved in the memory but not in the draft they then approved
(the text went live uncorrected), and it offered "Publish in <language>" and "Convert to alias
page" to people whom the review, not the editor, must let through.

Here, on a clinical translation:

- while it is in review, only those the review's lock lets edit (Wagtail's `WorkflowLock`: the
  reviewers of the current task) change its texts. Each change they save in the translation editor
  (a text, an image or other override, a PO file) builds the reviewed draft again from the
  translated strings, as submitting does, and becomes the revision under review: the reviewer's
  preview shows it and their approval publishes it. A change that would leave a string
  untranslated or unchecked is refused and undone. For everyone else the translation editor is
  read-only until the reviewer approves or requests changes, as Wagtail's page editor is;
- the editor offers no "Publish in <language>" (the reviewer's approval publishes it), and
  "Convert to alias page" only to those who may publish the page;
- the same rules hold at wagtail-localize's addresses, whatever the browser shows
  (`guarded`, served before wagtail-localize's views at the same addresses).

The translation editor's buttons come from its React props, which wagtail-localize builds in its
view and hands to its template as one JSON string (`props`); wagtail-localize has no documented
hook for them. The project's `templates/wagtail_localize/admin/edit_translation.html` extends
wagtail-localize's own and renders it with the props this module adjusts
(`editor_props`, through the `reviewed_translation_editor_props` template tag).
"""

import json
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from editorial import review_submission
from editorial.models import MedicalReviewMixin


def current_task_state(page):
    """The review step now waiting on a reviewer, if any (none while changes are requested)."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return state.current_task_state


def locked_for(page, user):
    """The lock (a review in progress, or an editor's own lock) that keeps `user` from editing
    `page`, or None."""
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        return lock
    return None


def lock_message(page, lock, user):
    message = lock.get_message(user) or _("This page is locked.")
    if current_task_state(page) is None:
        return message
    return _(
        "%(lock)s Its translation is read-only until the reviewer approves it or requests changes."
    ) % {"lock": message}


def editor_props(props, page, user):
    """wagtail-localize's translation editor props (a JSON string) for `page` as `user` may use
    them: on a clinical page no "Publish in <language>", "Convert to alias page" only for those
    who may publish it, and read-only for those the review's lock keeps out."""
    if not isinstance(page, MedicalReviewMixin):
        return props
    data = json.loads(props)
    data["perms"]["canPublish"] = False
    if not page.permissions_for_user(user).can_publish():
        data["links"]["convertToAliasUrl"] = None
    if locked_for(page, user) is not None:
        data["object"]["isLocked"] = True
    return json.dumps(data, cls=DjangoJSONEncoder)


def clinical_target(translation_id):
    """The translation and its target page when that page is clinical, else (translation, None)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return translation, None
    return translation, (target if isinstance(target, MedicalReviewMixin) else None)


def guarded(view, answers="json"):
    """wagtail-localize's view `view`, which changes a translation's strings or overrides, as the
    rules of this module allow on a clinical page. `answers`: "json" for the translation editor's
    requests, "redirect" for its forms (PO file, machine translation)."""

    def refuse(request, page, message, status):
        if answers == "json":
            return JsonResponse({"detail": message}, status=status)
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)

    @wraps(view)
    def guarded_view(request, translation_id, *args, **kwargs):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return view(request, translation_id, *args, **kwargs)
        translation, page = clinical_target(translation_id)
        if page is None:
            return view(request, translation_id, *args, **kwargs)
        lock = locked_for(page, request.user)
        if lock is not None:
            return refuse(request, page, lock_message(page, lock, request.user), 403)
        task_state = current_task_state(page)
        if task_state is None:
            return view(request, translation_id, *args, **kwargs)
        with transaction.atomic():
            response = view(request, translation_id, *args, **kwargs)
            if response.status_code >= 400:
                return response
            problem = review_submission.save_translation_draft(translation, request.user)
            if problem is not None:
                transaction.set_rollback(True)
                # What the view said it did (e.g. "imported") was undone: say only why.
                list(messages.get_messages(request))
                return refuse(
                    request,
                    page,
                    _("Not saved, so the text under review is unchanged. %(problem)s")
                    % {"problem": problem},
                    400,
                )
            # The draft with the reviewer's correction is what is now under review: their
            # preview shows it and their approval publishes it.
            page.refresh_from_db()
            task_state.revision = page.get_latest_revision()
            task_state.save(update_fields=["revision"])
        return response

    return guarded_view
