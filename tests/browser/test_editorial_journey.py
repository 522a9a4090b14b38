"""The editorial journey in the admin, in Chromium, on a demo site of its own (it changes content):
marketing translates a condition page into Spanish and submits it; the medical reviewer previews
the Spanish draft and approves it; the public Spanish page then shows the Spanish text and the date
of the Spanish review. Marketing is never offered a way to publish it."""

import datetime
import json
import urllib.request
import zoneinfo

import pytest
from playwright.sync_api import expect

from demo.builders.governance import demo_password
from tests.browser.site import DESKTOP, DemoSite

pytestmark = pytest.mark.browser

NEW_TITLE = "Migraña crónica: lo que debe saber"


@pytest.fixture(scope="module")
def editorial_site(chromium):
    with DemoSite(with_admin=True) as site:
        yield site


def signed_in(chromium, site, username):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site.url("/admin/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", demo_password(username))
    page.click("button[type=submit]")
    page.wait_for_url(site.url("/admin/"))
    return context, page


def public_html(chromium, url):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(url)
        return page.content()
    finally:
        context.close()


def approve(reviewer, title):
    """Approve, from the dashboard's "Awaiting your review", the page called `title`."""
    row = reviewer.locator("table.listing--dashboard tr").filter(has_text=title).first
    row.get_by_role("button", name="Actions").click()
    # The button posts a form of its own: wait for Wagtail's answer to that post.
    with reviewer.expect_response(
        lambda response: "/approve/" in response.url and response.request.method == "POST"
    ) as approved:
        row.locator(
            'button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])'
        ).click()
    assert approved.value.status < 400
    reviewer.wait_for_load_state()


def page_id_and_url(site, slug, language):
    url = site.url(f"/api/v2/pages/?locale={language}&slug={slug}")
    with urllib.request.urlopen(url) as response:
        item = json.load(response)["items"][0]
    return item["id"], item["meta"]["html_url"]


def test_an_english_edit_goes_live_once_the_reviewer_approves_it(chromium, editorial_site):
    site = editorial_site
    title = "Treatment-resistant depression: when to consider ketamine"
    page_id, public_url = page_id_and_url(site, "treatment-resistant-depression", "en")

    context, editor = signed_in(chromium, site, "marketing")
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    editor.fill("#id_title", title)
    # Marketing is offered no Publish for a clinical page: the footer's menu submits it.
    editor.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    assert editor.get_by_role("button", name="Publish").count() == 0
    editor.get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator("body")).to_contain_text("has been submitted for moderation")
    context.close()
    assert title not in public_html(chromium, public_url)

    context, reviewer = signed_in(chromium, site, "reviewer")
    approve(reviewer, title)
    context.close()

    today = datetime.datetime.now(zoneinfo.ZoneInfo("America/New_York")).date().isoformat()
    live = public_html(chromium, public_url)
    assert title in live
    assert "Medically reviewed by" in live and f'<time datetime="{today}">' in live


def test_a_spanish_translation_goes_live_only_through_a_spanish_review(chromium, editorial_site):
    site = editorial_site
    page_id, public_url = page_id_and_url(site, "migrana-cronica", "es")
    live_before = public_html(chromium, public_url)
    assert NEW_TITLE not in live_before

    # Marketing translates the title in wagtail-localize's translation editor.
    context, editor = signed_in(chromium, site, "marketing")
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    editor.wait_for_load_state("networkidle")
    assert editor.get_by_role("button", name="Publish").count() == 0
    editor.get_by_role("button", name="Edit").first.click()
    editor.locator("textarea").first.fill(NEW_TITLE)
    # The string is saved by a request of its own: wait for it before leaving the editor.
    with editor.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ) as saved:
        editor.get_by_role("button", name="Save").first.click()
    assert saved.value.ok

    # … and submits it from the banner: the Spanish text goes to review, nothing goes live.
    editor.get_by_role("link", name="Submit for review").first.click()
    expect(editor.locator("main")).to_contain_text("saved as a draft in Spanish")
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator("body")).to_contain_text("has been submitted to Medical review")
    context.close()
    assert NEW_TITLE not in public_html(chromium, public_url)

    # The reviewer finds it on the dashboard and previews it: in Spanish.
    context, reviewer = signed_in(chromium, site, "reviewer")
    awaiting = reviewer.locator("#awaiting-review-section, section").filter(
        has_text="Awaiting your review"
    )
    assert NEW_TITLE in awaiting.first.inner_text()
    preview_url = reviewer.locator('a[href*="/workflow/preview/"]').first.get_attribute("href")
    preview = context.new_page()
    preview.goto(site.url(preview_url))
    assert NEW_TITLE in preview.locator("h1").first.inner_text()
    assert 'lang="es"' in preview.content()
    preview.close()

    # … and approves it.
    approve(reviewer, NEW_TITLE)
    context.close()

    # The Spanish page shows the Spanish text and the review of that text, today.
    today = datetime.datetime.now(zoneinfo.ZoneInfo("America/New_York")).date().isoformat()
    live_after = public_html(chromium, public_url)
    assert NEW_TITLE in live_after
    assert "Revisado médicamente por" in live_after
    assert f'<time datetime="{today}">' in live_after


def test_marketing_is_offered_no_way_to_publish_a_clinical_page(chromium, editorial_site):
    """Every path the admin shows marketing: the editor's menu in both languages, copying, bulk
    publishing from the listing, and syncing the translations."""
    site = editorial_site
    english_id, english_url = page_id_and_url(site, "anxiety", "en")
    spanish_id, spanish_url = page_id_and_url(site, "ansiedad", "es")
    before = {url: public_html(chromium, url) for url in (english_url, spanish_url)}
    context, editor = signed_in(chromium, site, "marketing")

    for page_id in (english_id, spanish_id):
        editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
        editor.wait_for_load_state("networkidle")
        editor.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
        expect(editor.get_by_role("button", name="Publish", exact=True)).to_have_count(0)

        editor.goto(site.url(f"/admin/pages/{page_id}/copy/"))
        expect(editor.locator("main form")).to_contain_text("New parent page")
        expect(editor.get_by_label("Publish copied page")).to_have_count(0)
        expect(editor.get_by_label("Alias")).to_have_count(0)

    # Bulk publish, as the listing's "Publish" bulk action opens it: Wagtail names the pages
    # marketing may not publish and offers nothing to confirm.
    editor.goto(site.url(f"/admin/bulk/wagtailcore/page/publish/?id={english_id}&id={spanish_id}"))
    expect(editor.locator("main")).to_contain_text("You don't have permission to publish")
    expect(editor.get_by_role("button", name="Yes, publish")).to_have_count(0)

    # Syncing the Spanish translation from the English page makes a draft for review.
    editor.goto(site.url(f"/admin/pages/{english_id}/edit/"))
    editor.wait_for_load_state("networkidle")
    editor.get_by_role("button", name="Actions").first.click()
    editor.get_by_role("link", name="Sync translated pages").click()
    expect(editor.locator("main")).to_contain_text("This is a clinical page")
    expect(editor.get_by_label("Publish immediately")).to_have_count(0)
    context.close()

    assert {url: public_html(chromium, url) for url in (english_url, spanish_url)} == before


def test_a_reviewer_corrects_the_spanish_text_in_review_and_approval_publishes_it(
    chromium, editorial_site
):
    """During the review the translation editor is the reviewer's: marketing sees it read-only,
    with no Publish and no "Convert to alias page"; the reviewer fixes a typo there, approves,
    and the published page has the fix."""
    site = editorial_site
    page_id, public_url = page_id_and_url(site, "depresion-bipolar", "es")
    typo, fixed = "Depresión bipolar: lo que debe sabr", "Depresión bipolar: lo que debe saber"

    def save_title(page, title):
        page.get_by_role("button", name="Edit").first.click()
        page.locator("textarea").first.fill(title)
        with page.expect_response(
            lambda response: "/strings/" in response.url and response.request.method == "PUT"
        ) as saved:
            page.get_by_role("button", name="Save").first.click()
        assert saved.value.ok

    context, editor = signed_in(chromium, site, "marketing")
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    editor.wait_for_load_state("networkidle")
    expect(editor.locator("footer")).not_to_contain_text("Convert to alias page")
    save_title(editor, typo)
    editor.get_by_role("link", name="Submit for review").first.click()
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator("body")).to_contain_text("has been submitted to Medical review")

    # In review: read-only for marketing, and it says so.
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    editor.wait_for_load_state("networkidle")
    expect(editor.locator(".messages")).to_contain_text("read-only until the reviewer approves")
    expect(editor.locator(".js-translation-editor")).to_contain_text(typo)
    expect(editor.get_by_role("button", name="Edit", exact=True)).to_have_count(0)
    expect(editor.locator("footer")).not_to_contain_text("Publish in")
    expect(editor.locator("footer")).not_to_contain_text("Convert to alias page")
    context.close()

    # The reviewer corrects the typo in the translation editor, then approves.
    context, reviewer = signed_in(chromium, site, "reviewer")
    reviewer.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    reviewer.wait_for_load_state("networkidle")
    expect(reviewer.locator(".messages")).to_contain_text("Approve publishes it")
    expect(reviewer.locator("footer")).not_to_contain_text("Publish in")
    save_title(reviewer, fixed)
    reviewer.goto(site.url("/admin/"))
    preview_url = reviewer.locator('a[href*="/workflow/preview/"]').first.get_attribute("href")
    preview = context.new_page()
    preview.goto(site.url(preview_url))
    assert fixed in preview.locator("h1").first.inner_text()
    preview.close()
    approve(reviewer, "Depresión bipolar")
    context.close()

    live = public_html(chromium, public_url)
    assert fixed in live and typo not in live
