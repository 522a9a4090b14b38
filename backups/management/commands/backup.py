from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create


class Command(BaseCommand):
    help = (
        "Write the database and the media originals into one dated archive "
        "(clinic-backup-<UTC time>.tar.gz, readable by its owner only: it holds patient data)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            default=str(settings.BASE_DIR / "backups-archive"),
            help="where to write the archive (default: backups-archive/ in the project)",
        )

    def handle(self, *args, directory, **options):
        try:
            path, manifest = create(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size / 1_000_000
        held = ", ".join(f"{count} {label}" for label, count in manifest["counts"].items())
        self.stdout.write(
            f"Wrote {path} ({size:.1f} MB): {held}, {len(manifest['media'])} media files."
        )
