"""Appointment requests and their page move from `locations` to this app with their tables and rows:
the models are added to this app's state on the existing tables, their content types relabelled,
then the tables renamed."""

import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.conf import settings
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
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0007_articles_and_review_task_moved_out'),
        ('locations', '0005_appointments_moved_out'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # The tables exist (made by locations's migrations): only the state is created here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AppointmentRequestPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('noindex', models.BooleanField(default=False, help_text='Ask search engines not to list this page (for thank-you or internal pages).', verbose_name='hide from search engines')),
                        ('listing_title', models.CharField(blank=True, help_text='A shorter title for cards and lists. Leave empty to use the page title.', max_length=120)),
                        ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards, lists and search results.', max_length=300)),
                        ('intro', wagtail.fields.RichTextField(blank=True, help_text='A few words above the form: what happens after a visitor sends it.')),
                        ('thank_you_text', wagtail.fields.RichTextField(help_text='Shown once the request is stored: what happens next and when.')),
                        ('consent_text', models.TextField(help_text='The statement visitors tick before sending. Each request keeps the exact words (and their language) the visitor agreed to.', max_length=1000)),
                        ('listing_image', models.ForeignKey(blank=True, help_text='The image on cards. Landscape works best (3:2).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage')),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared on social media. Falls back to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage')),
                    ],
                    options={
                        'db_table': 'locations_appointmentrequestpage',
                        'verbose_name': 'appointment request page',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='AppointmentRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False)),
                        ('status', models.CharField(choices=[('new', 'New'), ('contacted', 'Contacted'), ('closed', 'Closed')], default='new', max_length=10)),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('phone', models.CharField(blank=True, max_length=30, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('preferred_contact_method', models.CharField(choices=[('phone', 'Phone'), ('email', 'E-mail')], max_length=10, verbose_name='preferred contact method')),
                        ('preferred_time', models.CharField(choices=[('any', 'Any time'), ('morning', 'Morning (8 a.m. – noon)'), ('afternoon', 'Afternoon (noon – 5 p.m.)'), ('evening', 'Early evening (5 – 7 p.m.)')], default='any', max_length=10, verbose_name='preferred time')),
                        ('consent_text', models.TextField(editable=False)),
                        ('consent_language', models.CharField(editable=False, max_length=10)),
                        ('office', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='locations.locationpage', verbose_name='preferred office')),
                        ('topic', models.ForeignKey(blank=True, help_text='The condition or treatment the request is about.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='about')),
                        ('page', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='appointments.appointmentrequestpage')),
                    ],
                    options={
                        'db_table': 'locations_appointmentrequest',
                        'verbose_name': 'appointment request',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_types('locations', 'appointments', ['appointmentrequestpage', 'appointmentrequest']),
            relabel_content_types('appointments', 'locations', ['appointmentrequestpage', 'appointmentrequest']),
        ),
        # The tables take this app's name.
        migrations.AlterModelTable(name='appointmentrequestpage', table=None),
        migrations.AlterModelTable(name='appointmentrequest', table=None),
    ]
