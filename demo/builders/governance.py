"""Editorial permissions, the "Medical review" workflow and a demo login for each role."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.helpers import find_page, heading, report_created
from editorial.governance import (
    INTAKE,
    MARKETING_EDITORS,
    MEDICAL_REVIEWERS,
    SITE_ADMINISTRATORS,
    setup_editorial_permissions,
)

# username, group, first name, last name; the password is "clinic-demo-<username>".
DEMO_USERS = [
    ("marketing", MARKETING_EDITORS, "Dana", "Whitfield"),
    ("reviewer", MEDICAL_REVIEWERS, "Peter", "McAllister"),
    ("intake", INTAKE, "Rosa", "Delgado"),
    ("siteadmin", SITE_ADMINISTRATORS, "Sam", "Okafor"),
]
# The demo medical reviewer is the physician of the demo site.
REVIEWER_PAGE = ("physicians", "peter-mcallister")


def demo_password(username):
    return os.environ.get("DEMO_USER_PASSWORD") or f"clinic-demo-{username}"


def build(command):
    heading(command, "Editorial groups: page permissions, Medical review workflow, demo logins")
    added = setup_editorial_permissions()
    if added:
        report_created(command, "permissions and workflow assignments", str(added))
    if not (settings.DEBUG or getattr(command, "with_admin", False)):
        return
    user_model = get_user_model()
    lines = []
    for username, group_name, first_name, last_name in DEMO_USERS:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=demo_password(username),
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=group_name))
            report_created(command, "user", f"{username} ({group_name})")
            lines.append(f"  {group_name}: user {username}  password {demo_password(username)}")
        if group_name == MEDICAL_REVIEWERS:
            link_reviewer(find_page(*REVIEWER_PAGE), user)
    if lines and command is not None:
        extra = "\n".join(["Demo logins for each role (local demo only):", *lines])
        command.demo_admin_line = "\n".join(filter(None, [command.demo_admin_line, extra]))


def link_reviewer(page, user):
    """Credit the reviewer's approvals to their physician page (and its translations)."""
    for translation in page.get_translations(inclusive=True).specific():
        if translation.user_id is None:
            translation.user = user
            translation.save_revision(log_action=False).publish(log_action=False)
