"""Every closure now has its locale and translation key (0008): both become required, and a
translation key is unique within a language. A migration of its own, so that on PostgreSQL the
rows 0008 updated are committed before their table is altered."""

import uuid

from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [("locations", "0008_closure_locales")]

    operations = [
        migrations.AlterField(
            model_name="hoursexception",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="hoursexception",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="hoursexception",
            unique_together={("translation_key", "locale")},
        ),
    ]
