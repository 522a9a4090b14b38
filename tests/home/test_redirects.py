"""When an editor renames or moves a page in the admin, its old address leads to the new one."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_page_renamed_in_the_admin_leaves_a_redirect(
    editor_client, client, demo, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=demo.home, title="Visiting us", slug="visiting-us")
    data = nested_form_data(
        {
            "title": "Visiting us",
            "slug": "your-visit",
            "intro": rich_text("Where to park and when to arrive."),
            "body": streamfield([("paragraph", rich_text("Arrive ten minutes early."))]),
        }
    )
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes it once committed
        response = editor_client.post(
            f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"}
        )
    assert response.status_code == 302, response.content[:500]
    assert Redirect.objects.filter(old_path="/visiting-us", redirect_page=page).exists()
    assert client.get("/visiting-us/", follow=True).redirect_chain[-1][0].endswith("/your-visit/")


def test_a_page_moved_in_the_admin_leaves_a_redirect(editor_client, client, demo):
    page = StandardPageFactory(parent=demo.home, title="Parking", slug="parking")
    about = demo.home.get_children().get(slug="about")
    response = editor_client.post(f"/admin/pages/{page.pk}/move/{about.pk}/confirm/")
    assert response.status_code == 302, response.content[:500]
    assert Redirect.objects.filter(old_path="/parking", redirect_page=page).exists()
    assert client.get("/parking/", follow=True).redirect_chain[-1][0].endswith("/about/parking/")
