"""The editorial groups and their model permissions. Page permissions, collection permissions and
the "Medical review" workflow need the section pages, so `setup_editorial_permissions` attaches
them (run by `load_demo_content`, and safe to run again). Intake comes from locations 0004."""

from django.db import migrations

ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")


def crud(app_label, model, label, actions=("add", "change", "delete")):
    return [(app_label, model, f"{action}_{model}", f"Can {action} {label}") for action in actions]


GROUPS = {
    "Marketing editors": [
        ADMIN,
        *crud("home", "clinicimage", "image"),
        ("home", "clinicimage", "choose_image", "Can choose image"),
        *crud("wagtaildocs", "document", "document"),
        ("wagtaildocs", "document", "choose_document", "Can choose document"),
        *crud("home", "sitealert", "site alert"),
        ("home", "footercontent", "change_footercontent", "Can change footer"),
        *crud("home", "articletopic", "article topic"),
        ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
    ],
    "Medical reviewers": [
        ADMIN,
        ("home", "medicalreviewtask", "record_medical_review", "Can record who reviewed a page and when"),
        ("home", "clinicimage", "choose_image", "Can choose image"),
        ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ],
    "Site administrators": [
        ADMIN,
        *crud("auth", "user", "user", ("add", "change", "delete", "view")),
        ("auth", "group", "view_group", "Can view group"),
        *crud("wagtailcore", "site", "site"),
        *crud("wagtailcore", "locale", "locale"),
        *crud("wagtailcore", "workflow", "workflow"),
        *crud("wagtailcore", "task", "task"),
        *crud("wagtailredirects", "redirect", "redirect"),
        *crud("wagtailsearchpromotions", "searchpromotion", "search promotion"),
        *crud("search", "searchsynonym", "search synonym"),
        ("home", "clinicsettings", "change_clinicsettings", "Can change clinic details"),
        *crud("home", "clinicimage", "image"),
        ("home", "clinicimage", "choose_image", "Can choose image"),
        *crud("wagtaildocs", "document", "document"),
        ("wagtaildocs", "document", "choose_document", "Can choose document"),
        *crud("home", "sitealert", "site alert"),
        ("home", "footercontent", "change_footercontent", "Can change footer"),
        *crud("home", "articletopic", "article topic"),
        ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
    ],
}


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name, permissions in GROUPS.items():
        group, created = Group.objects.get_or_create(name=name)
        if not created:
            continue  # an existing group is the administrators' to manage
        for app_label, model, codename, label in permissions:
            # On a new database the permissions are created only after all migrations have run.
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": label}
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_medical_review_task"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0001_initial"),
        ("wagtailredirects", "0001_initial"),
        ("wagtailsearchpromotions", "0001_initial"),
        ("wagtail_localize", "0001_initial"),
        ("search", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
