"""Appointment requests and their page move to `appointments` with their tables and rows:
`locations` only forgets them here (no table is touched). `appointments` adds them to its own
state on the same tables (its migration depends on this one, never the reverse)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("locations", "0004_intake_group")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AppointmentRequest"),
                migrations.DeleteModel(name="AppointmentRequestPage"),
            ],
            database_operations=[],
        )
    ]
