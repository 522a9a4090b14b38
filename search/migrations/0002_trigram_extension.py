"""Fuzzy matching of misspelled queries on PostgreSQL needs the pg_trgm extension. The operation
does nothing on other databases (SQLite has no fuzzy search; queries are matched as typed)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [TrigramExtension()]
