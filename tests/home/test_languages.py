"""The language structure: English unprefixed, Spanish under /es/, both locales from migrations."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_english_and_spanish_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es"}
    assert Locale.get_default().language_code == "en"


def test_english_pages_are_unprefixed_and_say_so(client, demo):
    assert demo.migraine.url == "/conditions/chronic-migraine/"
    response = client.get(demo.migraine.url)
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_spanish_prefix_routes_to_spanish_site(client):
    response = client.get("/es/")
    assert response.status_code == 200
    assert '<html lang="es"' in response.content.decode()
    response = client.get("/es/search/?q=migraña")
    assert response.status_code == 200
    assert "Migraña crónica" in response.content.decode()


def test_site_alerts_and_footer_are_translatable_snippets():
    from wagtail.models import TranslatableMixin

    from home.models import FooterContent, SiteAlert

    assert issubclass(SiteAlert, TranslatableMixin)
    assert issubclass(FooterContent, TranslatableMixin)
