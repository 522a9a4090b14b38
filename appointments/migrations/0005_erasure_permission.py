"""Intake and site administrators may erase a requester's records on request."""

from django.db import migrations

GROUPS = ["Intake", "Site administrators"]
CODENAME = "erase_requester"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # On a new database the permissions are created only after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="appointments", model="appointmentrequest"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can erase a requester's records on request"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="appointments", codename=CODENAME
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0004_privacy_notice_version_and_erasure"),
        ("home", "0006_editorial_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
