"""Consumer health data (Connecticut Data Privacy Act as amended by Public Act 23-56): the privacy
notice covers it in both languages, each request records the version of the notice its consent
referred to, and a requester's records are erased on request, the erasure recorded without what
was erased."""

import time

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import ModelLogEntry, Page

from appointments.erasure import ERASE_ACTION
from appointments.forms import form_timestamp
from appointments.models import AppointmentRequest, ErasureRecord

pytestmark = pytest.mark.django_db

ERASE = "/admin/appointment-requests/erase/"


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(username=name, password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def request_data(demo, **overrides):
    return {
        "name": "Ana Pereira",
        "phone": "(203) 555-0177",
        "email": "ana.pereira@example.net",
        "preferred_contact_method": "phone",
        "preferred_time": "any",
        "office": demo.stamford.pk,
        "consent": "on",
        "website": "",
        "started": form_timestamp(time.time() - 30),
        **overrides,
    }


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/privacy/", ["Consumer health data (Connecticut)", "withdraw your consent", "45 days"]),
        (
            "/es/privacidad/",
            ["Datos de salud del consumidor", "retirar su consentimiento", "45 días"],
        ),
    ],
)
def test_the_privacy_notice_covers_consumer_health_data_in_both_languages(client, demo, url, words):
    html = client.get(url).content.decode()
    for word in words:
        assert word.lower() in html.lower(), word


@pytest.mark.parametrize(
    ("form_url", "notice_url"),
    [("/request-an-appointment/", "/privacy/"), ("/es/pedir-una-cita/", "/es/privacidad/")],
)
def test_the_form_links_the_notice_and_each_request_records_its_version(
    client, demo, form_url, notice_url
):
    html = client.get(form_url).content.decode()
    assert f'href="{notice_url}"' in html
    language = "es" if form_url.startswith("/es/") else "en"
    office = Page.objects.get(
        translation_key=demo.stamford.translation_key, locale__language_code=language
    )
    assert client.post(form_url, request_data(demo, office=office.pk)).status_code == 302
    notice = Page.objects.get(url_path__endswith="/" + notice_url.split("/")[-2] + "/")
    version = AppointmentRequest.objects.get().privacy_notice_version
    assert notice.title in version
    assert f"page {notice.pk}, revision {notice.live_revision_id}" in version


def test_a_new_version_of_the_notice_is_recorded_for_later_requests(client, demo):
    client.post("/request-an-appointment/", request_data(demo))
    notice = Page.objects.get(slug="privacy", locale__language_code="en").specific
    notice.save_revision().publish()
    notice.refresh_from_db()
    client.post(
        "/request-an-appointment/", request_data(demo, started=form_timestamp(time.time() - 30))
    )
    first, second = AppointmentRequest.objects.order_by("pk").values_list(
        "privacy_notice_version", flat=True
    )
    assert first != second
    assert f"revision {notice.live_revision_id}" in second


def test_intake_erases_a_requesters_records_and_the_erasure_is_logged_without_them(
    client, demo, django_user_model
):
    for email, phone in [
        ("ana.pereira@example.net", "(203) 555-0177"),
        ("ANA.PEREIRA@example.net", ""),
        ("other@example.net", "203.555.0177"),
        ("keep@example.net", "(203) 555-0100"),
    ]:
        AppointmentRequest.objects.create(
            name="Someone",
            email=email,
            phone=phone,
            preferred_contact_method="phone",
            consent_text="I agree",
            consent_language="en",
        )
    intake = member(django_user_model, "intake-clerk", "Intake")
    index = intake.get("/admin/appointment-requests/").content.decode()
    assert ERASE in index
    assert intake.get(ERASE).status_code == 200
    response = intake.post(
        ERASE,
        {
            "email": "ana.pereira@example.net",
            "phone": "+1 203 555 0177",
            "reference": "Call of 2026-12-05, ticket 17",
            "identity_checked": "on",
        },
    )
    assert response.status_code == 302
    assert list(AppointmentRequest.objects.values_list("email", flat=True)) == ["keep@example.net"]
    record = ErasureRecord.objects.get()
    assert record.requests_erased == 3
    assert record.erased_by.username == "intake-clerk"
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION)
    assert entry.data == {"requests": 3}
    kept = f"{record.reference} {entry.data} {entry.label}".lower()
    assert "pereira" not in kept and "555" not in kept and "0177" not in kept


@pytest.mark.parametrize(
    "data",
    [
        {"email": "", "phone": "", "reference": "ticket 18", "identity_checked": "on"},
        {"email": "ana@example.net", "reference": "ticket 18"},  # identity not confirmed
        {"email": "ana@example.net", "reference": "ana@example.net", "identity_checked": "on"},
        {"phone": "2035550177", "reference": "203 555 0177", "identity_checked": "on"},
        {"email": "a\x00@example.net", "reference": "ticket", "identity_checked": "on"},
        {"phone": "12", "reference": "ticket", "identity_checked": "on"},
        {"phone": "\x00" * 40, "reference": "x" * 500, "identity_checked": "on"},
    ],
)
def test_a_bad_erasure_request_is_a_form_error_and_erases_nothing(demo, django_user_model, data):
    AppointmentRequest.objects.create(
        name="Someone",
        email="ana@example.net",
        phone="2035550177",
        preferred_contact_method="phone",
        consent_text="I agree",
        consent_language="en",
    )
    intake = member(django_user_model, "intake-clerk", "Intake")
    response = intake.post(ERASE, data)
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 1
    assert not ErasureRecord.objects.exists()


def test_only_intake_and_site_administrators_may_erase(demo, django_user_model):
    marketing = member(django_user_model, "marketing-writer", "Marketing editors")
    response = marketing.get(ERASE)
    assert response.status_code in (302, 403)
    siteadmin = member(django_user_model, "site-admin", "Site administrators")
    assert siteadmin.get(ERASE).status_code == 200
