"""`python manage.py add_synthetic_pages --count 10000`: a network of clinics for `make bench`.

100 offices over Connecticut, New York and New Jersey, 1,000 physicians, 2,000 articles,
conditions, treatments and standard pages at 10,000, half of them Spanish (`demo.network`). The
demo content must be loaded first; running it again with the same count adds nothing.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from demo.network import Network, Plan


class Command(BaseCommand):
    help = (
        "Add a synthetic network of offices, physicians and articles until there are --count pages."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, default=500, help="pages in all, both languages (default 500)"
        )

    def handle(self, *args, count, **options):
        if not 0 <= count <= 100_000:
            raise CommandError("--count must be between 0 and 100000.")
        started = time.monotonic()
        try:
            added = Network(count).build()
        except LookupError as error:
            raise CommandError(f"{error} (manage.py load_demo_content)") from error
        if any(added.values()):
            # The planner's statistics, as autovacuum would refresh them a while later: until
            # then PostgreSQL plans for the few pages there were and reads thousands row by row.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        plan = Plan.for_count(count)
        self.stdout.write(
            f"{plan.total} synthetic pages planned, {2 * sum(added.values())} new in "
            f"{time.monotonic() - started:.0f} s: "
            + ", ".join(f"{number} {name}" for name, number in added.items())
            + " (each in English and Spanish)."
        )
