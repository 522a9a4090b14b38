"""Closures (hours exceptions) become translatable with their office: each row gets the locale of
its office page and a translation key. A translated office's rows were copies of its source
office's rows, so each is paired with the source row of the same date and hours (and takes its
key); a row with no such partner, or of an office with no source, gets a key of its own. No row is
added, removed or changed otherwise. The next migration makes both fields required."""

import uuid
from collections import defaultdict

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


def give_rows_locales_and_translation_keys(apps, schema_editor):
    HoursException = apps.get_model("locations", "HoursException")
    Locale = apps.get_model("wagtailcore", "Locale")
    default_locale = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first()
    )
    rows = HoursException.objects.values(
        "pk",
        "date",
        "closed",
        "opens",
        "closes",
        "location_id",
        "location__locale_id",
        "location__translation_key",
    ).order_by("location_id", "sort_order", "pk")
    # {office translation key: {office page id: [rows]}}
    offices = defaultdict(lambda: defaultdict(list))
    locales = {}
    for row in rows:
        offices[row["location__translation_key"]][row["location_id"]].append(row)
        locales[row["location_id"]] = row["location__locale_id"]
    for pages in offices.values():
        # The source office: the one in the site's default language, else the oldest page.
        source = min(pages, key=lambda page: (locales[page] != default_locale, page))
        keys = {}
        for row in pages[source]:
            keys[row["pk"]] = uuid.uuid4()
        for page, page_rows in pages.items():
            if page == source:
                continue
            unpaired = list(pages[source])
            for row in page_rows:
                partner = next((other for other in unpaired if same_closure(row, other)), None)
                if partner is None:
                    keys[row["pk"]] = uuid.uuid4()
                else:
                    unpaired.remove(partner)
                    keys[row["pk"]] = keys[partner["pk"]]
        for page, page_rows in pages.items():
            for row in page_rows:
                HoursException.objects.filter(pk=row["pk"]).update(
                    locale_id=locales[page], translation_key=keys[row["pk"]]
                )


def same_closure(row, other):
    return all(row[name] == other[name] for name in ("date", "closed", "opens", "closes"))


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0007_office_time_zone"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="hoursexception",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="hoursexception",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        # Undone, the two columns go and the rows stay as they were.
        migrations.RunPython(give_rows_locales_and_translation_keys, migrations.RunPython.noop),
    ]
