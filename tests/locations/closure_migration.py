"""Builds a database as it was before closures (hours exceptions) were translatable: an office in
English and its Spanish translation, whose closures were copies of the English ones, plus a
Spanish-only closure and a Spanish office with no English original. Then runs the migrations that
make closures translatable, undoes them and runs them again, and reports the rows each time.

Run in a process of its own on the fresh database `DATABASE_URL` names
(tests/locations/test_closure_translations.py): `python -m tests.locations.closure_migration`.
Prints a JSON report.
"""

import datetime
import json
import os
import uuid

import django

BEFORE = ("locations", "0007_office_time_zone")


def migrate(executor, targets):
    executor.loader.build_graph()
    executor.migrate(targets)


def before_targets(graph):
    return [key for key in graph.leaf_nodes() if key[0] != "locations"] + [BEFORE]


def build_old_rows(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    LocationPage = apps.get_model("locations", "LocationPage")
    HoursException = apps.get_model("locations", "HoursException")
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    root = Page.objects.get(depth=1)
    content_type = ContentType.objects.get_or_create(app_label="locations", model="locationpage")[0]
    counter = iter(range(2, 100))

    def office(title, locale, translation_key):
        path = root.path + f"{next(counter):04d}"
        created = LocationPage.objects.create(
            title=title,
            draft_title=title,
            slug=f"office-{path}",
            path=path,
            depth=2,
            numchild=0,
            url_path=f"/office-{path}/",
            content_type=content_type,
            locale=locale,
            live=True,
            translation_key=translation_key,
            summary="An office.",
            street_address="100 Example Street",
            city="Stamford",
            state="CT",
            postal_code="06901",
            phone="(203) 555-0142",
            amenities=[],
            body=[],
        )
        Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
        root.numchild += 1
        return created

    thanksgiving, christmas = datetime.date(2026, 11, 26), datetime.date(2026, 12, 25)
    key = uuid.uuid4()
    stamford, estamford = office("Stamford", english, key), office("Estamford", spanish, key)
    solo = office("Solo en español", spanish, uuid.uuid4())
    rows = {}
    for page, reason, day, order in [
        (stamford, "Thanksgiving Day", thanksgiving, 0),
        (stamford, "Christmas Day", christmas, 1),
        # The translation's copies, in the same order, their reasons in English as synchronised.
        (estamford, "Thanksgiving Day", thanksgiving, 0),
        (estamford, "Christmas Day", christmas, 1),
        # A row only the Spanish page has, and the rows of an office with no original.
        (estamford, "Fiesta local", datetime.date(2026, 9, 15), 2),
        (solo, "Fiesta local", datetime.date(2026, 9, 15), 0),
    ]:
        row = HoursException.objects.create(
            location=page, date=day, reason=reason, closed=True, sort_order=order
        )
        rows[str(row.pk)] = page.title
    return {"rows": rows}


def observe():
    from locations.models import HoursException

    return {
        str(row.pk): {
            "office": row.location.title,
            "reason": row.reason,
            "date": row.date.isoformat(),
            "locale": row.locale.language_code,
            "office_locale": row.location.locale.language_code,
            "translation_key": str(row.translation_key),
        }
        for row in HoursException.objects.select_related("location", "locale")
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = before_targets(executor.loader.graph)
    migrate(executor, before)
    state = executor.loader.project_state(before)
    report = {"built": build_old_rows(state.apps)}
    migrate(executor, executor.loader.graph.leaf_nodes())
    report["forwards"] = observe()
    migrate(executor, [BEFORE])
    HoursException = executor.loader.project_state([BEFORE]).apps.get_model(
        "locations", "HoursException"
    )
    report["undone"] = {
        str(pk): reason for pk, reason in HoursException.objects.values_list("pk", "reason")
    }
    migrate(executor, executor.loader.graph.leaf_nodes())
    report["forwards_again"] = observe()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
