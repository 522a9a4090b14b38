"""Editors can open and preview every demo page in the admin, and the demo content is valid."""

import json
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from home.models import ClinicImage

pytestmark = pytest.mark.django_db


def demo_pages():
    return Page.objects.filter(depth__gt=1).specific().order_by("path")


def test_every_demo_page_opens_in_the_editor(editor_client):
    for page in demo_pages():
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.url
        html = response.content.decode()
        if page.locale.language_code == "en":
            assert f'value="{page.title}"' in html, page.url
        else:
            # Translations open in wagtail-localize's editor, string by string, with the source.
            assert "translation-editor" in html, page.url
            assert json.dumps(page.title)[1:-1] in html, page.url


def test_every_demo_page_previews(editor):
    request = RequestFactory().get("/")
    request.user = editor
    for page in demo_pages():
        page.seo_title = "Unsaved change shown in preview"
        response = page.make_preview_request(request, page.default_preview_mode)
        assert response.status_code == 200, page.url
        assert "<title>Unsaved change shown in preview" in response.render().content.decode()


def test_demo_content_passes_the_validation_editors_are_held_to():
    for page in demo_pages():
        page.full_clean()
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                field.stream_block.clean(getattr(page, field.name))


def test_admin_dashboard_and_snippets_open(editor_client):
    for url in [
        "/admin/",
        "/admin/snippets/home/sitealert/",
        "/admin/snippets/home/footercontent/",
    ]:
        assert editor_client.get(url).status_code == 200, url


def test_the_admin_sends_nothing_to_third_parties(editor_client, demo):
    """No Gravatar image (a hash of the staff member's e-mail) and no release check."""
    for url in ["/admin/", "/admin/pages/", f"/admin/pages/{demo.migraine.pk}/edit/"]:
        html = editor_client.get(url).content.decode()
        assert "gravatar.com" not in html, url
        assert "w-upgrade" not in html, url


def test_an_image_is_described_in_each_language_in_its_edit_form(editor_client, demo):
    """The image form asks for the alt text in English and in Spanish (and not for Wagtail's own
    description, which no page shows); a change shows on the Spanish pages at once."""
    image = demo.home.hero_image
    url = reverse("wagtailimages:edit", args=[image.pk])
    html = editor_client.get(url).content.decode()
    assert 'name="alt_text"' in html and 'name="alt_text_es"' in html
    assert not re.search(r'<(input|textarea)[^>]*name="description"', html)
    spanish_home = demo.home.get_translation(Locale.objects.get(language_code="es"))
    editor_client.get(spanish_home.url)  # kept in the visitors' cache
    response = editor_client.post(
        url,
        {
            "title": image.title,
            "collection": image.collection_id,
            "alt_text": image.alt_text,
            "alt_text_es": "Una sala de tratamiento tranquila.",
            "credit": image.credit,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ClinicImage.objects.get(pk=image.pk).alt_text_es == "Una sala de tratamiento tranquila."
    editor_client.logout()
    assert (
        'alt="Una sala de tratamiento tranquila."'
        in editor_client.get(spanish_home.url).content.decode()
    )
