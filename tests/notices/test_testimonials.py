"""Testimonials, lawfully: none is published by any path without the patient's recorded
authorization, a "results vary" disclosure and confirmation that it is genuine and unpaid; each
leaves the site when its authorization expires or is revoked; shown on its condition or
treatment page and the home page."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from home.caching import database_version
from notices import models as notices

pytestmark = pytest.mark.django_db

QUOTE = "After years of daily headaches I have good weeks again."


def today():
    return timezone.localdate()


def authorized(**fields):
    return {
        "authorization_date": today() - datetime.timedelta(days=10),
        "authorization_reference": "Signed form 2026-017, filed at Stamford",
        "authorization_expires": today() + datetime.timedelta(days=365),
        "genuine_and_unpaid": True,
        **fields,
    }


def draft(demo, **fields):
    return notices.Testimonial.objects.create(
        quote=QUOTE,
        attribution="A patient treated for chronic migraine",
        topic=demo.migraine,
        show_on_home_page=True,
        live=False,
        locale=demo.home.locale,
        **fields,
    )


@pytest.mark.parametrize(
    "missing",
    [
        {"authorization_date": None},
        {"authorization_reference": ""},
        {"authorization_expires": None},
        {"authorization_expires": datetime.date(2020, 1, 1)},
        {"authorization_revoked": True},
        {"genuine_and_unpaid": False},
        {"disclosure": ""},
    ],
)
def test_no_testimonial_is_published_without_a_valid_authorization(demo, missing):
    testimonial = draft(demo, **authorized(**missing))
    with pytest.raises(ValidationError):
        # Refused when the revision is saved (a field the form requires) or published.
        testimonial.save_revision().publish()
    testimonial.refresh_from_db()
    assert not testimonial.live
    # Nor by writing the row directly: the database refuses it.
    if "authorization_expires" not in missing or missing["authorization_expires"] is None:
        with pytest.raises(IntegrityError), transaction.atomic():
            notices.Testimonial.objects.filter(pk=testimonial.pk).update(live=True)


def test_the_admin_says_why_it_cannot_publish(demo, editor_client):
    testimonial = draft(demo, **authorized(authorization_reference=""))
    response = editor_client.post(
        f"/admin/snippets/notices/testimonial/edit/{testimonial.pk}/",
        {
            "quote": QUOTE,
            "attribution": "A patient",
            "disclosure": "Results vary.",
            "topic": demo.migraine.pk,
            "authorization_date": str(today()),
            "authorization_reference": "",
            "authorization_expires": str(today() + datetime.timedelta(days=30)),
            "genuine_and_unpaid": "on",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "cannot be published without" in response.content.decode()
    testimonial.refresh_from_db()
    assert not testimonial.live


def test_an_authorized_testimonial_is_shown_with_its_disclosure_where_it_belongs(client, demo):
    testimonial = draft(demo, **authorized())
    testimonial.save_revision().publish()
    for url in (demo.migraine.url, demo.home.url):
        html = client.get(url).content.decode()
        assert QUOTE in html and "Results vary." in html, url
    assert QUOTE not in client.get(demo.anxiety.url).content.decode()


def test_it_leaves_the_site_when_the_authorization_is_revoked(client, demo):
    testimonial = draft(demo, **authorized())
    testimonial.save_revision().publish()
    assert QUOTE in client.get(demo.migraine.url).content.decode()
    before = database_version()
    testimonial.refresh_from_db()
    testimonial.authorization_revoked = True
    testimonial.save()
    testimonial.refresh_from_db()
    assert not testimonial.live
    assert database_version() > before
    assert QUOTE not in client.get(demo.migraine.url).content.decode()


def test_it_leaves_the_site_when_the_authorization_expires(client, demo):
    testimonial = draft(
        demo, **authorized(authorization_expires=today() + datetime.timedelta(days=2))
    )
    testimonial.save_revision().publish()
    testimonial.refresh_from_db()
    assert testimonial.expire_at is not None
    # Two days later: not shown even before the scheduled unpublishing runs…
    later = today() + datetime.timedelta(days=2)
    assert not notices.Testimonial.objects.shown(on=later).exists()
    # …and unpublished by it.
    notices.Testimonial.objects.filter(pk=testimonial.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())
    testimonial.refresh_from_db()
    assert not testimonial.live
    assert QUOTE not in Client().get(demo.migraine.url).content.decode()
