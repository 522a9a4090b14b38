"""Autosave in the page editor, in Chromium, on a demo site of its own (it creates and changes
pages). A form shown again because the server refused it (a required field empty when submitting
for review, an emptied title) autosaves nothing beside the red banner: no "Saving…", no page
created, no draft replaced; once corrected and autosaved, the red banner and the field's error are
gone. The editor's first change and every later one are autosaved as a draft, which never goes
live, including a change made while the editor is still loading."""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.site import DemoSite
from tests.browser.test_editorial_journey import page_id_and_url, public_html, signed_in

pytestmark = pytest.mark.browser

CONDITIONS_SECTION = "/admin/pages/add/treatments/conditionpage/{}/"

# What the autosave indicator showed, and whether Wagtail watches the form for edits: 2 s after
# its controller connects (twice as the editor loads) it takes the form as it is for unchanged, so
# an edit made before the last of these snapshots is never autosaved.
WATCH_AUTOSAVE = """
window.autosaveStates = [];
window.editorConnects = 0;
window.editorSnapshots = 0;
document.addEventListener("w-unsaved:ready", () => { window.editorConnects += 1; });
document.addEventListener("w-unsaved:watch-edits", () => { window.editorSnapshots += 1; });
document.addEventListener("DOMContentLoaded", () => {
  const indicator = document.getElementById("w-autosave-indicator");
  if (!indicator) return;
  new MutationObserver(() => {
    window.autosaveStates.push(indicator.getAttribute("data-w-autosave-state-value"));
  }).observe(indicator, { attributeFilter: ["data-w-autosave-state-value"] });
});
"""
WATCHING_EDITS = (
    "() => window.editorSnapshots > 0 && window.editorSnapshots >= window.editorConnects"
)

# Whether leaving the page now would ask the editor to confirm.
LEAVING_ASKS = """() => {
  const leaving = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(leaving);
  return leaving.defaultPrevented;
}"""


@pytest.fixture(scope="module")
def autosave_site(chromium):
    with DemoSite(with_admin=True) as site:
        yield site


@pytest.fixture
def editor(chromium, autosave_site):
    context, page = signed_in(chromium, autosave_site, "marketing")
    context.add_init_script(WATCH_AUTOSAVE)
    yield page
    context.close()


def settled_after_refusal(page):
    """Wait until Wagtail either autosaved the refused form or began watching it for edits, and
    return what the autosave indicator showed meanwhile."""
    page.wait_for_function(f"() => ({WATCHING_EDITS})() || window.autosaveStates.length > 0")
    return page.evaluate("() => window.autosaveStates")


def autosave_of(page, url_part):
    return page.expect_response(
        lambda response: (
            url_part in response.url
            and response.request.method == "POST"
            and response.request.headers.get("accept") == "application/json"
        )
    )


def saved_indicator(page):
    return page.locator("#w-autosave-indicator .w-autosave-indicator__state--saved")


def live_pages(site, slug):
    with urllib.request.urlopen(site.url(f"/api/v2/pages/?slug={slug}")) as response:
        return json.load(response)["items"]


def test_a_new_page_refused_for_review_is_created_only_once_the_editor_edits_it(
    editor, autosave_site
):
    site = autosave_site
    section_id, _ = page_id_and_url(site, "conditions", "en")
    editor.goto(site.url(CONDITIONS_SECTION.format(section_id)))
    editor.fill("#id_title", "Cluster headache")
    editor.locator("#id_title").press("Tab")  # the slug follows the title
    editor.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    editor.get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator(".messages")).to_contain_text("could not be created")

    assert settled_after_refusal(editor) == [], "autosaved beside the error banner"
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/"))
    expect(editor.get_by_role("navigation", name="Breadcrumb")).to_contain_text(
        "New: Condition page"
    )
    assert editor.evaluate(LEAVING_ASKS)

    with autosave_of(editor, "/admin/pages/add/") as created:
        editor.fill("#id_summary", "Attacks of severe pain on one side of the head.")
    assert created.value.ok
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(saved_indicator(editor)).to_be_visible()
    assert not editor.evaluate(LEAVING_ASKS)

    # A later change is autosaved too, into the same draft.
    edit_url = editor.url
    with autosave_of(editor, "/edit/") as updated:
        editor.fill("#id_title", "Cluster headache: what helps")
    assert updated.value.ok

    editor.goto(edit_url)
    expect(editor.locator("#id_title")).to_have_value("Cluster headache: what helps")
    expect(editor.locator("#id_summary")).to_have_value(
        "Attacks of severe pain on one side of the head."
    )
    assert live_pages(site, editor.locator("#id_slug").input_value()) == []


def test_a_refused_draft_is_autosaved_once_the_editor_corrects_it(editor, autosave_site):
    site = autosave_site
    page_id, public_url = page_id_and_url(site, "anxiety", "en")
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    title = editor.locator("#id_title").input_value()
    editor.fill("#id_title", "")
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages")).to_contain_text("could not be saved")

    assert settled_after_refusal(editor) == [], "autosaved beside the error banner"
    assert editor.evaluate(LEAVING_ASKS)

    expect(editor.locator(".error-message")).to_have_count(1)  # under the emptied title
    with autosave_of(editor, f"/admin/pages/{page_id}/edit/") as saved:
        editor.fill("#id_title", "Anxiety that will not ease")
    assert saved.value.ok
    expect(saved_indicator(editor)).to_be_visible()
    # What the red banner and the field said of the refused data is gone once it is saved.
    expect(editor.locator(".messages")).not_to_contain_text("could not be saved")
    expect(editor.locator(".error-message")).to_have_count(0)
    expect(editor.locator("#id_title")).not_to_have_attribute("aria-invalid", "true")
    expect(editor.locator(".w-tabs__errors").first).not_to_be_visible()

    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    expect(editor.locator("#id_title")).to_have_value("Anxiety that will not ease")
    live = public_html(editor.context.browser, public_url)
    assert title in live and "Anxiety that will not ease" not in live


def test_an_edit_is_autosaved_as_a_draft(editor, autosave_site):
    site = autosave_site
    page_id, public_url = page_id_and_url(site, "bipolar-depression", "en")
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"))
    editor.wait_for_function(WATCHING_EDITS)
    summary = "Low moods that alternate with highs, and what the clinic can offer."

    with autosave_of(editor, f"/admin/pages/{page_id}/edit/") as saved:
        editor.fill("#id_summary", summary)
    assert saved.value.ok
    expect(saved_indicator(editor)).to_be_visible()
    assert editor.evaluate("() => window.autosaveStates") == ["saving", "saved"]

    editor.reload()
    expect(editor.locator("#id_summary")).to_have_value(summary)
    assert summary not in public_html(editor.context.browser, public_url)


def test_an_edit_made_while_the_editor_loads_is_autosaved(editor, autosave_site):
    """Wagtail takes the form "as loaded" about 2 s after the editor appears: an edit made before
    that used to be taken for the loaded content and never saved."""
    site = autosave_site
    page_id, public_url = page_id_and_url(site, "chronic-migraine", "en")
    editor.goto(site.url(f"/admin/pages/{page_id}/edit/"), wait_until="domcontentloaded")
    summary = "Headaches on fifteen or more days a month, for three months or longer."

    with autosave_of(editor, f"/admin/pages/{page_id}/edit/") as saved:
        editor.fill("#id_summary", summary)
        # The edit was made before Wagtail began watching the form.
        assert editor.evaluate("() => window.editorSnapshots") == 0
    assert saved.value.ok
    expect(saved_indicator(editor)).to_be_visible()

    editor.reload()
    expect(editor.locator("#id_summary")).to_have_value(summary)
    assert summary not in public_html(editor.context.browser, public_url)
