"""Data migrations that give the clinic's groups a permission, and take it back when reversed.

    GRANT = GroupPermissions(["Intake"], "appointments", [("appointmentrequest", "erase_requester",
                             "Can erase a requester's records on request")])
    operations = [migrations.RunPython(GRANT.grant, GRANT.revoke)]

A group that does not exist (a database set up without the demo groups) is left alone. On a new
database Django creates the permissions only after all migrations have run, so `grant` creates the
content type and permission it needs; `revoke` takes them from the groups and leaves them to Django.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class GroupPermissions:
    groups: list[str]
    app_label: str
    # (model, codename, name) of each permission.
    permissions: list[tuple[str, str, str]]

    def grant(self, apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        ContentType = apps.get_model("contenttypes", "ContentType")
        granted = []
        for model, codename, name in self.permissions:
            content_type, _ = ContentType.objects.get_or_create(
                app_label=self.app_label, model=model
            )
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            granted.append(permission)
        for group in apps.get_model("auth", "Group").objects.filter(name__in=self.groups):
            group.permissions.add(*granted)

    def revoke(self, apps, schema_editor):
        permissions = apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label=self.app_label,
            codename__in=[codename for _, codename, _ in self.permissions],
        )
        for group in apps.get_model("auth", "Group").objects.filter(name__in=self.groups):
            group.permissions.remove(*permissions)
