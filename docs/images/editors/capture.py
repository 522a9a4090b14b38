"""`make guide-screens`: the screenshots of "Translate it into Spanish" in docs/editors.md, taken
from the real admin on a fresh demo site.

The demo site (tests/browser/site.py: a new SQLite database, the demo content and its logins,
served on a free loopback port) goes through the whole journey in Chromium: marketing edits the
English "Chronic migraine" page and submits it; the reviewer approves it; marketing syncs the
translation from the English page, translates the changed summary in the translation editor and
submits it for review; the reviewer previews the Spanish draft and approves it; the public Spanish
page shows the new text and today's review. Each step checks what the guide says about its screen,
so a change in the admin stops the script instead of leaving the guide wrong.

The PNGs are written next to this file (cropped to the part of the screen the guide talks about,
256 colours). Run it again whenever the admin changes, and check the guide's text against them.
"""

import datetime
import io
import json
import os
import sys
import urllib.request
import zoneinfo
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

FOLDER = Path(__file__).resolve().parent
PROJECT = FOLDER.parents[2]
sys.path.insert(0, str(PROJECT))

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, DemoSite  # noqa: E402

VIEWPORT = {"width": 1280, "height": 800}
CLINIC_TIME = zoneinfo.ZoneInfo("America/New_York")  # TIME_ZONE of cms/settings/base.py

NEW_SUMMARY = (
    "Chronic migraine means headache on 15 or more days a month, often with nausea and a strong "
    "sensitivity to light or smells. When the usual treatments have not helped, our physicians "
    "may consider ketamine infusion therapy."
)
NEW_SUMMARY_ES = (
    "La migraña crónica es dolor de cabeza 15 o más días al mes, a menudo con náuseas y mucha "
    "sensibilidad a la luz o a los olores. Cuando los tratamientos habituales no han ayudado, "
    "nuestros médicos pueden considerar la terapia de infusión de ketamina."
)


def demo_password(username):
    """The demo login's password (demo/builders/governance.py, without loading Django here)."""
    return os.environ.get("DEMO_USER_PASSWORD") or f"clinic-demo-{username}"


def save(page, name, clip):
    """A screenshot of the region `clip` (x, y, width, height), as a 256-colour PNG."""
    x, y, width, height = clip
    png = page.screenshot(clip={"x": x, "y": y, "width": width, "height": height})
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256)
    path = FOLDER / f"{name}.png"
    image.save(path, optimize=True)
    print(f"{path.relative_to(PROJECT)}: {path.stat().st_size // 1024} KB")


def settle(page):
    """Let a menu or a banner finish appearing before the screenshot."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(400)


def top_of(page, locator):
    """Scroll `locator` to the middle of the window and return how far from the top it is."""
    locator.evaluate("element => element.scrollIntoView({block: 'center'})")
    settle(page)
    return int(locator.bounding_box()["y"])


def page_id(site, slug, language):
    url = site.url(f"/api/v2/pages/?locale={language}&slug={slug}")
    with urllib.request.urlopen(url) as response:
        return json.load(response)["items"][0]["id"]


def sign_in(browser, site, username):
    context = browser.new_context(viewport=VIEWPORT, base_url=site.base_url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", demo_password(username))
    page.click("button[type=submit]")
    page.wait_for_url(site.url("/admin/"))
    return context, page


def review_row(reviewer, title):
    return reviewer.locator("table.listing--dashboard tr").filter(has_text=title).first


def approve(reviewer, title):
    """Approve from the dashboard's "Awaiting your review" (the row's ⋯ → Approve)."""
    reviewer.goto("/admin/")
    row = review_row(reviewer, title)
    row.get_by_role("button", name="Actions").click()
    with reviewer.expect_response(
        lambda response: "/approve/" in response.url and response.request.method == "POST"
    ) as approved:
        row.locator(
            'button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])'
        ).click()
    assert approved.value.status < 400, approved.value.status


def english_edit_approved(browser, site, english_id):
    context, editor = sign_in(browser, site, "marketing")
    editor.goto(f"/admin/pages/{english_id}/edit/")
    editor.fill("#id_summary", NEW_SUMMARY)
    editor.locator("footer [data-w-dropdown-target=toggle]").last.click()
    editor.get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator("body")).to_contain_text("has been submitted for moderation")
    context.close()

    context, reviewer = sign_in(browser, site, "reviewer")
    approve(reviewer, "Chronic migraine")
    context.close()


def sync_and_translate(browser, site, english_id, spanish_id):
    context, editor = sign_in(browser, site, "marketing")

    # "Sync translated pages" is in the English page's ⋯ menu, beside its title.
    editor.goto(f"/admin/pages/{english_id}/edit/")
    editor.get_by_role("button", name="Actions").first.click()
    expect(editor.get_by_role("link", name="Sync translated pages")).to_be_visible()
    settle(editor)
    save(editor, "sync-translated-pages", (200, 0, 560, 250))

    editor.get_by_role("link", name="Sync translated pages").click()
    expect(editor.locator("main")).to_contain_text("This is a clinical page")
    expect(editor.get_by_label("Publish immediately")).to_have_count(0)
    settle(editor)
    save(editor, "sync-screen", (200, 0, 1080, 450))
    editor.get_by_role("button", name="Submit").click()
    expect(editor.locator("body")).to_contain_text("Successfully updated translations")

    # The Spanish page opens in the translation editor, with its banner.
    editor.goto(f"/admin/pages/{spanish_id}/edit/")
    banner = editor.locator(".messages")
    expect(banner).to_contain_text("goes live in this language once a medical reviewer approves")
    expect(banner.get_by_role("link", name="Submit for review")).to_be_visible()
    settle(editor)
    save(editor, "translation-editor", (200, 0, 1080, 480))

    # The changed summary waits with a Translate button; the Spanish is typed, then saved.
    summary = editor.get_by_text("Summary", exact=True).first
    editor.get_by_role("button", name="Translate", exact=True).first.click()
    editor.locator("textarea:visible").first.fill(NEW_SUMMARY_ES)
    save(editor, "translate-a-text", (260, top_of(editor, summary) - 20, 960, 330))

    with editor.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ) as saved:
        editor.get_by_role("button", name="Save").first.click()
    assert saved.value.ok, saved.value.status
    expect(editor.locator("main")).to_contain_text("Translated manually on")
    save(editor, "translated-text", (260, top_of(editor, summary) - 20, 960, 322))

    # Submit for review, from the banner: a page of its own says what happens.
    editor.goto(f"/admin/pages/{spanish_id}/edit/")
    editor.locator(".messages").get_by_role("link", name="Submit for review").click()
    expect(editor.locator("main")).to_contain_text("saved as a draft in Spanish")
    settle(editor)
    save(editor, "submit-for-review", (200, 0, 1080, 240))
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator("body")).to_contain_text("has been submitted to Medical review")
    context.close()


def spanish_review(browser, site):
    context, reviewer = sign_in(browser, site, "reviewer")
    row = review_row(reviewer, "Migraña crónica")
    expect(row).to_contain_text("Español")
    row.get_by_role("button", name="Actions").click()
    expect(row.get_by_role("button", name="Approve", exact=True)).to_be_visible()
    expect(row.get_by_role("button", name="Request changes")).to_be_visible()
    settle(reviewer)
    save(reviewer, "reviewer-dashboard", (240, 260, 1040, 440))

    # The preview shows the Spanish draft.
    preview_url = row.get_by_role("link", name="Preview").get_attribute("href")
    preview = context.new_page()
    preview.goto(preview_url)
    expect(preview.locator("html")).to_have_attribute("lang", "es")
    expect(preview.locator("main")).to_contain_text(NEW_SUMMARY_ES)
    preview.close()

    approve(reviewer, "Migraña crónica")
    context.close()


def published_spanish_page(browser, site, spanish_url):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(spanish_url)
    today = datetime.datetime.now(CLINIC_TIME).date().isoformat()
    expect(page.locator("main")).to_contain_text(NEW_SUMMARY_ES)
    reviewed = page.locator("main").get_by_text("Revisado médicamente por")
    expect(reviewed).to_be_visible()
    expect(page.locator(f'main time[datetime="{today}"]').first).to_be_visible()
    settle(page)
    save(page, "published-spanish-page", (60, 104, 1160, 360))
    context.close()


def main():
    with DemoSite(with_admin=True) as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        english_id = page_id(site, "chronic-migraine", "en")
        spanish_id = page_id(site, "migrana-cronica", "es")
        english_edit_approved(browser, site, english_id)
        sync_and_translate(browser, site, english_id, spanish_id)
        spanish_review(browser, site)
        published_spanish_page(browser, site, site.url("/es/afecciones/migrana-cronica/"))
        browser.close()


if __name__ == "__main__":
    main()
