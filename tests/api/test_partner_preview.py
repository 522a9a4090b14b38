"""An editor previews a draft in a partner's front end: the preview panel's "Partner app" mode
opens the partner's address with a token, and the API answers that draft for that token only, for
a limited time. Partners' API tokens never see a draft."""

import io
import re
import time
from html import unescape
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db

PARTNER = "https://referrals.example.org/preview"


@pytest.fixture
def partner_preview(settings):
    settings.PARTNER_PREVIEW_URL = PARTNER
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": PARTNER},
        "ENFORCE_TRAILING_SLASH": False,
    }


def article_form(demo, title):
    return nested_form_data(
        {
            "title": title,
            "slug": "keeping-a-headache-diary",
            "summary": "Why a diary helps your physician see the pattern.",
            "author": demo.mcallister.pk,
            "published_on": "2026-11-02",
            "updated_on": "",
            "body": streamfield([("paragraph", rich_text("Write down each day."))]),
            "faqs": streamfield([]),
            "references": streamfield([]),
            "topic_links": inline_formset([]),
            "condition_links": inline_formset([{"condition": demo.migraine.pk}]),
            "treatment_links": inline_formset([]),
        }
    )


def open_partner_preview(client, preview_url, form):
    """What the editor's preview panel does: send the form, then show the chosen mode. Returns
    the address the panel shows (the partner's front end) and its query."""
    assert client.post(preview_url, form).json()["is_valid"]
    response = client.get(preview_url, {"mode": "partner"})
    assert response.status_code == 200
    frame = re.search(r'<iframe[^>]*src="([^"]+)"', response.content.decode())
    assert frame, "the preview panel shows no partner front end"
    address = unescape(frame.group(1))
    return address, {key: value[0] for key, value in parse_qs(urlsplit(address).query).items()}


def read_draft(client, query, **headers):
    """The partner's front end asks, signed in nowhere: only the token opens the draft."""
    return Client().get("/api/v2/page_preview/", query, **headers)


def test_a_draft_of_a_live_page_is_read_by_the_partner_with_its_token(
    client, editor_client, demo, partner_preview
):
    article = demo.article
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    address, query = open_partner_preview(
        editor_client, preview_url, article_form(demo, "A diary for headaches (draft)")
    )
    assert address.startswith(PARTNER + "?")
    assert query["content_type"] == "articles.articlepage"

    response = read_draft(client, query)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    draft = response.json()
    assert draft["id"] == article.pk
    assert draft["title"] == "A diary for headaches (draft)"
    assert draft["meta"]["type"] == "articles.ArticlePage"
    assert [condition["id"] for condition in draft["conditions"]] == [demo.migraine.pk]

    # Nothing was published or saved: the API and the site still show the live article.
    live = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert live["title"] == article.title
    out = io.StringIO()
    call_command("api_token", "issue", "Referral directory", stdout=out)
    token = [line for line in out.getvalue().splitlines() if line.startswith("wagtail_")][0]
    partner = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert partner.get(f"/api/v2/pages/{article.pk}/").json()["title"] == article.title
    assert partner.get("/api/v2/page_preview/").status_code == 400  # a token opens no draft
    assert ArticlePage.objects.get(pk=article.pk).title == article.title
    # The draft never enters the visitors' cache.
    assert read_draft(client, query).get("X-Cache") != "hit"


def test_a_page_not_created_yet_can_be_previewed(client, editor_client, demo, partner_preview):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["articles", "articlepage", demo.articles.pk]
    )
    _, query = open_partner_preview(editor_client, preview_url, article_form(demo, "New article"))
    draft = read_draft(client, query).json()
    assert draft["title"] == "New article"
    assert not ArticlePage.objects.filter(title="New article").exists()


def test_the_site_preview_stays_the_default_and_the_mode_is_offered_only_when_set_up(
    editor_client, demo, settings
):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[demo.article.pk])
    form = article_form(demo, "Draft title on the site")
    assert editor_client.post(preview_url, form).json()["is_valid"]
    own = editor_client.get(preview_url).content.decode()
    assert "Draft title on the site" in own and "<iframe" not in own
    settings.PARTNER_PREVIEW_URL = ""
    editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[demo.article.pk]))
    assert "Partner app" not in editor.content.decode()
    settings.PARTNER_PREVIEW_URL = PARTNER
    editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[demo.article.pk]))
    assert "Partner app" in editor.content.decode()


def test_a_preview_token_expires(client, editor_client, demo, partner_preview, settings):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[demo.article.pk])
    _, query = open_partner_preview(editor_client, preview_url, article_form(demo, "Soon gone"))
    assert read_draft(client, query).status_code == 200
    later = time.time() + settings.PARTNER_PREVIEW_SECONDS + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = read_draft(client, query)
    assert expired.status_code == 403
    assert "expired" in expired.json()["message"]


@pytest.mark.parametrize(
    "query, status",
    [
        ({}, 400),
        ({"content_type": "articles.articlepage"}, 400),
        ({"token": "id=1:abc:def"}, 400),
        ({"content_type": "articles.articlepage", "token": "id=1:forged:signature"}, 403),
        ({"content_type": "nope", "token": "x"}, 400),
        ({"content_type": "auth.user", "token": "x"}, 400),
        ({"content_type": "articles.articlepage.extra", "token": "x"}, 400),
        ({"content_type": "articles.articlepage", "token": "x\x00y"}, 400),
        ({"content_type": "articles.articlepage", "token": "x" * 600}, 400),
        ({"content_type": "articles.articlepage", "token": "x", "fields": "*"}, 403),
        ({"content_type": "articles.articlepage", "token": "x", "offset": "99999999999"}, 400),
    ],
)
def test_bad_preview_requests_are_refused_in_json(client, query, status):
    response = read_draft(client, query)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_a_token_of_one_page_type_does_not_open_another(
    client, editor_client, demo, partner_preview
):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[demo.article.pk])
    _, query = open_partner_preview(editor_client, preview_url, article_form(demo, "Typed"))
    other = read_draft(client, {**query, "content_type": "treatments.conditionpage"})
    assert other.status_code == 404
    assert "Typed" not in other.content.decode()
