"""Marketing editors and site administrators see the "Site traffic" report."""

from django.db import migrations

from home.group_permissions import GroupPermissions

REPORT = GroupPermissions(
    ["Marketing editors", "Site administrators"],
    "insights",
    [("pageviewcount", "view_site_traffic", "Can view the site traffic report")],
)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_site_traffic"),
        ("home", "0006_editorial_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(REPORT.grant, REPORT.revoke)]
