"""Marketing editors and site administrators see the "Site traffic" report."""

from django.db import migrations

GROUPS = ["Marketing editors", "Site administrators"]
CODENAME = "view_site_traffic"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # On a new database the permissions are created only after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(app_label="insights", model="pageviewcount")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can view the site traffic report"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="insights", codename=CODENAME
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_site_traffic"),
        ("home", "0006_editorial_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
