"""An office's closures are translated with it: the Spanish page and the API in Spanish give their
reasons in Spanish, while their dates and hours follow the English page; the migration that made
them translatable keeps every existing row and pairs each translation's rows with the original's."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)

from locations.models import HoursException

pytestmark = pytest.mark.django_db


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def upcoming_reasons(client, url):
    html = client.get(url).content.decode()
    return html.split('id="hours-heading"')[1].split("</section>")[0]


def test_the_spanish_office_gives_its_closures_reasons_in_spanish(client, demo):
    english, espanol = demo.stamford, spanish(demo.stamford)
    assert "Christmas Day" in upcoming_reasons(client, english.url)
    section = upcoming_reasons(client, espanol.url)
    assert "Día de Navidad" in section and "Christmas Day" not in section
    # The same closures, paired by translation key: only the words differ.
    originals = {row.translation_key: row for row in english.hours_exceptions.all()}
    translations = list(espanol.hours_exceptions.all())
    assert len(translations) == len(originals) > 0
    for row in translations:
        assert row.locale.language_code == "es"
        assert row.date == originals[row.translation_key].date
        assert row.closed == originals[row.translation_key].closed


def test_the_api_in_spanish_gives_closures_reasons_in_spanish(client, demo):
    espanol = spanish(demo.stamford)
    for url in (f"/api/v2/pages/{espanol.pk}/", f"/api/v3/pages/{espanol.pk}/"):
        reasons = {row["reason"] for row in client.get(url).json()["hours_exceptions"]}
        assert "Día de Navidad" in reasons and "Christmas Day" not in reasons
    listing = client.get(
        "/api/v2/pages/?type=locations.LocationPage&locale=es&fields=hours_exceptions"
    ).json()["items"]
    assert {row["reason"] for item in listing for row in item["hours_exceptions"]} >= {
        "Día de Acción de Gracias",
        "Día de Navidad",
    }


def test_a_new_closure_reaches_the_translation_with_its_translated_reason(client, demo):
    """An editor adds a closure to the English office; syncing the translation brings its date,
    and the translated reason, to the Spanish office."""
    english = demo.stamford
    training = timezone.localdate() + datetime.timedelta(days=30)
    english.hours_exceptions.add(HoursException(date=training, reason="Staff training"))
    english.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(english)
    string = String.objects.get(data="Staff training", locale=source.locale)
    context = TranslationContext.objects.get(
        object_id=source.object_id, stringsegment__string=string, stringsegment__source=source
    )
    StringTranslation.objects.create(
        translation_of=string,
        locale=Locale.objects.get(language_code="es"),
        context=context,
        data="Formación del personal",
    )
    source.create_or_update_translation(Locale.objects.get(language_code="es"))
    espanol = spanish(english)
    espanol.get_latest_revision().publish()
    section = upcoming_reasons(client, spanish(english).url)
    assert "Formación del personal" in section and "Staff training" not in section
    assert "Día de Navidad" in section  # the closures translated before keep their words
    rows = {row.reason: row.date for row in spanish(english).hours_exceptions.all()}
    assert rows["Formación del personal"] == training


def test_existing_closures_survive_the_migration_and_pair_with_their_originals(
    run_on_fresh_database,
):
    report = run_on_fresh_database("tests.locations.closure_migration")
    built = report["built"]["rows"]
    # Undone, every row is still there with its words.
    assert set(report["undone"]) == set(built)
    for state in (report["forwards"], report["forwards_again"]):
        # Every row is kept, on its office, in its office's language, with its words.
        assert {pk: row["office"] for pk, row in state.items()} == built
        assert all(row["locale"] == row["office_locale"] for row in state.values())
        keys = {}
        for row in state.values():
            keys.setdefault((row["office"], row["translation_key"]), []).append(row)
        assert all(len(rows) == 1 for rows in keys.values())  # unique in each office
        by_office = {}
        for row in state.values():
            by_office.setdefault(row["office"], {})[row["date"]] = row["translation_key"]
        # The translation's copies share the original's keys; its own row and the rows of an
        # office with no original have keys of their own.
        stamford, estamford = by_office["Stamford"], by_office["Estamford"]
        assert estamford["2026-11-26"] == stamford["2026-11-26"]
        assert estamford["2026-12-25"] == stamford["2026-12-25"]
        assert estamford["2026-09-15"] not in stamford.values()
        assert by_office["Solo en español"]["2026-09-15"] != estamford["2026-09-15"]
