"""Roles and the medical-review workflow: clinical pages go live only with a physician's approval,
which records who reviewed them and when; each group has exactly the permissions its work needs."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from editorial.governance import setup_editorial_permissions
from locations.models import PhysicianPage
from tests.editorial.roles import act, edit_page, member, refused, spanish, submit_for_review

pytestmark = pytest.mark.django_db

IMAGES = {"home.add_clinicimage", "home.change_clinicimage", "home.delete_clinicimage"}
IMAGES |= {"home.choose_image"}
DOCUMENTS = {
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
}
SNIPPETS = {
    "home.add_sitealert",
    "home.change_sitealert",
    "home.delete_sitealert",
    "home.change_footercontent",
    "articles.add_articletopic",
    "articles.change_articletopic",
    "articles.delete_articletopic",
}
EXPECTED_PERMISSIONS = {
    "Marketing editors": {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "insights.view_site_traffic",
        *IMAGES,
        *DOCUMENTS,
        *SNIPPETS,
    },
    "Medical reviewers": {
        "wagtailadmin.access_admin",
        "editorial.record_medical_review",
        "home.choose_image",
        "wagtaildocs.choose_document",
    },
    "Intake": {
        "wagtailadmin.access_admin",
        "appointments.view_appointmentrequest",
        "appointments.change_appointmentrequest",
        "appointments.erase_requester",
    },
    "Site administrators": {
        "wagtailadmin.access_admin",
        "insights.view_site_traffic",
        "appointments.erase_requester",
        "wagtail_localize.submit_translation",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "auth.view_group",
        "home.change_clinicsettings",
        *{f"wagtailcore.{a}_{m}" for a in ("add", "change", "delete") for m in ("site", "locale")},
        *{
            f"wagtailcore.{a}_{m}"
            for a in ("add", "change", "delete")
            for m in ("workflow", "task")
        },
        *{f"wagtailredirects.{a}_redirect" for a in ("add", "change", "delete")},
        *{f"wagtailsearchpromotions.{a}_searchpromotion" for a in ("add", "change", "delete")},
        *{f"search.{a}_searchsynonym" for a in ("add", "change", "delete")},
        *{f"partners.{a}_webhooksubscription" for a in ("add", "change", "delete", "view")},
        "partners.change_webhookdelivery",
        "partners.view_webhookdelivery",
        *IMAGES,
        *DOCUMENTS,
        *SNIPPETS,
    },
}


@pytest.mark.parametrize("group", sorted(EXPECTED_PERMISSIONS))
def test_each_group_has_exactly_its_permissions(group):
    permissions = Group.objects.get(name=group).permissions.select_related("content_type")
    names = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
    assert names == EXPECTED_PERMISSIONS[group]


def test_setting_up_permissions_again_changes_nothing(demo):
    assert setup_editorial_permissions() == 0
    call_command("setup_editorial_permissions", stdout=__import__("io").StringIO())
    assert setup_editorial_permissions() == 0


def test_clinical_sections_in_both_languages_use_the_medical_review_workflow(demo):
    for page in (demo.migraine, demo.ketamine):
        for translation in page.get_translations(inclusive=True):
            workflow = translation.get_workflow()
            assert workflow is not None and workflow.name == "Medical review", translation.url
    assert demo.about.get_workflow() is None


def test_marketing_editor_cannot_publish_clinical_pages_but_can_submit_them(demo, marketing):
    user, client = marketing
    for page in (demo.migraine, demo.ketamine):
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit()
        assert not permissions.can_publish()
        html = edit_page(client, page).content.decode()
        assert 'name="action-publish"' not in html
        assert 'name="action-submit"' in html

    submit_for_review(demo.migraine, user, "Chronic migraine (updated)")
    live = Page.objects.get(pk=demo.migraine.pk)
    assert live.title == demo.migraine.title
    assert live.workflow_in_progress


def test_marketing_editor_can_publish_a_standard_page(demo, marketing):
    user, client = marketing
    assert demo.about.permissions_for_user(user).can_publish()
    response = edit_page(client, demo.about)
    assert 'name="action-publish"' in response.content.decode()


def test_marketing_editor_cannot_see_or_set_the_review_fields(demo, marketing, editor_client):
    _, client = marketing
    html = edit_page(client, demo.migraine).content.decode()
    assert 'name="reviewed_by"' not in html and 'name="last_reviewed"' not in html
    assert 'name="last_reviewed"' in edit_page(editor_client, demo.migraine).content.decode()


def test_reviewer_approval_publishes_and_records_reviewer_and_date(demo, marketing, reviewer):
    editor_user, _ = marketing
    reviewer_user, client = reviewer
    page = demo.migraine
    page.__class__.objects.filter(pk=page.pk).update(reviewed_by=None, last_reviewed=None)
    submit_for_review(page, editor_user, "Chronic migraine, reviewed")

    response = act(client, page, "approve", comment="Checked against the 2024 guideline.")
    assert response.status_code in (200, 302)

    live = page.__class__.objects.get(pk=page.pk)
    assert live.title == "Chronic migraine, reviewed"
    assert live.reviewed_by_id == demo.mcallister.pk
    assert live.last_reviewed == timezone.localdate()
    assert live.live_revision_id == live.latest_revision_id  # no unreviewed draft left behind
    public = Client().get(live.url).content.decode()
    assert "Chronic migraine, reviewed" in public and demo.mcallister.title in public


def test_reviewer_rejection_with_a_comment_leaves_the_live_page_unchanged(
    demo, marketing, reviewer
):
    editor_user, _ = marketing
    _, client = reviewer
    page = demo.ketamine
    submit_for_review(page, editor_user, "Ketamine cures everything")

    act(client, page, "reject", comment="This overstates the evidence.")

    live = page.__class__.objects.get(pk=page.pk)
    assert live.title == page.title
    assert "Ketamine cures everything" not in Client().get(live.url).content.decode()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "This overstates the evidence."


def test_intake_sees_appointment_requests_and_no_page_editing(demo, django_user_model):
    user, client = member(django_user_model, "rosa", "Intake")
    assert client.get("/admin/appointment-requests/").status_code == 200
    for page in (demo.home, demo.migraine, demo.about):
        assert not page.permissions_for_user(user).can_edit()
        assert edit_page(client, page).status_code in (302, 403)


def test_demo_logins_exist_for_every_role(demo, django_user_model):
    for username, group in [
        ("marketing", "Marketing editors"),
        ("reviewer", "Medical reviewers"),
        ("intake", "Intake"),
        ("siteadmin", "Site administrators"),
    ]:
        user = django_user_model.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
    reviewer = django_user_model.objects.get(username="reviewer")
    assert PhysicianPage.objects.filter(user=reviewer, pk=demo.mcallister.pk).exists()


def login(client, username, password, address="203.0.113.9"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_repeated_failed_logins_lock_the_account_out(demo, django_user_model, settings):
    django_user_model.objects.create_user(username="dana-w", password="the-right-password-1")
    django_user_model.objects.get(username="dana-w").groups.add(
        Group.objects.get(name="Marketing editors")
    )
    client = Client()
    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        response = login(client, "dana-w", "a-wrong-guess")
        assert response.status_code == (429 if attempt == settings.AXES_FAILURE_LIMIT else 200)
        assert "_auth_user_id" not in client.session
    locked = login(client, "dana-w", "the-right-password-1")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page
    # The account stays locked from any other address too.
    assert login(Client(), "dana-w", "the-right-password-1", "198.51.100.20").status_code == 429

    # Another account, from another address, still gets in.
    other = Client()
    django_user_model.objects.create_user(username="sam-o", password="another-right-password-2")
    django_user_model.objects.get(username="sam-o").groups.add(
        Group.objects.get(name="Site administrators")
    )
    assert login(other, "sam-o", "another-right-password-2", "198.51.100.30").status_code == 302
    assert other.get("/admin/").status_code == 200


def current_code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def test_an_administrator_without_a_second_factor_is_sent_to_set_one_up(
    demo, django_user_model, settings
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.ADMIN_REQUIRE_2FA = True
    user, client = member(django_user_model, "sam-admin", "Site administrators")

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/setup/?next=/admin/pages/"

    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "Key" in page
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed

    wrong = client.post("/admin/two-factor/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "not valid" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # a failed code delays the next try by a second or more

    right = client.post(
        "/admin/two-factor/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200

    # The next session asks for a code from the same app before any admin page.
    later = Client()
    later.force_login(user)
    response = later.get("/admin/")
    assert response["Location"] == "/admin/two-factor/verify/?next=/admin/"
    device.refresh_from_db()
    device.last_t = -1  # allow the same time step again in the test
    device.save()
    later.post("/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/"})
    assert later.get("/admin/").status_code == 200


def test_second_factor_is_required_of_reviewers_but_not_of_marketing(
    demo, marketing, reviewer, settings
):
    settings.ADMIN_REQUIRE_2FA = True
    assert marketing[1].get("/admin/").status_code == 200
    assert reviewer[1].get("/admin/")["Location"].startswith("/admin/two-factor/setup/")
    settings.ADMIN_REQUIRE_2FA = False
    assert reviewer[1].get("/admin/").status_code == 200


def test_the_next_address_cannot_lead_off_site(demo, django_user_model, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.ADMIN_REQUIRE_2FA = True
    user, client = member(django_user_model, "sam-admin-2", "Site administrators")
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        "/admin/two-factor/setup/",
        {"token": current_code(device), "next": "https://evil.example/phish"},
    )
    assert response["Location"] == "/admin/"


def bring_forward(revision):
    """Let the scheduled time of `revision` come: move its go-live date a minute into the past."""
    from datetime import timedelta

    past = timezone.now() - timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_marketing_editor_cannot_publish_a_spanish_clinical_page_from_the_translation_editor(
    demo, marketing
):
    user, client = marketing
    page = spanish(demo.migraine)
    assert page.permissions_for_user(user).can_edit()
    assert not page.permissions_for_user(user).can_publish()
    live_revision = page.live_revision_id
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
    )
    assert refused(response)
    assert Page.objects.get(pk=page.pk).live_revision_id == live_revision


def test_comments_left_by_an_editor_are_shown_to_the_reviewer(demo, marketing, reviewer):
    from wagtail.models import Comment

    editor_user, _ = marketing
    _, reviewer_client = reviewer
    page = demo.ketamine
    Comment.objects.create(
        page=page,
        user=editor_user,
        text="Is the dose range in this section still current?",
        contentpath="summary",
        revision_created=page.latest_revision,
    )
    html = edit_page(reviewer_client, page).content.decode()
    assert "Is the dose range in this section still current?" in html


def lock(client, page, action="lock"):
    return client.post(reverse(f"wagtailadmin_pages:{action}", args=[page.pk]))


def test_a_page_locked_by_an_editor_is_closed_to_others_until_unlocked(
    demo, marketing, django_user_model
):
    user, client = marketing
    other_user, other = member(django_user_model, "dana-3", "Marketing editors")
    _, administrator = member(django_user_model, "sam-3", "Site administrators")
    page = demo.stamford

    lock(client, page)
    page.refresh_from_db()
    assert page.locked and page.locked_by == user
    assert page.permissions_for_user(other_user).page_locked()
    assert not page.permissions_for_user(user).page_locked()

    lock(other, page, "unlock")  # another editor cannot lift the lock
    page.refresh_from_db()
    assert page.locked
    lock(administrator, page, "unlock")  # a site administrator can
    page.refresh_from_db()
    assert not page.locked


def test_editors_schedule_changes_that_publish_scheduled_puts_live_and_takes_down(demo, marketing):
    from datetime import timedelta

    user, _ = marketing
    page = demo.about.__class__.objects.get(pk=demo.about.pk)
    live_title = page.title
    page.title = "About the clinic (from spring)"
    page.go_live_at = timezone.now() + timedelta(days=30)
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    assert Client().get(page.url).content.decode().count("About the clinic (from spring)") == 0
    assert Page.objects.get(pk=page.pk).title == live_title

    bring_forward(revision)
    call_command("publish_scheduled", stdout=__import__("io").StringIO())
    assert "About the clinic (from spring)" in Client().get(page.url).content.decode()

    page = demo.about.__class__.objects.get(pk=page.pk)
    page.expire_at = timezone.now() + timedelta(minutes=5)
    page.save_revision(user=user).publish(user=user)
    page.__class__.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=__import__("io").StringIO())
    assert Client().get(page.url).status_code == 404


def test_an_approved_clinical_change_with_a_go_live_date_waits_for_it(demo, marketing, reviewer):
    from datetime import timedelta

    from wagtail.models import Revision

    editor_user, _ = marketing
    _, reviewer_client = reviewer
    page = demo.depression.__class__.objects.get(pk=demo.depression.pk)
    live_title = page.title
    page.title = "Treatment-resistant depression (updated)"
    page.go_live_at = timezone.now() + timedelta(days=7)
    page.save_revision(user=editor_user)
    page.get_workflow().start(page, user=editor_user)

    act(reviewer_client, page, "approve")
    assert Page.objects.get(pk=page.pk).title == live_title
    revision = Revision.objects.get(pk=Page.objects.get(pk=page.pk).latest_revision_id)
    assert revision.approved_go_live_at is not None

    bring_forward(revision)
    call_command("publish_scheduled", stdout=__import__("io").StringIO())
    live = page.__class__.objects.get(pk=page.pk)
    assert live.title == "Treatment-resistant depression (updated)"
    assert live.reviewed_by_id == demo.mcallister.pk


def test_the_audit_log_records_who_submitted_and_who_approved(demo, marketing, reviewer):
    from wagtail.models import PageLogEntry

    editor_user, editor = marketing
    reviewer_user, reviewer_client = reviewer
    page = demo.anxiety
    submit_for_review(page, editor_user, "Anxiety (updated)")
    act(reviewer_client, page, "approve")

    entries = {
        (entry.action, entry.user_id) for entry in PageLogEntry.objects.filter(page_id=page.pk)
    }
    assert ("wagtail.workflow.start", editor_user.pk) in entries
    assert ("wagtail.workflow.approve", reviewer_user.pk) in entries
    assert ("wagtail.publish", reviewer_user.pk) in entries
    history = editor.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert "Approved" in history.content.decode() or "approve" in history.content.decode()


def test_the_groups_migration_can_be_reversed_and_replayed(demo):
    import importlib

    from django.apps import apps
    from django.db import connection, migrations

    migration = importlib.import_module("home.migrations.0006_editorial_groups")
    # The migrations that later moved the models (and relabelled their content types) are
    # unapplied and applied again around it, as `migrate home 0005` and `migrate` would.
    moves = [
        importlib.import_module(f"{app}.migrations.{name}")
        for app, name in (
            ("appointments", "0001_appointments_from_locations"),
            ("articles", "0001_articles_from_home"),
            ("editorial", "0001_medical_review_task_from_home"),
        )
    ]
    relabels = [
        operation
        for move in moves
        for operation in move.Migration.operations
        if isinstance(operation, migrations.RunPython)
    ]
    schema_editor = SimpleNamespace(connection=connection)
    for operation in reversed(relabels):
        operation.reverse_code(apps, schema_editor)
    created = set(migration.GROUPS)
    migration.remove_groups(apps, None)
    assert not Group.objects.filter(name__in=created).exists()
    assert Group.objects.filter(name="Intake").exists()  # comes from the offices' migration

    migration.create_groups(apps, None)
    for operation in relabels:
        operation.code(apps, schema_editor)
    # Later migrations depend on these and grant the groups more permissions: `migrate` applies
    # them again after them.
    for app, name, grant in (
        ("partners", "0002_webhooks", "ADMINISTRATORS"),
        ("appointments", "0005_erasure_permission", "ERASURE"),
        ("insights", "0002_report_permission", "REPORT"),
    ):
        getattr(importlib.import_module(f"{app}.migrations.{name}"), grant).grant(apps, None)
    for name in created:
        permissions = Group.objects.get(name=name).permissions.select_related("content_type")
        names = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        assert names == EXPECTED_PERMISSIONS[name]


@pytest.mark.parametrize(
    "password, complaint",
    [
        ("short-1", "too short"),
        ("password1234", "too common"),
        ("493817205561", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_when_an_administrator_adds_a_user(
    demo, django_user_model, password, complaint
):
    _, administrator = member(django_user_model, "sam-4", "Site administrators")
    response = administrator.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "new-editor",
            "email": "new-editor@example.org",
            "first_name": "New",
            "last_name": "Editor",
            "password1": password,
            "password2": password,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert complaint in response.content.decode()
    assert not django_user_model.objects.filter(username="new-editor").exists()


def test_an_admin_session_ends_with_the_browser_and_after_a_working_day(demo, django_user_model):
    django_user_model.objects.create_user(username="dana-5", password="the-right-password-5")
    client = Client()
    response = login(client, "dana-5", "the-right-password-5", "198.51.100.55")
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 60 * 60
