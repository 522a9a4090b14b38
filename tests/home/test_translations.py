"""The Spanish site: every demo page translated, relations and the language switcher in Spanish,
translations kept in step with English through wagtail-localize, and drafts kept as drafts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home import caching
from home.factories import SiteAlertFactory, StandardPageFactory
from home.models import FooterContent
from tests.demo.test_demo_site import text_of
from tests.test_query_budgets import BUDGET
from treatments.factories import TreatmentPageFactory

pytestmark = pytest.mark.django_db


def spanish(page):
    """The live Spanish translation of a demo page."""
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def english_pages():
    return [
        page.specific
        for page in Page.objects.live().filter(depth__gt=1, locale__language_code="en")
    ]


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_every_demo_page_has_a_live_spanish_translation_in_spanish(client):
    pages = english_pages()
    assert len(pages) >= 17
    for page in pages:
        translation = spanish(page)
        assert translation.live, page.url
        assert translation.translation_key == page.translation_key
        assert translation.url.startswith("/es/"), translation.url
        response = client.get(translation.url)
        assert response.status_code == 200, translation.url
        html, text = response.content.decode(), text_of(response)
        assert '<html lang="es"' in html, translation.url
        assert "Saltar al contenido principal" in html  # the interface is in Spanish too
        # The home page shows its banner heading; every other page its title.
        assert getattr(translation, "hero_heading", translation.title) in text
        assert "No encontramos esa página" not in text


def test_spanish_pages_have_spanish_addresses_and_words(client, demo):
    response = client.get("/es/afecciones/migrana-cronica/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Migraña crónica" in text
    assert "40 millones" in text
    assert "Preguntas frecuentes" in text and "Síntomas" in text
    assert "Chronic migraine" not in text
    assert "Headache on 15 or more days" not in text
    ketamine = text_of(client.get(spanish(demo.ketamine).url))
    assert "fuera de etiqueta" in ketamine  # the off-label status, in Spanish
    assert "Aprobación de la FDA" in ketamine
    assert spanish(demo.ketamine).url == "/es/tratamientos/terapia-de-infusion-de-ketamina/"


def test_spanish_relations_link_to_spanish_pages(client, demo):
    html = html_of(client, spanish(demo.ketamine))
    for page in (demo.migraine, demo.depression, demo.anxiety, demo.bipolar):
        assert f'href="{spanish(page).url}"' in html, page.title
        assert f'href="{page.url}"' not in html, page.title
    for office in (demo.stamford, demo.westport):
        assert f'href="{spanish(office).url}"' in html
    assert f'href="{spanish(demo.mcallister).url}"' in html  # the medical reviewer
    html = html_of(client, spanish(demo.migraine))
    assert f'href="{spanish(demo.ketamine).url}"' in html
    assert f'href="{demo.ketamine.url}"' not in html
    html = html_of(client, spanish(demo.stamford))
    assert f'href="{spanish(demo.mcallister).url}"' in html
    assert f'href="{spanish(demo.ketamine).url}"' in html
    html = html_of(client, spanish(demo.mcallister))
    assert f'href="{spanish(demo.stamford).url}"' in html
    assert f'href="{spanish(demo.westport).url}"' in html
    html = html_of(client, spanish(demo.home))
    for page in (demo.migraine, demo.ketamine, demo.locations):  # featured cards, the banner
        assert f'href="{spanish(page).url}"' in html
    # Links inside rich text follow the visitor's language too.
    assert f'href="{spanish(demo.stamford).url}"' in html_of(client, spanish(demo.mcallister))


def test_an_untranslated_related_page_is_shown_in_english(client, demo):
    new = TreatmentPageFactory(
        parent=demo.treatments, title="Nerve block therapy", conditions=[demo.migraine]
    )
    html = html_of(client, spanish(demo.migraine))
    assert f'href="{new.url}"' in html
    assert "Nerve block therapy" in html
    assert f'href="{spanish(demo.ketamine).url}"' in html


def test_spanish_footer_and_alerts(client, demo):
    english_only = SiteAlertFactory(title="Westport closed for snow", locale=Locale.get_default())
    translated = SiteAlertFactory(title="Stamford opens late today", locale=Locale.get_default())
    copy = translated.copy_for_translation(Locale.objects.get(language_code="es"))
    copy.title = "El consultorio de Stamford abre tarde hoy"
    copy.save()
    text = text_of(client.get(spanish(demo.about).url))
    assert FooterContent.objects.get(locale__language_code="es").about in text
    assert "El consultorio de Stamford abre tarde hoy" in text
    assert "Stamford opens late today" not in text
    assert english_only.title in text  # not translated yet: shown as written
    english = text_of(client.get(demo.about.url))
    assert "Stamford opens late today" in english
    assert "El consultorio de Stamford abre tarde hoy" not in english


def test_switcher_and_hreflang_links_point_at_the_counterpart(client):
    for page in english_pages():
        translation = spanish(page)
        html = html_of(client, page)
        assert f'<a href="{translation.url}" lang="es" hreflang="es">' in html, page.url
        assert (
            f'<link rel="alternate" hreflang="es" href="http://testserver{translation.url}">'
            in html
        )
        assert f'<link rel="alternate" hreflang="en" href="http://testserver{page.url}">' in html
        assert (
            f'<link rel="alternate" hreflang="x-default" href="http://testserver{page.url}">'
            in html
        )
        html = html_of(client, translation)
        assert '<html lang="es"' in html
        assert f'<a href="{page.url}" lang="en" hreflang="en">' in html, translation.url
        assert f'<link rel="alternate" hreflang="en" href="http://testserver{page.url}">' in html
        assert (
            f'<link rel="alternate" hreflang="x-default" href="http://testserver{page.url}">'
            in html
        )


def test_a_page_without_translation_links_to_the_other_home_page_and_has_no_alternates(
    client, demo
):
    page = StandardPageFactory(parent=demo.home, title="Insurance and payment")
    html = html_of(client, page)
    assert '<a href="/es/" lang="es" hreflang="es">' in html
    assert not re.search(r'<link rel="alternate" hreflang=', html)


def test_search_and_error_pages_switch_language_sensibly(client):
    html = client.get("/es/search/?q=migra%C3%B1a").content.decode()
    assert '<html lang="es"' in html
    assert 'href="/search/?q=migra%C3%B1a" lang="en"' in html
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es"' in html and "No encontramos esa página" in html
    assert '<a href="/" lang="en" hreflang="en">' in html


@pytest.mark.parametrize(
    "url", ["/fr/", "/xx/conditions/", "/de/treatments/ketamine-infusion-therapy/", "/es-mx/"]
)
def test_an_unknown_language_prefix_gets_a_404(client, url):
    assert client.get(url).status_code == 404


def test_syncing_an_edited_english_page_updates_the_spanish_draft_only(client, demo):
    es_page = spanish(demo.migraine)
    spanish_summary = es_page.summary
    spanish_overview = es_page.overview
    english = demo.migraine
    english.summary = "Chronic migraine means headache on 15 or more days a month. New wording."
    english.save_revision().publish()

    # What the admin's "Sync translated pages" does, without "Publish immediately".
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    source.update_from_db()
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=False)

    es_page.refresh_from_db()
    draft = es_page.get_latest_revision_as_object()
    assert draft.summary == english.summary  # the new source string, waiting for a translator
    assert draft.overview == spanish_overview  # translated strings are kept
    assert es_page.has_unpublished_changes
    live = text_of(client.get(es_page.url))
    assert spanish_summary in live  # visitors still read the reviewed Spanish page
    assert "New wording" not in live

    es_page.get_latest_revision().publish()
    assert "New wording" in text_of(client.get(es_page.url))


def test_a_new_translation_starts_as_a_draft(client, demo):
    page = StandardPageFactory(parent=demo.home, title="Insurance", slug="insurance")
    translate_object(page, [Locale.objects.get(language_code="es")])  # the admin's "Translate"
    draft = page.get_translation(Locale.objects.get(language_code="es"))
    assert not draft.live
    assert client.get("/es/insurance/").status_code == 404
    assert 'href="/es/"' in html_of(client, page)  # the switcher does not offer the draft


def test_demo_translations_are_in_wagtail_localize_memory():
    """Translators edit the demo's Spanish in the admin like any translation: each translated
    string is stored, and none of the longer ones is the English text left as it was."""
    strings = StringTranslation.objects.filter(locale__language_code="es").select_related(
        "translation_of"
    )
    assert strings.count() > 300
    untranslated = [
        item.data
        for item in strings
        if len(item.data) > 40 and item.data == item.translation_of.data
    ]
    assert untranslated == []


# A Spanish page also looks up the Spanish versions of the pages it links to (a query per kind of
# relation, and Wagtail's rich-text links one page at a time): a fixed allowance over the English
# page it translates.
TRANSLATION_ALLOWANCE = 12


def warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_spanish_pages_cost_a_fixed_few_queries_more_than_english_ones(client):
    for page in english_pages():
        english = warm_queries(client, page.url)
        assert english <= BUDGET, page.url
        url = spanish(page).url
        assert warm_queries(client, url) <= english + TRANSLATION_ALLOWANCE, url


def test_spanish_condition_page_queries_do_not_grow_with_its_treatments(client, demo):
    es = Locale.objects.get(language_code="es")

    def add_translated_treatments(n):
        for _ in range(n):
            treatment = TreatmentPageFactory(parent=demo.treatments, conditions=[demo.migraine])
            treatment.copy_for_translation(es).save_revision().publish()

    url = spanish(demo.migraine).url
    add_translated_treatments(2)
    client.get(url)
    caching.content_changed()  # measured as built after a change: the related cards included
    with CaptureQueriesContext(connection) as few:
        html = client.get(url).content.decode()
    assert html.count("card--treatment") == 3
    add_translated_treatments(10)
    client.get(url)
    caching.content_changed()
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert html.count("card--treatment") == 13
    assert len(many) <= len(few)


def test_rich_text_links_follow_the_language_in_a_fixed_number_of_queries(demo):
    from django.utils import translation
    from wagtail.rich_text import expand_db_html

    untranslated = StandardPageFactory(parent=demo.home, title="Parking")

    def text(pages):
        return "".join(
            f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages
        )

    broken = '<p><a linktype="page" id="999999">gone</a><a linktype="page" id="x1">odd</a></p>'
    with translation.override("es"):
        html = expand_db_html(text([demo.stamford, untranslated]) + broken)
        assert f'<a href="{spanish(demo.stamford).url}">' in html
        assert f'<a href="{untranslated.url}">' in html
        assert html.count("<a>") == 2  # a deleted page and a malformed id: text kept, no link
        many = [StandardPageFactory(parent=demo.home) for _ in range(30)]
        expand_db_html(text(many))  # the view restrictions are read once per content change
        with CaptureQueriesContext(connection) as few:
            expand_db_html(text([demo.stamford, demo.westport, untranslated]))
        with CaptureQueriesContext(connection) as lots:
            expand_db_html(text([demo.stamford, demo.westport, *many]))
    assert len(lots) <= len(few) <= 2


def test_each_link_of_a_page_follows_the_language_only_where_that_page_is_live(client, demo):
    """A page is kept with the pages it chooses and links to, each in the visitor's language
    where its translation is live: a draft translation chosen by one block never takes the
    place of the published page another block links to."""
    draft = spanish(demo.westport)
    draft.unpublish()
    page = spanish(demo.migraine)
    page.body = [
        (
            "call_to_action",
            {"heading": "Visítenos", "button_label": "Cómo llegar", "page": draft, "url": ""},
        ),
        (
            "paragraph",
            f'<p>O vea <a linktype="page" id="{demo.westport.pk}">Westport</a> y '
            f'<a linktype="page" id="{demo.stamford.pk}">Stamford</a>.</p>',
        ),
    ]
    page.save_revision().publish()
    for _ in range(2):  # kept, then from the cache
        html = client.get(page.url).content.decode()
        assert f'<a href="{demo.westport.url}">Westport</a>' in html
        assert f'<a href="{spanish(demo.stamford).url}">Stamford</a>' in html
