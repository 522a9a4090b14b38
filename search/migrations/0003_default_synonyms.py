"""The abbreviations and brand names visitors type most, in English and Spanish; editors change
them under Snippets → Search synonyms."""

import uuid

from django.db import migrations

SYNONYMS = {
    "en": [
        ("TRD", "treatment-resistant depression"),
        ("Spravato", "esketamine"),
        ("IV", "infusion"),
        ("doctor", "physician"),
        ("office", "location"),
    ],
    "es": [
        ("TRD", "depresión resistente al tratamiento"),
        ("Spravato", "esketamina"),
        ("IV", "infusión"),
        ("doctor", "médico"),
        ("consultorio", "oficina"),
    ],
}


def add_synonyms(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for language_code, pairs in SYNONYMS.items():
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            continue
        for term, expansion in pairs:
            SearchSynonym.objects.get_or_create(
                locale=locale,
                term=term,
                defaults={"expansion": expansion, "translation_key": uuid.uuid4()},
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_trigram_extension"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
