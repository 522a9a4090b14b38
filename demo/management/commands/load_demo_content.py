"""`python manage.py load_demo_content`: build the demo site, or leave it as it is if it exists."""

import io
import logging
import time
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from demo.builders import BUILDERS
from home.models import ClinicImage


class Command(BaseCommand):
    help = (
        "Build the demo site: home page, sections, offices, physician, conditions, treatment, "
        "images, footer and a demo admin login. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Create the demo superuser even when DEBUG is off.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.with_admin = options["with_admin"]
        self.demo_created = []  # (kind, label) for everything the builders create
        self.demo_admin_line = None
        started = time.monotonic()

        with self.quiet_page_log(), transaction.atomic():
            for builder in BUILDERS:
                builder(self)
            if self.demo_created:
                self.update_search_index()

        pages = Page.objects.filter(depth__gt=1).count()
        images = ClinicImage.objects.count()
        seconds = time.monotonic() - started
        if self.demo_created:
            count = len(self.demo_created)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content loaded in {seconds:.1f}s: created {count} "
                    f"{'item' if count == 1 else 'items'}; the site has {pages} pages and "
                    f"{images} images."
                )
            )
        else:
            self.stdout.write(
                f"The demo content already exists; nothing was changed ({pages} pages, "
                f"{images} images)."
            )
        if self.demo_admin_line:
            self.stdout.write(self.demo_admin_line)

    @contextmanager
    def quiet_page_log(self):
        """Wagtail logs a line for each page created, edited and published; the command reports
        what it builds itself, so those lines are shown only with --verbosity 2 or more."""
        logger = logging.getLogger("wagtail")
        level = logger.level
        if self.verbosity < 2:
            logger.setLevel(logging.WARNING)
        try:
            yield
        finally:
            logger.setLevel(level)

    def update_search_index(self):
        if self.verbosity >= 1:
            self.stdout.write("Updating the search index")
        call_command("update_index", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
