"""One dated archive holding the database and the media originals, and bringing it back.

The database is dumped as one consistent snapshot: `pg_dump` (custom format, one transaction) on
PostgreSQL, SQLite's online backup on SQLite. The media follow the dump: every original image and
document the dump refers to was stored before it started. Renditions are left out (they are made
again from the originals). A manifest records what the archive holds and how many pages,
revisions, images, users, appointment requests and search entries there were, so that a restore
can say whether it brought everything back.

The archive holds patient data (appointment requests): it is written readable by its owner only.
See docs/deploy.md, "Backups".
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from home import caching

FORMAT = 1
# Media folders kept: what editors uploaded. Wagtail's renditions (`images/`) are rebuilt.
MEDIA_FOLDERS = ("original_images", "documents")
# What a restore must bring back, counted in the manifest: (label, app label, model name).
COUNTED = [
    ("pages", "wagtailcore", "Page"),
    ("revisions", "wagtailcore", "Revision"),
    ("images", "home", "ClinicImage"),
    ("documents", "wagtaildocs", "Document"),
    ("users", "auth", "User"),
    ("groups", "auth", "Group"),
    ("appointment requests", "appointments", "AppointmentRequest"),
    ("search index entries", "wagtailsearch", "IndexEntry"),
    ("translations", "wagtail_localize", "StringTranslation"),
]


class BackupError(Exception):
    pass


def counts(cursor):
    """{label: rows} of what a backup must keep, read through a DB-API `cursor` (of the snapshot
    being dumped, or of the copy)."""
    found = {}
    for label, app_label, model_name in COUNTED:
        table = apps.get_model(app_label, model_name)._meta.db_table
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - a model's own table
        found[label] = cursor.fetchone()[0]
    return found


def engine():
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def postgres_environment():
    """libpq's environment for the configured database (the password never on a command line)."""
    database = settings.DATABASES["default"]
    environment = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def run(command, **kwargs):
    try:
        return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools)") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from None


def dump_database(target):
    """Write a consistent copy of the database to `target`; return its file name and the counts
    of that very copy.

    PostgreSQL: the counts are read in a repeatable-read transaction whose snapshot `pg_dump`
    shares (`--snapshot`), so they describe exactly what was dumped."""
    if engine() == "postgresql":
        path = target / "database.pgdump"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            found = counts(cursor)
            run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={path}",
                ],
                env=postgres_environment(),
            )
    else:
        path = target / "database.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
            found = counts(copy.cursor())
        finally:
            copy.close()
    return path.name, found


def media_files():
    root = Path(settings.MEDIA_ROOT)
    for folder in MEDIA_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                yield path, path.relative_to(root)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def create(directory):
    """Write `clinic-backup-<UTC time>.tar.gz` into `directory`; return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    moment = timezone.now()
    name = f"clinic-backup-{moment:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        database, found = dump_database(work)
        files = list(media_files())
        manifest = {
            "format": FORMAT,
            "created": moment.isoformat(),
            "engine": engine(),
            "database": database,
            "database_sha256": sha256(work / database),
            "counts": found,
            "media": {str(relative): sha256(path) for path, relative in files},
        }
        final = directory / name
        partial = directory / f".{name}.partial"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(data), int(moment.timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(work / database, arcname=database)
            for path, relative in files:
                tar.add(path, arcname=f"media/{relative}")
        partial.rename(final)  # a backup cut short never looks complete
    return final, manifest


def read_manifest(tar):
    try:
        member = tar.getmember("manifest.json")
    except KeyError:
        raise BackupError("this is not a clinic backup (it holds no manifest.json)") from None
    manifest = json.load(tar.extractfile(member))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def database_is_empty():
    return not connection.introspection.table_names()


def restore(path, stdout=None):
    """Bring the archive at `path` back into the configured, empty database and MEDIA_ROOT.
    Returns (manifest, counts after the restore)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    if not database_is_empty():
        tables = len(connection.introspection.table_names())
        raise BackupError(
            f"the database is not empty ({tables} tables): restore into a new, empty database "
            "and point DATABASE_URL at it"
        )
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        try:
            manifest = unpack(path, work)
        except (tarfile.TarError, EOFError, OSError, json.JSONDecodeError) as error:
            raise BackupError(f"{path} is not a readable backup archive ({error})") from None
        database = work / manifest["database"]
        connection.close()
        if engine() == "postgresql":
            run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={settings.DATABASES['default']['NAME']}",
                    str(database),
                ],
                env=postgres_environment(),
            )
        else:
            source = sqlite3.connect(database)
            copy = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            try:
                source.backup(copy)
            finally:
                source.close()
                copy.close()
        if (work / "media").is_dir():
            shutil.copytree(work / "media", Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    # The code may be newer than the backup; and nothing cached before may be served again.
    call_command("migrate", interactive=False, verbosity=0)
    cache.clear()
    with transaction.atomic():
        caching.content_changed()
    with connection.cursor() as cursor:
        return manifest, counts(cursor)


def unpack(path, work):
    """Unpack the archive into `work` and check it against its manifest; return the manifest."""
    with tarfile.open(path, "r:gz") as tar:
        manifest = read_manifest(tar)
        if manifest["engine"] != engine():
            raise BackupError(
                f"this backup is of a {manifest['engine']} database; the configured one is "
                f"{engine()}"
            )
        tar.extractall(work, filter="data")  # no absolute paths, links or devices
    if sha256(work / manifest["database"]) != manifest["database_sha256"]:
        raise BackupError("the database dump does not match its checksum: the file is damaged")
    for relative, digest in manifest["media"].items():
        if sha256(work / "media" / relative) != digest:
            raise BackupError(f"media/{relative} does not match its checksum")
    return manifest
