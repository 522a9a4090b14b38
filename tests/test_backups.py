"""`make backup` and `make restore`: a dated archive of the database and the media originals
comes back into an empty database with every page (both languages), revision, image, user,
group, appointment request and search entry; on PostgreSQL when the suite runs on it, on SQLite
otherwise. The site started on the restored copy serves the pages."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PATIENT = "Marisol Quintero-Abbott"

ADD_ROWS = f"""
from appointments.models import AppointmentRequest
from django.contrib.auth.models import Group, User
AppointmentRequest.objects.create(
    name={PATIENT!r}, phone="(203) 555-0199", consent_text="I agree.", consent_language="es"
)
user = User.objects.create_user("nurse-backup", password="a-long-password-0123")
user.groups.add(Group.objects.get(name="Intake"))
"""

SERVE = """
import json
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
paths = ["/", "/es/", "/conditions/chronic-migraine/", "/es/afecciones/migrana-cronica/"]
print(json.dumps({path: client.get(path).status_code for path in paths}))
"""


@pytest.fixture
def databases(tmp_path):
    """(the source's environment, the empty target's), on the suite's engine."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        names = [f"backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("source", "target")]
        base = f"postgres://{database.get('USER') or 'postgres'}@{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}"
        urls = [f"{base}/{name}" for name in names]
        for name in names:
            psql(database, f'CREATE DATABASE "{name}"')
    else:
        names = None
        urls = [f"sqlite:///{tmp_path / kind}.sqlite3" for kind in ("source", "target")]
    environments = [
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(tmp_path / f"media-{kind}"),
            "REDIS_URL": "",
        }
        for url, kind in zip(urls, ("source", "target"), strict=True)
    ]
    yield environments
    if names:
        for name in names:
            psql(database, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def psql(database, statement):
    from psycopg import connect

    with connect(
        host=database.get("HOST") or "127.0.0.1",
        port=database.get("PORT") or 5432,
        user=database.get("USER") or "postgres",
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(statement)


def manage(environment, *arguments, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def fingerprint(environment):
    result = manage(environment, "shell", "-c", "from tests.backup_fingerprint import main; main()")
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_backup_restores_everything_into_an_empty_database(databases, tmp_path):
    source, target = databases
    manage(source, "migrate", "--no-input")
    manage(source, "load_demo_content")
    manage(source, "shell", "-c", ADD_ROWS)
    before = fingerprint(source)
    assert before["languages"] == ["en", "es"] and len(before["pages"]) > 40
    assert before["appointment_requests"] and before["search_index"] and before["images"]
    assert all(digest for *_, digest in before["images"]), "the demo images have files"

    written = manage(source, "backup", "--directory", str(tmp_path / "archive"))
    archive = next((tmp_path / "archive").glob("clinic-backup-*.tar.gz"))
    assert str(archive) in written.stdout
    assert archive.stat().st_mode & 0o077 == 0, "the archive holds patient data: owner only"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert any(name.startswith("media/original_images/") for name in names)
    assert not any(name.startswith("media/images/") for name in names), "renditions are rebuilt"

    restored = manage(target, "restore", str(archive))
    assert "Restored the backup" in restored.stdout
    after = fingerprint(target)
    for part in before:
        assert after[part] == before[part], part

    # The site on the restored copy serves its pages, in both languages, with their images.
    served = manage(target, "shell", "-c", SERVE)
    statuses = json.loads(served.stdout.strip().splitlines()[-1])
    assert statuses == dict.fromkeys(statuses, 200), statuses

    # Restoring again, over the restored data, is refused and changes nothing.
    again = manage(target, "restore", str(archive), check=False)
    assert again.returncode == 1 and "not empty" in again.stderr
    assert fingerprint(target) == before


def test_a_damaged_archive_is_refused_before_anything_is_written(databases, tmp_path):
    _, target = databases
    damaged = tmp_path / "clinic-backup-damaged.tar.gz"
    damaged.write_bytes(b"\x1f\x8b\x08\x00 not really a gzip file")
    result = manage(target, "restore", str(damaged), check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    missing = manage(target, "restore", str(tmp_path / "nowhere.tar.gz"), check=False)
    assert missing.returncode == 1 and "does not exist" in missing.stderr
