"""Builds a database as `main` left it before the apps were cut by topic, with a row of every moved
model, then runs the migrations that move them and reports what became of those rows.

Run in a process of its own on the database `DATABASE_URL` names (a fresh one; see
tests/test_migration_moves.py): `python -m tests.migration_moves`. Prints a JSON report.
"""

import datetime
import json
import os
import uuid

import django

# The state `main` was in (commit 1200383): articles and the review task in `home`, appointment
# requests in `locations`; the apps that take them over did not exist.
BEFORE = {"home": "0006_editorial_groups", "locations": "0004_intake_group"}
NEW_APPS = {"articles", "editorial", "appointments"}
# Apps added since, whose migrations depend on the moved ones: not there yet either.
LATER_APPS = {"partners", "notices", "insights"}


def migrate(executor, targets):
    executor.loader.build_graph()
    executor.migrate(targets)


def before_targets(graph):
    absent = NEW_APPS | LATER_APPS
    targets = [(app, name) for app, name in graph.leaf_nodes() if app not in absent | set(BEFORE)]
    return targets + list(BEFORE.items()) + [(app, None) for app in sorted(absent)]


def build_old_rows(apps):
    """One row of each moved model (and what refers to them), through the historical models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Group = apps.get_model("auth", "Group")
    now = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.UTC)
    locale = Locale.objects.get(language_code="en")
    root = Page.objects.get(depth=1)
    counter = iter(range(2, 100))

    def content_type(label):
        app_label, model = label.split(".")
        return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def page(label, parent=None, **fields):
        model = apps.get_model(label)
        parent = parent or root
        path = parent.path + f"{next(counter):04d}"
        title = fields.pop("title", label)
        created = model.objects.create(
            title=title,
            draft_title=title,
            slug=f"moved-{len(path)}-{path[-4:]}",
            path=path,
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"/moved-{path}/",
            content_type=content_type(label.lower()),
            locale=locale,
            live=True,
            translation_key=uuid.uuid4(),
            **fields,
        )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        parent.numchild += 1
        return created

    index = page("home.ArticleIndexPage", title="Articles")
    article = page("home.ArticlePage", parent=index, title="Ketamine and migraine", summary="S.")
    condition = page("treatments.ConditionPage", title="Chronic migraine", summary="C.")
    treatment = page("treatments.TreatmentPage", title="Ketamine infusion", summary="T.")
    request_page = page("locations.AppointmentRequestPage", title="Request an appointment")
    topic = apps.get_model("home", "ArticleTopic").objects.create(
        name="Migraine", slug="migraine", locale=locale, translation_key=uuid.uuid4()
    )
    topic_link = apps.get_model("home", "ArticleTopicLink").objects.create(
        article_id=article.pk, topic=topic, sort_order=0
    )
    condition_link = apps.get_model("home", "ArticleCondition").objects.create(
        article_id=article.pk, condition_id=condition.pk, sort_order=0
    )
    treatment_link = apps.get_model("home", "ArticleTreatment").objects.create(
        article_id=article.pk, treatment_id=treatment.pk, sort_order=0
    )
    revision = apps.get_model("wagtailcore", "Revision").objects.create(
        content_type=content_type("home.articlepage"),
        base_content_type=content_type("wagtailcore.page"),
        object_id=str(article.pk),
        created_at=now,
        object_str=article.title,
        content={"pk": article.pk, "title": article.title, "summary": "S."},
    )
    source = apps.get_model("wagtail_localize", "TranslationSource").objects.create(
        object=apps.get_model("wagtail_localize", "TranslatableObject").objects.create(
            translation_key=article.translation_key, content_type=content_type("wagtailcore.page")
        ),
        specific_content_type=content_type("home.articlepage"),
        locale=locale,
        object_repr=article.title,
        content_json="{}",
        last_updated_at=now,
    )
    task = apps.get_model("home", "MedicalReviewTask").objects.create(
        name="Approval by a physician",
        active=True,
        content_type=content_type("home.medicalreviewtask"),
    )
    task.groups.add(Group.objects.get(name="Medical reviewers"))
    appointment = apps.get_model("locations", "AppointmentRequest").objects.create(
        name="A. Patient",
        email="patient@example.org",
        page_id=request_page.pk,
        consent_text="I agree.",
        consent_language="en",
    )
    return {
        "pages": {
            "articles.ArticleIndexPage": index.pk,
            "articles.ArticlePage": article.pk,
            "appointments.AppointmentRequestPage": request_page.pk,
        },
        "rows": {
            "articles.ArticleTopic": topic.pk,
            "articles.ArticleTopicLink": topic_link.pk,
            "articles.ArticleCondition": condition_link.pk,
            "articles.ArticleTreatment": treatment_link.pk,
            "editorial.MedicalReviewTask": task.pk,
            "appointments.AppointmentRequest": appointment.pk,
        },
        "revision": revision.pk,
        "translation_source": source.pk,
    }


def observe(ids):
    """What the current models (after the moves) make of the rows built before them."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page, Revision, Task
    from wagtail_localize.models import TranslationSource

    ContentType.objects.clear_cache()
    article = apps.get_model("articles", "ArticlePage").objects.get(
        pk=ids["pages"]["articles.ArticlePage"]
    )
    task = Task.objects.get(pk=ids["rows"]["editorial.MedicalReviewTask"]).specific
    reviewers = Group.objects.get(name="Medical reviewers")
    tables = set(connection.introspection.table_names())
    return {
        "pages": {
            label: Page.objects.get(pk=pk).specific._meta.label
            for label, pk in ids["pages"].items()
        },
        "page_content_types": {
            label: Page.objects.get(pk=pk).content_type.app_label
            for label, pk in ids["pages"].items()
        },
        "rows": {
            label: apps.get_model(label).objects.filter(pk=pk).exists()
            for label, pk in ids["rows"].items()
        },
        "article": {
            "summary": article.summary,
            "topics": [link.topic.name for link in article.topic_links.all()],
            "conditions": [link.condition.title for link in article.condition_links.all()],
            "treatments": [link.treatment.title for link in article.treatment_links.all()],
        },
        "revision": Revision.objects.get(pk=ids["revision"]).as_object()._meta.label,
        "translation_source": TranslationSource.objects.get(pk=ids["translation_source"])
        .get_source_instance()
        ._meta.label,
        "task": {"type": task._meta.label, "groups": [group.name for group in task.groups.all()]},
        "review_permission": [
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in reviewers.permissions.filter(codename="record_medical_review")
        ],
        "content_types_left_behind": sorted(
            f"{ct.app_label}.{ct.model}"
            for ct in ContentType.objects.filter(
                model__in=[
                    "articlepage",
                    "articleindexpage",
                    "articletopic",
                    "articletopiclink",
                    "articlecondition",
                    "articletreatment",
                    "medicalreviewtask",
                    "appointmentrequest",
                    "appointmentrequestpage",
                ]
            ).exclude(app_label__in=["articles", "editorial", "appointments"])
        ),
        "tables": sorted(
            table
            for table in tables
            if "article" in table or "appointment" in table or "medicalreview" in table
        ),
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = before_targets(executor.loader.graph)
    migrate(executor, before)
    state = executor.loader.project_state([key for key in before if key[1] is not None])
    ids = build_old_rows(state.apps)
    report = {}
    migrate(executor, executor.loader.graph.leaf_nodes())
    report["forwards"] = observe(ids)
    # The moves can be undone (and done again) without losing a row.
    migrate(executor, before)
    report["tables_after_undoing"] = sorted(
        table
        for table in connection.introspection.table_names()
        if "article" in table or "appointment" in table or "medicalreview" in table
    )
    migrate(executor, executor.loader.graph.leaf_nodes())
    report["forwards_again"] = observe(ids)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
