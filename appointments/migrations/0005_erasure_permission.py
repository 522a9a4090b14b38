"""Intake and site administrators may erase a requester's records on request."""

from django.db import migrations

from home.group_permissions import GroupPermissions

ERASURE = GroupPermissions(
    ["Intake", "Site administrators"],
    "appointments",
    [("appointmentrequest", "erase_requester", "Can erase a requester's records on request")],
)


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0004_privacy_notice_version_and_erasure"),
        ("home", "0006_editorial_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(ERASURE.grant, ERASURE.revoke)]
