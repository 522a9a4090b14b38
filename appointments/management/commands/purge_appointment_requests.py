"""Delete appointment requests older than the retention period. Safe to run from cron: it only
deletes, prints one line and exits 0 (or non-zero on a database error)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from appointments.models import AppointmentRequest


class Command(BaseCommand):
    help = (
        "Delete appointment requests received more than APPOINTMENT_RETENTION_DAYS days ago "
        "(or --days)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep requests received within this many days (default: APPOINTMENT_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        if days is None:
            days = settings.APPOINTMENT_RETENTION_DAYS
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _ = AppointmentRequest.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} appointment request(s) received more than {days} days ago."
        )
