"""Prints, as JSON, what a backup must bring back: pages in both languages, revisions, images and
their files, users and groups, appointment requests and the search index. Run inside a project
process (`manage.py shell -c "from tests.backup_fingerprint import main; main()"`)."""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from appointments.models import AppointmentRequest
from home.models import ClinicImage


def digest(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def file_digest(name):
    path = Path(settings.MEDIA_ROOT) / name
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def fingerprint():
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "locale__language_code", "title", "url_path", "live", "translation_key"
        )
    )
    return {
        "pages": pages,
        "languages": sorted({language for _, language, *_ in pages}),
        "revisions": [
            (revision.pk, revision.object_id, digest(revision.content))
            for revision in Revision.objects.order_by("pk")
        ],
        "images": [
            (image.pk, image.title, image.file.name, file_digest(image.file.name))
            for image in ClinicImage.objects.order_by("pk")
        ],
        "users": list(
            User.objects.order_by("pk").values_list("username", "password", "is_superuser")
        ),
        "memberships": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "groups": [
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.order_by("name")
        ],
        "appointment_requests": [
            digest(row) for row in AppointmentRequest.objects.order_by("pk").values()
        ],
        "search_index": sorted(
            IndexEntry.objects.values_list("content_type_id", "object_id", "title")
        ),
    }


def main():
    print(json.dumps(fingerprint(), default=str))
