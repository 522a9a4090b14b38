"""The admin side of medical review: the review-due report, a warning on clinical pages without a
meta description, submitting a translation to the review, the translation editor during a review
(a reviewer's corrections become the reviewed draft; read-only for everyone else), and closing
wagtail-localize's ways around it (its translation editor's Publish, "Sync translated pages" with
"Publish immediately", "Convert to alias page"), served at wagtail-localize's own addresses; its
translations report only for those who edit pages. The page editor's autosave saves every edit and
clears a refusal's errors once the corrected form is saved (static/js/editor-autosave.js)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.views import edit_translation
from wagtail_localize.views.report import TranslationsReportView

from editorial import review_submission, translation_editor, translation_sync
from editorial.models import MedicalReviewMixin
from editorial.reports import ReviewDueReportView
from editorial.translation_sync import ReviewedUpdateTranslationsView


@hooks.register("before_edit_page")
def warn_about_missing_meta_description(request, page):
    """Clinical pages are judged by search engines on their description: say so when it is empty.
    Shown when the editor opens the page (not on save, when the form says what changed)."""
    if request.method != "GET" or not isinstance(page, MedicalReviewMixin):
        return
    if not (page.search_description or "").strip():
        messages.warning(
            request,
            _(
                "This clinical page has no meta description. Search engines then show a summary "
                "of their own choosing: add one of one or two sentences under Promote → "
                "“Meta description”."
            ),
        )


@hooks.register("insert_editor_js")
def autosave_what_the_editor_changed():
    """Wagtail's autosave saves a form it shows again with errors as soon as it loads (a clinical
    page refused for review is created anyway) and then no later edit; it leaves the refusal's
    red banner after the corrected form is saved; and it never saves an edit made while the
    editor loads. static/js/editor-autosave.js says how each is mended."""
    return format_html('<script defer src="{}"></script>', static("js/editor-autosave.js"))


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return edits_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_review_due_menu_item():
    return ReviewDueMenuItem(
        gettext_lazy("Medical review due"),
        reverse("review_due_report"),
        name="medical-review-due",
        icon_name="doc-full-inverse",
        order=750,
    )


@hooks.register("register_admin_urls")
def register_review_due_urls():
    return [
        path("reports/review-due/", ReviewDueReportView.as_view(), name="review_due_report"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="review_due_report_results",
        ),
    ]


@hooks.register("register_page_header_buttons")
def submit_translation_for_review_button(page, user, view_name=None, next_url=None):
    """The translation editor has no workflow actions: offer them in the page's header menu."""
    translation = review_submission.translation_of(page)
    if translation is None or not review_submission.can_submit(page, user, translation):
        return
    yield Button(
        _("Submit for review"),
        reverse("submit_translation_for_review", args=[page.pk]),
        icon_name="resubmit",
        priority=5,
    )


@hooks.register("before_edit_page", order=-1)
def point_translators_to_the_review(request, page):
    """wagtail-localize's translation editor has no workflow actions: when it opens on a clinical
    translation, say how its text goes live, with the "Submit for review" button."""
    if request.method != "GET" or not isinstance(page, MedicalReviewMixin):
        return None
    if review_submission.translation_of(page) is None:
        return None
    if not review_submission.may_submit(page, request.user):
        return None
    wagtail_messages.info(
        request,
        _(
            "This clinical page goes live in this language once a medical reviewer approves "
            "its text. When every sentence is translated and checked, submit it for review."
        ),
        buttons=[
            wagtail_messages.button(
                reverse("submit_translation_for_review", args=[page.pk]), _("Submit for review")
            )
        ],
    )
    return None


@hooks.register("before_edit_page", order=-1)
def publish_clinical_translations_through_review(request, page):
    """The translation editor offers whoever may publish a page its own Publish, which would put a
    clinical translation live without a review on record. Runs before wagtail-localize's editor
    and sends them to "Submit for review" instead (the review's approval publishes it)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(page, MedicalReviewMixin):
        return None
    if review_submission.translation_of(page) is None:
        return None
    if not page.permissions_for_user(request.user).can_publish():
        return None  # the translation editor refuses them itself
    if translation_editor.current_task_state(page) is not None:
        messages.warning(
            request,
            _(
                "This page is in medical review: it goes live when the reviewer approves it "
                "(Approve, on the dashboard)."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.warning(
        request,
        _(
            "A translated clinical page goes live when a medical reviewer approves its text: "
            "submit it for review."
        ),
    )
    return redirect("submit_translation_for_review", page.pk)


@hooks.register("before_edit_page", order=-1)
def say_what_the_translation_editor_does_in_review(request, page):
    """While a clinical translation is in review, the translation editor says what saving in it
    does: for the reviewer, it changes the draft they approve; for everyone else it is read-only."""
    if request.method != "GET" or not isinstance(page, MedicalReviewMixin):
        return None
    if review_submission.translation_of(page) is None:
        return None
    if translation_editor.current_task_state(page) is None:
        return None
    lock = translation_editor.locked_for(page, request.user)
    if lock is not None:
        wagtail_messages.warning(request, translation_editor.lock_message(page, lock, request.user))
        return None
    wagtail_messages.info(
        request,
        _(
            "This page is in medical review. A text you correct and save here becomes part of "
            "the draft under review: your preview shows it and Approve publishes it."
        ),
        buttons=[wagtail_messages.button(reverse("wagtailadmin_home"), _("Go to your reviews"))],
    )
    return None


@hooks.register("register_admin_urls")
def register_review_submission_urls():
    return [
        path(
            "medical-review/submit/<int:page_id>/",
            review_submission.submit_for_review,
            name="submit_translation_for_review",
        )
    ]


@hooks.register("register_admin_urls", order=-1)
def register_reviewed_sync_url():
    """Served before wagtail-localize's own view at the same address (and URL name)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="reviewed_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_sync.convert_to_alias,
            name="reviewed_convert_to_alias",
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_reviewed_translation_editor_urls():
    """What the translation editor saves, served before wagtail-localize's own views at the same
    addresses: on a clinical page in review, only the reviewer's changes, which rebuild the
    reviewed draft (editorial/translation_editor.py)."""
    return [
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            translation_editor.guarded(edit_translation.edit_string_translation),
            name="reviewed_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            translation_editor.guarded(edit_translation.edit_override),
            name="reviewed_edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            translation_editor.guarded(edit_translation.upload_pofile, answers="redirect"),
            name="reviewed_upload_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            translation_editor.guarded(edit_translation.machine_translate, answers="redirect"),
            name="reviewed_machine_translate",
        ),
    ]


def edits_pages(user):
    return PagePermissionPolicy(Page).user_has_any_permission(user, ["add", "change", "publish"])


@hooks.register("construct_reports_menu")
def hide_translations_report_from_non_editors(request, menu_items):
    """wagtail-localize's "Translations" report lists every page and snippet to anyone in the
    admin: only for those who edit pages (Intake handles appointment requests only)."""
    if not edits_pages(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "translations"]


def translations_report(results_only=False):
    view = TranslationsReportView.as_view(results_only=results_only)

    def guarded(request, *args, **kwargs):
        if not edits_pages(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@hooks.register("register_admin_urls", order=-1)
def register_guarded_translations_report_urls():
    """Served before wagtail-localize's own report, at the same addresses."""
    return [
        path(
            "localize/reports/translations/",
            translations_report(),
            name="guarded_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            translations_report(results_only=True),
            name="guarded_translations_report_results",
        ),
    ]


@hooks.register("construct_page_action_menu")
def keep_clinical_translations_from_becoming_aliases(menu_items, request, context):
    """The editor's "Convert to alias page" only for those who may publish a clinical page."""
    page = context.get("page")
    if (
        isinstance(page, MedicalReviewMixin)
        and not page.permissions_for_user(request.user).can_publish()
    ):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
