"""A translated clinical page goes live only with text a medical reviewer approved in its own
language: translating ends in the Medical review, with a draft in the translation's language, and
the page records the review of that language's text."""

import datetime
import json
import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.editorial.roles import act, member, refused, spanish, submit_for_review

pytestmark = pytest.mark.django_db


def translation_into_spanish(page):
    return Translation.objects.get(
        source__object_id=page.translation_key,
        target_locale=Locale.objects.get(language_code="es"),
    )


def translate_string(client, translation, path, text):
    """What the translation editor does when a translator edits one string."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content


def forget_string(translation, path):
    """A string nobody has translated yet (as after a sync brings new English text)."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    StringTranslation.objects.filter(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale=translation.target_locale,
    ).delete()


def live(page):
    return page.__class__.objects.get(pk=page.pk)


def test_a_translation_is_submitted_as_a_spanish_draft_the_reviewer_previews_and_approves(
    demo, marketing, reviewer
):
    editor_user, editor = marketing
    reviewer_user, reviewer_client = reviewer
    page = spanish(demo.migraine)
    live_title = page.title
    translation = translation_into_spanish(demo.migraine)
    opened = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "goes live in this language once a medical reviewer approves" in opened
    assert reverse("submit_translation_for_review", args=[page.pk]) in opened
    translate_string(editor, translation, "title", "Migraña crónica (revisada)")
    assert live(page).title == live_title  # the translation editor changes no live text

    submit_url = reverse("submit_translation_for_review", args=[page.pk])
    header = editor.get(reverse("wagtailadmin_explore", args=[page.pk])).content.decode()
    assert submit_url in header
    assert "Migraña crónica (revisada)" not in Client().get(page.url).content.decode()
    confirm = editor.get(submit_url).content.decode()
    assert "in Spanish" in confirm
    assert editor.post(submit_url).status_code == 302

    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.content["title"] == "Migraña crónica (revisada)"
    assert live(page).title == live_title  # still in review
    assert (
        submit_url
        not in editor.get(reverse("wagtailadmin_explore", args=[page.pk])).content.decode()
    )
    assert "already in review" in editor.get(submit_url).content.decode()

    preview = reviewer_client.get(
        reverse(
            "wagtailadmin_pages:workflow_preview", args=[page.pk, state.current_task_state.task_id]
        )
    )
    assert preview.status_code == 200
    assert "Migraña crónica (revisada)" in preview.content.decode()

    act(reviewer_client, page, "approve")
    published = live(page)
    assert published.title == "Migraña crónica (revisada)"
    assert published.last_reviewed == timezone.localdate()
    assert published.reviewed_by_id == demo.mcallister.pk
    public = Client().get(published.url).content.decode()
    assert "Migraña crónica (revisada)" in public
    assert timezone.localdate().strftime("%Y") in public


def test_a_translation_with_an_untranslated_string_cannot_be_submitted(demo, marketing):
    _, editor = marketing
    page = spanish(demo.migraine)
    translation = translation_into_spanish(demo.migraine)
    translate_string(editor, translation, "title", "Migraña crónica, nueva")
    forget_string(translation, "search_description")
    latest_revision = Page.objects.get(pk=page.pk).latest_revision_id

    url = reverse("submit_translation_for_review", args=[page.pk])
    confirm = editor.get(url).content.decode()
    assert "1 string is not translated yet" in confirm
    assert 'type="submit"' not in confirm

    response = editor.post(url, follow=True)
    assert "1 string is not translated yet" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert Page.objects.get(pk=page.pk).latest_revision_id == latest_revision  # no draft made


def test_nobody_may_submit_a_page_they_cannot_edit_or_with_nothing_new(demo, django_user_model):
    _, intake = member(django_user_model, "rosa-d", "Intake")
    page = spanish(demo.migraine)
    url = reverse("submit_translation_for_review", args=[page.pk])
    assert refused(intake.post(url))
    _, editor = member(django_user_model, "dana-2", "Marketing editors")
    assert (
        "Nothing has changed since this page was last published" in editor.get(url).content.decode()
    )
    editor.post(url)  # nothing translated since it went live
    assert editor.post(reverse("submit_translation_for_review", args=[999999])).status_code == 404
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_each_language_records_the_review_of_its_own_text(demo, marketing, reviewer):
    editor_user, _ = marketing
    _, reviewer_client = reviewer
    page = demo.migraine
    es = spanish(page)
    es.last_reviewed = datetime.date(2025, 3, 1)
    es.save_revision().publish()

    submit_for_review(page, editor_user, "Chronic migraine, reviewed")
    act(reviewer_client, page, "approve")
    assert live(page).last_reviewed == timezone.localdate()

    # Syncing the English page's translations leaves the Spanish review as it was.
    source = translation_into_spanish(page).source
    source.update_from_db()
    source.create_or_update_translation(es.locale, publish=False, fallback=True)
    assert live(es).last_reviewed == datetime.date(2025, 3, 1)
    spanish_page = Client().get(es.url).content.decode()
    assert (
        "2025" in spanish_page
        and str(timezone.localdate().year) not in spanish_page.split("2025")[0][-200:]
    )


def test_a_new_translation_starts_unreviewed(demo):
    from treatments.models import ConditionPage

    french = Locale.objects.create(language_code="fr")
    source_page = ConditionPage.objects.get(pk=demo.migraine.pk)
    assert source_page.last_reviewed is not None
    copy = source_page.copy_for_translation(french, copy_parents=True)
    assert copy.reviewed_by_id is None and copy.last_reviewed is None


def test_approval_publishes_what_the_reviewer_saw_not_a_later_draft(demo, marketing, reviewer):
    editor_user, _ = marketing
    _, reviewer_client = reviewer
    page = demo.ketamine
    submit_for_review(page, editor_user, "Ketamine infusion therapy, reviewed")
    later = page.specific_class.objects.get(pk=page.pk)
    later.title = "Ketamine infusion therapy, unreviewed edit"
    later.save_revision(user=editor_user)

    act(reviewer_client, page, "approve")
    published = live(page)
    assert published.title == "Ketamine infusion therapy, reviewed"
    assert published.last_reviewed == timezone.localdate()
    assert published.has_unpublished_changes  # the later edit waits as a draft
    public = Client().get(published.url).content.decode()
    assert "unreviewed edit" not in public


def sync_url(page):
    return reverse(
        "wagtail_localize:update_translations", args=[translation_into_spanish(page).source_id]
    )


def test_syncing_a_clinical_page_never_publishes_its_translations(demo, marketing):
    editor_user, editor = marketing
    english = demo.migraine.specific_class.objects.get(pk=demo.migraine.pk)
    english.title = "Chronic migraine, new wording"
    english.save_revision(user=editor_user).publish(skip_permission_checks=True)
    es = spanish(demo.migraine)
    live_revision, live_title = es.live_revision_id, es.title

    form = editor.get(sync_url(demo.migraine)).content.decode()
    assert "This is a clinical page" in form
    assert 'name="publish_translations"' not in form

    response = editor.post(sync_url(demo.migraine), {"publish_translations": "on"})
    assert response.status_code == 302
    synced = live(es)
    assert synced.live_revision_id == live_revision
    assert synced.title == live_title
    assert synced.has_unpublished_changes  # a draft with the new text, for review
    assert synced.get_latest_revision().content["title"] == "Chronic migraine, new wording"
    assert "new wording" not in Client().get(es.url).content.decode()


def test_syncing_with_publish_needs_the_right_to_publish_every_translation(demo, marketing):
    _, editor = marketing
    home_es = spanish(demo.home)
    live_revision = home_es.live_revision_id
    response = editor.post(sync_url(demo.home), {"publish_translations": "on"})
    assert refused(response)
    assert Page.objects.get(pk=home_es.pk).live_revision_id == live_revision


def test_machine_translated_strings_stay_marked_until_a_person_checks_them(demo, marketing):
    _, editor = marketing
    page = spanish(demo.migraine)
    translation = translation_into_spanish(demo.migraine)
    forget_string(translation, "title")
    forget_string(translation, "search_description")
    back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = editor.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]) + f"?next={back}"
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    assert machine.count() == 2  # filled in, and marked as the machine's

    url = reverse("submit_translation_for_review", args=[page.pk])
    assert "2 strings were translated by machine" in editor.get(url).content.decode()
    editor.post(url)
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()

    # A translator checks both: one corrected, one kept as the machine wrote it.
    kept = machine.get(context__path="search_description").data
    translate_string(editor, translation, "title", "Migraña crónica")
    translate_string(editor, translation, "search_description", kept)
    assert not machine.exists()
    assert editor.post(url).status_code == 302
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "in_progress"


def test_the_machine_translator_is_chosen_by_settings():
    from cms.settings.base import machine_translator
    from cms.settings.environment import ConfigurationError

    assert machine_translator("") is None
    assert machine_translator("dummy")["CLASS"].endswith("DummyTranslator")
    # An unknown one stops the start with a line that names the variable.
    with pytest.raises(ConfigurationError, match="MACHINE_TRANSLATOR='babelfish'"):
        machine_translator("babelfish")


def test_a_translation_sent_back_for_changes_is_resubmitted_to_the_same_review(
    demo, marketing, reviewer
):
    _, editor = marketing
    _, reviewer_client = reviewer
    page = spanish(demo.migraine)
    translation = translation_into_spanish(demo.migraine)
    submit_url = reverse("submit_translation_for_review", args=[page.pk])
    translate_string(editor, translation, "title", "Migraña crónica (primer intento)")
    assert editor.post(submit_url).status_code == 302
    assert act(reviewer_client, page, "reject", "Please say 'crónica' once.").status_code < 400
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    translate_string(editor, translation, "title", "Migraña crónica (corregida)")
    assert editor.post(submit_url).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.content["title"] == "Migraña crónica (corregida)"
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1

    act(reviewer_client, page, "approve")
    assert live(page).title == "Migraña crónica (corregida)"


def translation_editor_props(client, page):
    """What wagtail-localize's translation editor is given to show (its React props)."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    assert match, "not the translation editor"
    return json.loads(unescape(match.group(1))), html


def submitted_translation(editor, page, translation, title):
    translate_string(editor, translation, "title", title)
    assert editor.post(reverse("submit_translation_for_review", args=[page.pk])).status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk))


def test_a_reviewers_correction_in_the_translation_editor_is_what_goes_live(
    demo, marketing, reviewer
):
    _, editor = marketing
    reviewer_user, reviewer_client = reviewer
    page = spanish(demo.migraine)
    translation = translation_into_spanish(demo.migraine)
    state = submitted_translation(editor, page, translation, "Migraña crónica (con erata)")

    # The reviewer may correct the text in the translation editor; it says what that does.
    props, html = translation_editor_props(reviewer_client, page)
    assert not props["object"]["isLocked"]
    assert not props["perms"]["canPublish"]  # no "Publish in Español": Approve publishes
    assert "becomes part of the draft under review" in html
    translate_string(reviewer_client, translation, "title", "Migraña crónica (corregida)")

    # The correction is the draft under review: the reviewer's preview shows it …
    state.refresh_from_db()
    under_review = state.current_task_state.revision
    assert under_review.content["title"] == "Migraña crónica (corregida)"
    assert under_review.user == reviewer_user
    preview = reviewer_client.get(
        reverse(
            "wagtailadmin_pages:workflow_preview", args=[page.pk, state.current_task_state.task_id]
        )
    ).content.decode()
    assert "Migraña crónica (corregida)" in preview and "erata" not in preview
    assert live(page).title != "Migraña crónica (corregida)"  # nothing live before approval

    # … and the approval publishes it, with the Spanish review.
    act(reviewer_client, page, "approve")
    published = live(page)
    assert published.title == "Migraña crónica (corregida)"
    assert published.last_reviewed == timezone.localdate()
    public = Client().get(published.url).content.decode()
    assert "Migraña crónica (corregida)" in public and "erata" not in public


def test_during_review_the_translation_editor_is_read_only_for_everyone_but_the_reviewer(
    demo, marketing, reviewer
):
    _, editor = marketing
    _, reviewer_client = reviewer
    page = spanish(demo.migraine)
    translation = translation_into_spanish(demo.migraine)
    state = submitted_translation(editor, page, translation, "Migraña crónica (enviada)")
    submitted = state.current_task_state.revision_id

    props, html = translation_editor_props(editor, page)
    assert props["object"]["isLocked"]  # no Edit or Translate buttons
    assert "read-only until the reviewer approves it or requests changes" in html

    # Nor can the texts be changed at wagtail-localize's addresses.
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = editor.put(
        url,
        urlencode({"value": "Cambiada en revisión"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert editor.delete(url).status_code == 403
    assert (
        StringTranslation.objects.get(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=page.locale
        ).data
        == "Migraña crónica (enviada)"
    )
    machine = editor.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert machine.status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.revision_id == submitted

    # Once the reviewer requests changes, the translator edits again.
    act(reviewer_client, page, "reject", "Please check the title.")
    props, _ = translation_editor_props(editor, page)
    assert not props["object"]["isLocked"]
    translate_string(editor, translation, "title", "Migraña crónica (revisada)")


def test_a_reviewer_cannot_leave_a_text_untranslated_in_the_reviewed_draft(
    demo, marketing, reviewer
):
    _, editor = marketing
    _, reviewer_client = reviewer
    page = spanish(demo.migraine)
    translation = translation_into_spanish(demo.migraine)
    state = submitted_translation(editor, page, translation, "Migraña crónica (enviada)")
    submitted = state.current_task_state.revision_id

    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = reviewer_client.delete(url)
    assert response.status_code == 400
    assert "1 string is not translated yet" in response.json()["detail"]
    assert StringTranslation.objects.filter(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale=page.locale
    ).exists()  # undone
    state.refresh_from_db()
    assert state.current_task_state.revision_id == submitted


def test_the_translation_editor_offers_alias_and_publish_only_as_the_review_allows(
    demo, marketing, reviewer, django_user_model
):
    _, editor = marketing
    _, reviewer_client = reviewer
    page = spanish(demo.anxiety)

    props, html = translation_editor_props(editor, page)
    assert props["links"]["convertToAliasUrl"] is None  # no "Convert to alias page"
    assert not props["perms"]["canPublish"]
    props, _ = translation_editor_props(reviewer_client, page)
    assert props["links"]["convertToAliasUrl"]  # a reviewer may publish it, so may alias it
    assert not props["perms"]["canPublish"]

    # A page that makes no medical claims keeps wagtail-localize's own offer.
    admin = django_user_model.objects.create_superuser("root-2", password="a-long-test-password-42")
    admin_client = Client()
    admin_client.force_login(admin)
    props, _ = translation_editor_props(admin_client, spanish(demo.about))
    assert props["perms"]["canPublish"] and props["links"]["convertToAliasUrl"]
