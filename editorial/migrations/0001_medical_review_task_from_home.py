"""The medical review task moves from `home` to this app with its tables and rows: the model is
added to this app's state on the existing tables, its content type (and so its permission and
the workflow's task) relabelled, then the tables renamed."""

import django.db.models.deletion
from django.db import migrations, models


def relabel_content_types(old_label, new_label, models):
    """Move the content types of `models` from `old_label` to `new_label`: pages, revisions,
    permissions, workflow tasks and wagtail-localize's objects refer to them by id and keep
    pointing at the right type."""

    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in models:
            if ContentType.objects.using(db).filter(app_label=new_label, model=model).exists():
                raise RuntimeError(
                    f"A content type {new_label}.{model} exists already: the rows of "
                    f"{old_label}.{model} cannot be moved to it."
                )
            ContentType.objects.using(db).filter(app_label=old_label, model=model).update(
                app_label=new_label
            )
        ContentType.objects.clear_cache()

    return relabel


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0007_articles_and_review_task_moved_out'),
        ('locations', '0004_intake_group'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The tables exist (made by home's migrations): only the state is created here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MedicalReviewTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'db_table': 'home_medicalreviewtask',
                        'verbose_name': 'medical review task',
                        'verbose_name_plural': 'medical review tasks',
                        'permissions': [('record_medical_review', 'Can record who reviewed a page and when')],
                    },
                    bases=('wagtailcore.task',),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_types('home', 'editorial', ['medicalreviewtask']),
            relabel_content_types('editorial', 'home', ['medicalreviewtask']),
        ),
        # The tables take this app's name.
        migrations.AlterModelTable(name='medicalreviewtask', table=None),
    ]
