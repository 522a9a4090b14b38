"""Articles move to `articles` and the medical review task to `editorial`, with their tables and
rows: `home` only forgets them here (no table is touched). The apps that take them over add them
to their own state on the same tables (their migrations depend on this one, never the reverse)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0006_editorial_groups")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # Link rows first: they refer to the articles and topics.
                migrations.DeleteModel(name="ArticleCondition"),
                migrations.DeleteModel(name="ArticleTreatment"),
                migrations.DeleteModel(name="ArticleTopicLink"),
                migrations.DeleteModel(name="ArticlePage"),
                migrations.DeleteModel(name="ArticleTopic"),
                migrations.DeleteModel(name="ArticleIndexPage"),
                migrations.DeleteModel(name="MedicalReviewTask"),
            ],
            database_operations=[],
        )
    ]
