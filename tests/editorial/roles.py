"""The editorial roles as the tests act them out: a member of a group with a logged-in client,
and the admin actions they take."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, WorkflowState


def member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password-42"
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return user, client


def edit_page(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def submit_for_review(page, user, title):
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = title
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user=user)
    return revision


def act(client, page, action, comment=""):
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment} if comment else {})


def refused(response):
    """Wagtail answers an admin action the user may not take with a redirect to the dashboard."""
    return (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific
