"""Each editorial group can open exactly the admin screens `docs/editors.md` gives it: a member of
each group walks through images, pages, snippets, translations, appointment requests, reports and
the site's settings, and is let in or turned away."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.editorial.roles import member, refused, spanish

pytestmark = pytest.mark.django_db

MARKETING, REVIEWERS = "Marketing editors", "Medical reviewers"
INTAKE, ADMINISTRATORS = "Intake", "Site administrators"


def screens(demo):
    """Admin screens by what they are for, and the groups the guide lets in."""
    return {
        "image library": (reverse("wagtailimages:index"), {MARKETING, ADMINISTRATORS}),
        "image upload": (reverse("wagtailimages:add_multiple"), {MARKETING, ADMINISTRATORS}),
        "documents": (reverse("wagtaildocs:index"), {MARKETING, ADMINISTRATORS}),
        "edit a condition": (
            reverse("wagtailadmin_pages:edit", args=[demo.migraine.pk]),
            {MARKETING, REVIEWERS, ADMINISTRATORS},
        ),
        "edit a Spanish condition": (
            reverse("wagtailadmin_pages:edit", args=[spanish(demo.migraine).pk]),
            {MARKETING, REVIEWERS, ADMINISTRATORS},
        ),
        "edit an office": (
            reverse("wagtailadmin_pages:edit", args=[demo.stamford.pk]),
            {MARKETING, ADMINISTRATORS},
        ),
        "add a condition": (
            reverse(
                "wagtailadmin_pages:add",
                args=["treatments", "conditionpage", demo.migraine.get_parent().pk],
            ),
            {MARKETING, ADMINISTRATORS},
        ),
        "alerts": (
            reverse("wagtailsnippets_home_sitealert:list"),
            {MARKETING, ADMINISTRATORS},
        ),
        "article topics": (
            reverse("wagtailsnippets_articles_articletopic:list"),
            {MARKETING, ADMINISTRATORS},
        ),
        "translate a page": (
            reverse("wagtail_localize:submit_page_translation", args=[demo.stamford.pk]),
            {MARKETING, ADMINISTRATORS},
        ),
        "appointment requests": (
            reverse("appointment_requests:index"),
            {INTAKE},
        ),
        "medical review due": (
            reverse("review_due_report"),
            {MARKETING, REVIEWERS, ADMINISTRATORS},
        ),
        "translations report": (
            reverse("wagtail_localize:translations_report"),
            {MARKETING, REVIEWERS, ADMINISTRATORS},
        ),
        "users": (reverse("wagtailusers_users:index"), {ADMINISTRATORS}),
        "clinic settings": (
            reverse("wagtailsettings:edit", args=["home", "clinicsettings", Site.objects.get().pk]),
            {ADMINISTRATORS},
        ),
        "redirects": (reverse("wagtailredirects:index"), {ADMINISTRATORS}),
        "workflows": (reverse("wagtailadmin_workflows:index"), {ADMINISTRATORS}),
        "languages": (reverse("wagtaillocales:index"), {ADMINISTRATORS}),
    }


@pytest.mark.parametrize("group", [MARKETING, REVIEWERS, INTAKE, ADMINISTRATORS])
def test_each_group_opens_exactly_the_screens_the_guide_gives_it(demo, django_user_model, group):
    _, client = member(django_user_model, "walker", group)
    wrong = []
    for name, (url, allowed) in screens(demo).items():
        response = client.get(url)
        if group in allowed and response.status_code != 200:
            wrong.append(f"{name}: refused ({response.status_code}) but the guide allows it")
        elif group not in allowed and not refused(response):
            wrong.append(f"{name}: opened ({response.status_code}) but the guide refuses it")
    assert not wrong, f"{group}:\n" + "\n".join(wrong)


def test_marketing_uploads_an_image_from_the_chooser(demo, django_user_model):
    _, client = member(django_user_model, "uploader", MARKETING)
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert 'id="tab-upload"' in chooser or "Upload" in chooser
    assert reverse("wagtailimages_chooser:create") in chooser


def test_intake_is_not_shown_the_translations_report(demo, django_user_model):
    _, intake = member(django_user_model, "intake-menu", INTAKE)
    _, marketing = member(django_user_model, "marketing-menu", MARKETING)
    report = reverse("wagtail_localize:translations_report")
    assert report not in intake.get(reverse("wagtailadmin_home")).content.decode()
    assert report in marketing.get(reverse("wagtailadmin_home")).content.decode()
