"""Who may do what in the admin: page and collection permissions of the editorial groups and the
"Medical review" workflow on the clinical sections, in every language.

The groups and their model permissions come from migrations (home 0006, locations 0004, whose
permissions now belong to `editorial`, `articles` and `appointments`); what needs
pages (sections exist only once content does) is attached here. `setup_editorial_permissions`
runs it, `load_demo_content` too, and running it again changes nothing.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.models import MedicalReviewMixin, MedicalReviewTask
from home.models import ClinicImage, HomePage

MARKETING_EDITORS = "Marketing editors"
MEDICAL_REVIEWERS = "Medical reviewers"
INTAKE = "Intake"
SITE_ADMINISTRATORS = "Site administrators"

WORKFLOW_NAME = "Medical review"
TASK_NAME = "Approval by a physician"

EDIT = ["add_page", "change_page", "lock_page"]
EVERYTHING = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
# Wagtail checks image permissions by the codenames of its own `wagtailimages.Image` in each
# collection, whatever the project's image model (`home.ClinicImage`) is.
IMAGES = ["add_image", "change_image", "delete_image", "choose_image"]
DOCUMENTS = ["add_document", "change_document", "delete_document", "choose_document"]


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def grant_pages(group, page, codenames):
    created = 0
    for codename in codenames:
        _, new = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=page_permission(codename)
        )
        created += new
    return created


def grant_collection(group, collection, model, codenames):
    content_type = ContentType.objects.get_for_model(model)
    created = 0
    for codename in codenames:
        permission = Permission.objects.get(content_type=content_type, codename=codename)
        _, new = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        created += new
    return created


def clinical_section_models():
    """The section page types whose pages make medical claims (they hold clinical pages, which
    carry a medical review): treatments, conditions, articles. Found through the app registry,
    as the apps that define them are built on this one."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and not issubclass(model, MedicalReviewMixin)
        and any(issubclass(child, MedicalReviewMixin) for child in model.allowed_subpage_models())
    ]


def clinical_sections():
    """The clinical sections, in every language: they go live only after a physician approves
    them."""
    return [
        page
        for model in clinical_section_models()
        for page in model.objects.all().select_related("locale").order_by("path")
    ]


def medical_review_workflow(reviewers):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = MedicalReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = MedicalReviewTask.objects.create(name=TASK_NAME, active=True)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


@transaction.atomic
def setup_editorial_permissions():
    """Attach page and collection permissions and the workflow; returns how many were added."""
    from wagtail.documents import get_document_model

    groups = {group.name: group for group in Group.objects.all()}
    marketing, reviewers = groups[MARKETING_EDITORS], groups[MEDICAL_REVIEWERS]
    administrators = groups[SITE_ADMINISTRATORS]
    added = 0
    clinical = clinical_sections()
    clinical_ids = {page.pk for page in clinical}
    for home in HomePage.objects.all():
        added += grant_pages(marketing, home, EDIT)
        added += grant_pages(administrators, home, EVERYTHING)
        # Marketing publishes what makes no medical claims: every section but the clinical ones.
        for child in Page.objects.child_of(home):
            if child.pk not in clinical_ids:
                added += grant_pages(marketing, child, ["publish_page"])
    root = Collection.get_first_root_node()
    for group in (marketing, administrators):
        added += grant_collection(group, root, Image, IMAGES)
        added += grant_collection(group, root, get_document_model(), DOCUMENTS)
    added += grant_collection(reviewers, root, Image, ["choose_image"])
    # Grants on the project's image model's own codenames mean nothing to Wagtail's image views.
    GroupCollectionPermission.objects.filter(
        permission__content_type=ContentType.objects.get_for_model(ClinicImage)
    ).delete()

    # Wagtail's own migrations hand every admin group model permissions on images and documents,
    # which its collection-based checks ignore; Intake handles appointment requests only.
    unused = Permission.objects.filter(content_type__app_label="wagtailimages")
    for group in (marketing, reviewers, administrators, groups[INTAKE]):
        group.permissions.remove(*unused)
    groups[INTAKE].permissions.remove(
        *Permission.objects.filter(content_type__app_label="wagtaildocs")
    )
    GroupCollectionPermission.objects.filter(group=groups[INTAKE]).delete()

    # Reviewers open and correct the clinical pages they review, and their approval publishes
    # them (Wagtail publishes an approved revision as the approving user, who needs the right).
    for section in clinical:
        added += grant_pages(reviewers, section, ["change_page", "publish_page"])

    workflow = medical_review_workflow(reviewers)
    # Wagtail's default "Moderators approval" on the root would send every other page to a group
    # this clinic does not use; the sections' own publish permissions decide instead.
    added += WorkflowPage.objects.filter(page__depth=1).exclude(workflow=workflow).delete()[0]
    for section in clinical:
        assigned = WorkflowPage.objects.filter(page=section).first()
        if assigned is None:
            WorkflowPage.objects.create(page=section, workflow=workflow)
            added += 1
    return added
