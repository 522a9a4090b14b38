"""`python manage.py setup_editorial_permissions`: attach the editorial groups' page and collection
permissions and the "Medical review" workflow to the sections that exist. Safe to run again."""

from django.core.management.base import BaseCommand

from editorial.governance import setup_editorial_permissions


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        added = setup_editorial_permissions()
        self.stdout.write(f"Editorial permissions and workflow: {added} added.")
