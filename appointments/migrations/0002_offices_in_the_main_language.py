"""Requests sent from a translated page named the office (and topic) in the visitor's language, so
one office appeared under two names in the Intake list and export. They now name the page in the
site's main language, as new requests do."""

from django.conf import settings
from django.db import migrations


def relink_to_main_language(apps, schema_editor):
    db = schema_editor.connection.alias
    AppointmentRequest = apps.get_model("appointments", "AppointmentRequest")
    Page = apps.get_model("wagtailcore", "Page")
    main_language = settings.LANGUAGE_CODE
    for field in ("office", "topic"):
        linked = (
            AppointmentRequest.objects.using(db)
            .filter(**{f"{field}__isnull": False})
            .exclude(**{f"{field}__locale__language_code": main_language})
            .values_list(f"{field}_id", flat=True)
            .distinct()
        )
        for page_id in list(linked):
            page = Page.objects.using(db).get(pk=page_id)
            main = (
                Page.objects.using(db)
                .filter(translation_key=page.translation_key, locale__language_code=main_language)
                .values_list("pk", flat=True)
                .first()
            )
            if main is not None:
                AppointmentRequest.objects.using(db).filter(**{f"{field}_id": page_id}).update(
                    **{f"{field}_id": main}
                )


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_appointments_from_locations"),
    ]

    operations = [
        migrations.RunPython(relink_to_main_language, migrations.RunPython.noop),
    ]
