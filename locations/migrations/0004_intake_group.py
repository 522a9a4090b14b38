"""The "Intake" group: the only non-superusers who may read and export appointment requests."""

from django.db import migrations

GROUP_NAME = "Intake"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("locations", "appointmentrequest", "view_appointmentrequest", "Can view appointment request"),
    (
        "locations",
        "appointmentrequest",
        "change_appointmentrequest",
        "Can change appointment request",
    ),
]


def create_intake_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, created = Group.objects.get_or_create(name=GROUP_NAME)
    if not created:
        return  # an existing group is the administrators' to manage
    for app_label, model, codename, name in PERMISSIONS:
        # On a new database the permissions are created only after all migrations have run.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def remove_intake_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0003_appointment_requests"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_intake_group, remove_intake_group)]
