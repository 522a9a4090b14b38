"""Marketing cannot put a clinical page, in any language, live past the Medical review by any path
the admin or the API offers: the publish button, the translation editor, a sync, bulk actions,
copying, scheduled publishing or the API with their own token."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, Page

from tests.editorial.roles import refused, spanish

pytestmark = pytest.mark.django_db


def clinical_pages(demo):
    return [demo.migraine, spanish(demo.migraine), demo.ketamine, spanish(demo.ketamine)]


def live_state(pages):
    return {page.pk: Page.objects.get(pk=page.pk).live_revision_id for page in pages}


def draft(page, user, title):
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = title
    return page.save_revision(user=user)


def public_titles(pages):
    return [Page.objects.get(pk=page.pk).title for page in pages]


def test_bulk_publish_leaves_clinical_pages_as_they_were(demo, marketing):
    user, client = marketing
    pages = clinical_pages(demo)
    for page in pages:
        draft(page, user, "Unreviewed title")
    before = live_state(pages)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = "&".join(f"id={page.pk}" for page in pages)
    client.post(f"{url}?{query}")
    assert live_state(pages) == before
    assert "Unreviewed title" not in public_titles(pages)


@pytest.mark.parametrize("language", ["en", "es"])
def test_copying_a_clinical_page_never_publishes_the_copy(demo, marketing, language):
    _, client = marketing
    page = demo.migraine if language == "en" else spanish(demo.migraine)
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    form = client.get(url).content.decode()
    assert "Publish copied page" not in form and 'name="publish_copies"' not in form
    assert 'name="alias"' not in form
    response = client.post(
        url,
        {
            "new_title": "Chronic migraine (copy)",
            "new_slug": "chronic-migraine-copy",
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
            "alias": "on",
        },
    )
    assert response.status_code == 302  # copied, as a draft: the extra choices are ignored
    copy = Page.objects.get(slug="chronic-migraine-copy", locale=page.locale)
    assert not copy.live and copy.alias_of_id is None
    # a copy starts unreviewed
    assert copy.specific.last_reviewed is None and copy.specific.reviewed_by_id is None


def test_a_reviewer_may_still_publish_a_copy(demo, reviewer):
    _, client = reviewer
    form = client.get(reverse("wagtailadmin_pages:copy", args=[demo.migraine.pk]))
    assert "Publish copied page" in form.content.decode()


def test_a_scheduled_draft_that_nobody_approved_never_goes_live(demo, marketing):
    user, _ = marketing
    pages = [demo.migraine, spanish(demo.migraine)]
    for page in pages:
        specific = page.specific_class.objects.get(pk=page.pk)
        specific.title = "Scheduled, unreviewed"
        specific.go_live_at = timezone.now() - timedelta(minutes=5)
        specific.save_revision(user=user)
    before = live_state(pages)
    call_command("publish_scheduled")
    assert live_state(pages) == before
    assert "Scheduled, unreviewed" not in public_titles(pages)


def test_the_translation_editor_publishes_a_clinical_translation_only_through_review(
    demo, marketing, reviewer, django_capture_on_commit_callbacks
):
    page = spanish(demo.migraine)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    before = live_state([page])
    _, editor = marketing
    with django_capture_on_commit_callbacks(execute=True):
        assert refused(editor.post(edit_url, {"action": "publish"}))
    assert live_state([page]) == before

    # A reviewer may publish clinical pages, but a translation's text goes live through the
    # review, which records it: the editor's Publish sends them to "Submit for review".
    _, physician = reviewer
    with django_capture_on_commit_callbacks(execute=True):
        response = physician.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    assert response["Location"] == reverse("submit_translation_for_review", args=[page.pk])
    assert live_state([page]) == before


def test_the_api_with_an_editors_own_token_cannot_publish_a_clinical_page(demo, marketing):
    user, _ = marketing
    _, token = APIToken.create_token(user=user, name="marketing laptop")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    from django.test import Client

    client = Client()
    for page in (demo.migraine, spanish(demo.migraine)):
        before = live_state([page])
        update = client.patch(
            f"/api/v3/pages/{page.pk}/",
            json.dumps(
                {
                    "meta": {"type": "treatments.ConditionPage", "action": "publish"},
                    "title": "Published through the API",
                }
            ),
            content_type="application/json",
            **auth,
        )
        assert update.status_code == 405, update.content
        publish = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **auth)
        assert publish.status_code == 405, publish.content
        assert publish["Content-Type"] == "application/problem+json"
        assert "read-only" in publish.json()["detail"]
        assert live_state([page]) == before
        assert Page.objects.get(pk=page.pk).title != "Published through the API"


def test_a_clinical_translation_cannot_be_turned_into_a_copy_of_the_english_page(demo, marketing):
    _, client = marketing
    page = spanish(demo.anxiety)
    before = live_state([page])
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    response = client.post(url, follow=True)
    assert "only a reviewer can turn it into a copy" in response.content.decode()
    # … nor through the translation editor's menu, which posts to the editor.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"localize-convert-to-alias": "1"},
        follow=True,
    )
    kept = Page.objects.get(pk=page.pk)
    assert kept.alias_of_id is None
    assert live_state([page]) == before
    assert kept.title == page.title

    # A page that makes no medical claims may still become an alias of its source.
    about = spanish(demo.about)
    client.post(reverse("wagtail_localize:convert_to_alias", args=[about.pk]))
    assert Page.objects.get(pk=about.pk).alias_of_id == demo.about.pk
