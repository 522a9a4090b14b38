"""Articles move from `home` to this app with their tables and rows: the models are added to this
app's state on the existing tables, their content types are relabelled, then the tables renamed."""

import django.db.models.deletion
import modelcluster.fields
import uuid
import wagtail.contrib.routable_page.models
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
        ('locations', '0004_intake_group'),
        ('treatments', '0002_api_blocks'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The tables exist (made by home's migrations): only the state is created here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ArticleIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('noindex', models.BooleanField(default=False, help_text='Ask search engines not to list this page (for thank-you or internal pages).', verbose_name='hide from search engines')),
                        ('listing_title', models.CharField(blank=True, help_text='A shorter title for cards and lists. Leave empty to use the page title.', max_length=120)),
                        ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards, lists and search results.', max_length=300)),
                        ('intro', wagtail.fields.RichTextField(blank=True)),
                        ('listing_image', models.ForeignKey(blank=True, help_text='The image on cards. Landscape works best (3:2).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage')),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared on social media. Falls back to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage')),
                    ],
                    options={
                        'db_table': 'home_articleindexpage',
                        'abstract': False,
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='ArticlePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('noindex', models.BooleanField(default=False, help_text='Ask search engines not to list this page (for thank-you or internal pages).', verbose_name='hide from search engines')),
                        ('listing_title', models.CharField(blank=True, help_text='A shorter title for cards and lists. Leave empty to use the page title.', max_length=120)),
                        ('listing_summary', models.TextField(blank=True, help_text='One or two sentences for cards, lists and search results.', max_length=300)),
                        ('last_reviewed', models.DateField(blank=True, help_text='The date of the most recent medical review.', null=True, verbose_name='last medically reviewed')),
                        ('references', wagtail.fields.StreamField([('reference', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 300}), 1: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 2: ('wagtail.blocks.DateBlock', (), {'help_text': 'Publication date, if the source has one.', 'required': False}), 3: ('wagtail.blocks.URLBlock', (), {'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('date', 2), ('url', 3)]], {})}, help_text="The sources of this page's facts, in the order they should be listed.")),
                        ('summary', models.TextField(help_text='Two or three plain sentences: what the reader will learn.', max_length=400)),
                        ('published_on', models.DateField(blank=True, help_text='The date shown as first published. Leave empty to use the day it goes live.', null=True, verbose_name='first published')),
                        ('updated_on', models.DateField(blank=True, help_text="Set it when the article's content changes in substance (not for typos).", null=True, verbose_name='last updated')),
                        ('body', wagtail.fields.StreamField([('paragraph', 0), ('image', 3), ('quote', 6), ('call_to_action', 12), ('faq', 15), ('key_facts', 22)], block_lookup={0: ('home.blocks.ParagraphBlock', (), {}), 1: ('home.blocks.ImageBlock', (), {'help_text': "The image's alt text is set on the image itself."}), 2: ('wagtail.blocks.CharBlock', (), {'max_length': 255, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('image', 1), ('caption', 2)]], {}), 4: ('wagtail.blocks.TextBlock', (), {'max_length': 600}), 5: ('wagtail.blocks.CharBlock', (), {'max_length': 120, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('quote', 4), ('attribution', 5)]], {}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 8: ('wagtail.blocks.TextBlock', (), {'max_length': 400, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'max_length': 60}), 10: ('home.blocks.PageLinkBlock', (), {'help_text': 'Link to a page of this site…', 'required': False}), 11: ('wagtail.blocks.URLBlock', (), {'help_text': '…or to another address.', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('heading', 7), ('text', 8), ('button_label', 9), ('page', 10), ('url', 11)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'max_length': 255}), 14: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link', 'document-link']}), 15: ('wagtail.blocks.StructBlock', [[('question', 13), ('answer', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'The number or short fact, e.g. "40 million".', 'max_length': 40}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the figure means, in a sentence.', 'max_length': 200}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'Where the figure comes from.', 'max_length': 200}), 19: ('wagtail.blocks.URLBlock', (), {'required': False}), 20: ('wagtail.blocks.StructBlock', [[('figure', 16), ('label', 17), ('source_title', 18), ('source_url', 19)]], {}), 21: ('wagtail.blocks.ListBlock', (20,), {'min_num': 1}), 22: ('wagtail.blocks.StructBlock', [[('heading', 5), ('facts', 21)]], {})}, help_text='The article itself.')),
                        ('faqs', wagtail.fields.StreamField([('faq', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 255}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link', 'document-link']}), 2: ('wagtail.blocks.StructBlock', [[('question', 0), ('answer', 1)]], {})}, help_text='Questions readers ask. Search engines may show them with the article.', verbose_name='FAQs')),
                        ('author', models.ForeignKey(blank=True, help_text='The physician who wrote the article. Their page lists it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='articles_written', to='locations.physicianpage')),
                        ('image', models.ForeignKey(blank=True, help_text='A calm, wide image at the top of the article.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage', verbose_name='hero image')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='The image on cards. Landscape works best (3:2).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage')),
                        ('reviewed_by', models.ForeignKey(blank=True, help_text="The physician who checked this page's medical content.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='locations.physicianpage', verbose_name='medically reviewed by')),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared on social media. Falls back to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.clinicimage')),
                    ],
                    options={
                        'db_table': 'home_articlepage',
                        'abstract': False,
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='ArticleCondition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('condition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='article_links', to='treatments.conditionpage')),
                        ('article', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='condition_links', to='articles.articlepage')),
                    ],
                    options={
                        'db_table': 'home_articlecondition',
                        'verbose_name': 'condition',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ArticleTopic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=80)),
                        ('slug', models.SlugField(help_text='Used in the address of the filtered list, e.g. "/articles/?topic=migraine".', max_length=80)),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'home_articletopic',
                        'verbose_name': 'article topic',
                        'ordering': ['name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ArticleTopicLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('article', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='topic_links', to='articles.articlepage')),
                        ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='article_links', to='articles.articletopic')),
                    ],
                    options={
                        'db_table': 'home_articletopiclink',
                        'verbose_name': 'topic',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ArticleTreatment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('article', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='treatment_links', to='articles.articlepage')),
                        ('treatment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='article_links', to='treatments.treatmentpage')),
                    ],
                    options={
                        'db_table': 'home_articletreatment',
                        'verbose_name': 'treatment',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.AddConstraint(
                    model_name='articletopic',
                    constraint=models.UniqueConstraint(fields=('locale', 'slug'), name='unique_topic_slug_per_locale'),
                ),
                migrations.AlterUniqueTogether(
                    name='articletopic',
                    unique_together={('translation_key', 'locale')},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_types('home', 'articles', ['articleindexpage', 'articlepage', 'articlecondition', 'articletopic', 'articletopiclink', 'articletreatment']),
            relabel_content_types('articles', 'home', ['articleindexpage', 'articlepage', 'articlecondition', 'articletopic', 'articletopiclink', 'articletreatment']),
        ),
        # The tables take this app's name.
        migrations.AlterModelTable(name='articleindexpage', table=None),
        migrations.AlterModelTable(name='articlepage', table=None),
        migrations.AlterModelTable(name='articlecondition', table=None),
        migrations.AlterModelTable(name='articletopic', table=None),
        migrations.AlterModelTable(name='articletopiclink', table=None),
        migrations.AlterModelTable(name='articletreatment', table=None),
    ]
