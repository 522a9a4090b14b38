from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore


class Command(BaseCommand):
    help = (
        "Bring a backup archive back into the configured database, which must be empty, and "
        "MEDIA_ROOT; then migrate, and empty the cache. Says whether every count matches."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive `manage.py backup` wrote")

    def handle(self, *args, file, **options):
        try:
            manifest, found = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        missing = {
            label: (count, found.get(label))
            for label, count in manifest["counts"].items()
            if found.get(label) != count
        }
        held = ", ".join(f"{count} {label}" for label, count in found.items())
        self.stdout.write(f"Restored the backup of {manifest['created']}: {held}.")
        if missing:
            differences = "; ".join(
                f"{label}: {before} in the backup, {after} now"
                for label, (before, after) in missing.items()
            )
            raise CommandError(f"the restored database differs from the backup: {differences}")
