"""`python manage.py add_synthetic_pages --count 500`: standard pages under About, for `make bench`.

They make the page tree the size of a grown site. Running it again with the same count adds
nothing; the demo content must be loaded first.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.models import StandardPage

PREFIX = "synthetic-page-"


class Command(BaseCommand):
    help = "Add standard pages under About until there are --count synthetic pages."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=500)

    def handle(self, *args, count, **options):
        from home.factories import StandardPageFactory  # factories are a development dependency

        parent = StandardPage.objects.filter(slug="about", depth=3).first()
        if parent is None:
            raise CommandError("Load the demo content first (manage.py load_demo_content).")
        existing = StandardPage.objects.child_of(parent).filter(slug__startswith=PREFIX).count()
        with transaction.atomic():
            for number in range(existing + 1, count + 1):
                StandardPageFactory(
                    parent=parent,
                    title=f"Synthetic page {number}",
                    slug=f"{PREFIX}{number}",
                    intro=f"<p>Synthetic page {number}, added to measure a site of this size.</p>",
                    show_in_menus=False,
                )
        self.stdout.write(
            f"{max(count, existing)} synthetic pages ({max(count - existing, 0)} new)."
        )
