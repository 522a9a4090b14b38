"""Appointment requests: stored once, reach only the office's intake team, refuse hostile posts,
and never leak into e-mails, the API, search or the admin of users without the permission."""

import datetime
import io
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page

from appointments.forms import form_timestamp
from appointments.models import AppointmentRequest, AppointmentRequestPage
from appointments.wagtail_hooks import EXPORT_ACTION, VIEW_ACTION

pytestmark = pytest.mark.django_db

NAME = "Marisol Quintana-Okafor"
PHONE = "(203) 555-0199"
EMAIL = "marisol.q@example.net"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def request_page(demo):
    return AppointmentRequestPage.objects.get(
        slug="request-an-appointment", locale=demo.home.locale
    )


def valid_data(demo, **overrides):
    data = {
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "preferred_contact_method": "phone",
        "preferred_time": "morning",
        "office": demo.westport.pk,
        "topic": demo.migraine.pk,
        "consent": "on",
        "website": "",
        "started": form_timestamp(time.time() - 30),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(client, page, data, **extra):
    return client.post(page.url, data, REMOTE_ADDR=extra.pop("address", "198.51.100.7"), **extra)


def test_request_page_sits_under_home_once(demo, request_page):
    assert request_page.get_parent().pk == demo.home.pk
    assert "appointments.AppointmentRequestPage" in [
        f"{model._meta.app_label}.{model.__name__}"
        for model in demo.home.specific_class.allowed_subpage_models()
    ]
    assert not AppointmentRequestPage.can_create_at(demo.home)  # one per parent


def test_valid_request_is_stored_once_thanked_and_notified_without_patient_data(
    client, demo, request_page
):
    response = post(client, request_page, valid_data(demo))
    assert response.status_code == 302
    assert response["Location"].startswith(request_page.url + "?sent=")

    appointment = AppointmentRequest.objects.get()
    assert appointment.name == NAME
    assert appointment.office.pk == demo.westport.pk
    assert appointment.topic.pk == demo.migraine.pk
    assert appointment.status == "new"
    assert appointment.consent_text == request_page.consent_text
    assert appointment.consent_language == "en"

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert request_page.thank_you_text.split("<p>")[1][:30] in thanks.content.decode()
    assert 'name="name"' not in thanks.content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [demo.westport.intake_email]
    assert f"/admin/appointment-requests/inspect/{appointment.pk}/" in message.body
    text = f"{message.subject}\n{message.body}".lower()
    for secret in (NAME, "Marisol", "Okafor", PHONE, "555-0199", EMAIL, demo.migraine.title):
        assert secret.lower() not in text


def test_spanish_request_records_the_spanish_consent_and_answers_in_spanish(client, demo):
    page = AppointmentRequestPage.objects.get(slug="pedir-una-cita", locale__language_code="es")
    westport = demo.westport.get_translation(page.locale)
    migraine = demo.migraine.get_translation(page.locale)
    assert page.url.startswith("/es/")

    form = client.get(page.url).content.decode()
    assert "Enviar mi solicitud" in form
    assert f'value="{westport.pk}"' in form and f'value="{demo.westport.pk}"' not in form

    refused = post(
        client, page, valid_data(demo, office=westport.pk, topic=migraine.pk, consent=None)
    )
    assert refused.status_code == 200
    assert "Please tick the box" not in refused.content.decode()
    assert not AppointmentRequest.objects.exists()

    response = post(client, page, valid_data(demo, office=westport.pk, topic=migraine.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(page.url + "?sent=")
    appointment = AppointmentRequest.objects.get()
    assert appointment.consent_language == "es"
    assert appointment.consent_text == page.consent_text
    assert appointment.consent_text.startswith("Acepto")
    assert "Gracias" in client.get(response["Location"]).content.decode()


def test_a_forged_thank_you_link_shows_the_form(client, request_page):
    response = client.get(request_page.url + "?sent=1")
    assert response.status_code == 200
    assert 'name="name"' in response.content.decode()


@override_settings(APPOINTMENT_FALLBACK_EMAIL="intake@example.org")
def test_office_without_intake_address_notifies_the_fallback(client, demo, request_page):
    demo.stamford.intake_email = ""
    demo.stamford.save()
    post(client, request_page, valid_data(demo, office=demo.stamford.pk))
    assert [message.to for message in mail.outbox] == [["intake@example.org"]]


def test_errors_are_shown_next_to_fields_and_keep_what_was_typed(client, demo, request_page):
    response = post(client, request_page, valid_data(demo, email="not-an-email", consent=None))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html and 'href="#id_consent"' in html
    # Each error after its field's label, without doubled punctuation after a question.
    assert "?:" not in html and ".:" not in html
    assert 'aria-describedby="id_email-error id_email-help"' in html
    assert 'aria-invalid="true"' in html
    assert f'value="{NAME}"' in html
    assert 'value="not-an-email"' in html
    assert not AppointmentRequest.objects.exists()


def test_get_prefills_office_and_topic_and_stores_nothing(client, demo, request_page):
    data = valid_data(demo)
    url = f"{request_page.url}?office={demo.stamford.pk}&topic={demo.ketamine.pk}"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{demo.stamford.pk}" id="id_office_0" required checked' in html
    assert f'<option value="{demo.ketamine.pk}" selected>' in html
    # Every form field in the query string: still only a form, nothing stored or sent.
    response = client.get(request_page.url, data)
    assert response.status_code == 200
    assert NAME not in response.content.decode()
    assert not AppointmentRequest.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("query", ["?office=abc&topic=", "?office=99999999&topic=-1", "?topic=1e9"])
def test_bad_prefill_is_ignored(client, request_page, query):
    assert client.get(request_page.url + query).status_code == 200


def hostile_posts(demo):
    return {
        "missing consent": valid_data(demo, consent=None),
        "oversize name": valid_data(demo, name="A" * 5000),
        "oversize e-mail": valid_data(demo, email="a" * 300 + "@example.org"),
        "script tag in name": valid_data(demo, name="<script>alert(1)</script>"),
        "right-to-left override in name": valid_data(demo, name="Ana\u202egnitsiL"),
        "zero-width space in name": valid_data(demo, name="Ana\u200bMaria"),
        "null byte in name": valid_data(demo, name="Ana\x00Maria"),
        "invalid phone": valid_data(demo, phone="call me maybe", email=""),
        "phone of letters and digits": valid_data(demo, phone="555-CALL-NOW"),
        "invalid e-mail": valid_data(demo, email="someone@", phone=""),
        "no way to reach": valid_data(demo, email="", phone=""),
        "e-mail wanted but missing": valid_data(demo, preferred_contact_method="email", email=""),
        "unknown office": valid_data(demo, office=99999999),
        "office that is not an office": valid_data(demo, office=demo.migraine.pk),
        "office not a number": valid_data(demo, office="1 OR 1=1"),
        "office past 64 bits": valid_data(demo, office="99999999999999999999"),
        "office of the largest id": valid_data(demo, office=str(2**63 - 1)),
        "office of other digits": valid_data(demo, office="١٢"),
        "topic past 64 bits": valid_data(demo, topic="99999999999999999999"),
        "unknown topic": valid_data(demo, topic=99999999),
        "topic that is an office": valid_data(demo, topic=demo.stamford.pk),
        "unknown contact method": valid_data(demo, preferred_contact_method="fax"),
        "filled honeypot": valid_data(demo, website="http://spam.example"),
        "posted instantly": valid_data(demo, started="now"),
        "forged timestamp": valid_data(demo, started=str(time.time() - 60)),
        "expired timestamp": valid_data(demo, started=form_timestamp(time.time() - 3 * 86400)),
        "missing timestamp": valid_data(demo, started=None),
        "empty post": {},
        "lists instead of values": {**valid_data(demo), "name": ["a", "b"], "office": ["1", "2"]},
    }


def test_hostile_and_malformed_posts_are_refused(client, demo, request_page):
    for kind, data in hostile_posts(demo).items():
        cache.clear()
        if data.get("started") == "now":  # signed just before it is posted
            data["started"] = form_timestamp()
        response = post(client, request_page, data)
        assert response.status_code == 200, kind
        assert 'class="error-summary"' in response.content.decode(), kind
    assert not AppointmentRequest.objects.exists()
    assert not mail.outbox


def test_post_without_csrf_token_is_refused(demo, request_page):
    client = Client(enforce_csrf_checks=True)
    response = post(client, request_page, valid_data(demo))
    assert response.status_code == 403
    assert not AppointmentRequest.objects.exists()


def test_oversize_body_is_refused(client, demo, request_page):
    response = post(client, request_page, valid_data(demo, email="x" * 3_000_000))
    assert 400 <= response.status_code < 500
    assert not AppointmentRequest.objects.exists()


def test_other_methods_are_refused(client, request_page):
    assert client.put(request_page.url).status_code == 405
    assert client.delete(request_page.url).status_code == 405


@override_settings(APPOINTMENT_RATE_LIMIT=5)
def test_burst_from_one_address_gets_429_others_unaffected(client, demo, request_page):
    for _ in range(5):
        assert post(client, request_page, valid_data(demo)).status_code == 302
    response = post(client, request_page, valid_data(demo))
    assert response.status_code == 429
    text = response.content.decode()
    assert "Please try again in ten minutes" in text
    assert NAME in text and PHONE in text  # the form again, as it was filled in
    assert response["Retry-After"]
    assert AppointmentRequest.objects.count() == 5
    other = post(client, request_page, valid_data(demo), address="203.0.113.9")
    assert other.status_code == 302
    assert AppointmentRequest.objects.count() == 6


@override_settings(APPOINTMENT_RATE_LIMIT=5)
def test_a_visitor_who_corrects_mistakes_is_never_refused_the_request(client, demo, request_page):
    mistakes = [
        valid_data(demo, consent=None),
        {**valid_data(demo), "phone": "abc123"},
        {**valid_data(demo), "name": "x" * 5000},
        {**valid_data(demo), "name": "Mari\x00sol"},
        {**valid_data(demo), "phone": "", "email": ""},
    ]
    for data in mistakes:
        response = post(client, request_page, data)
        assert response.status_code == 200, data
    assert post(client, request_page, valid_data(demo)).status_code == 302
    assert AppointmentRequest.objects.count() == 1


@override_settings(APPOINTMENT_RATE_LIMIT=5)
def test_a_flood_of_broken_posts_is_refused_in_the_end(client, demo, request_page):
    for _ in range(20):
        assert post(client, request_page, valid_data(demo, consent=None)).status_code == 200
    response = post(client, request_page, valid_data(demo, consent=None))
    assert response.status_code == 429
    assert "Please try again in ten minutes" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


# --- The admin: Intake only -------------------------------------------------------------------


def make_appointment(demo, **fields):
    values = {
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "preferred_contact_method": "phone",
        "office": demo.stamford,
        "topic": demo.migraine,
        "consent_text": "I agree.",
        "consent_language": "en",
    }
    values.update(fields)
    return AppointmentRequest.objects.create(**values)


@pytest.fixture
def intake_client(django_user_model):
    user = django_user_model.objects.create_user(username="intake-clerk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Intake"))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def marketing_client(django_user_model):
    user = django_user_model.objects.create_user(username="marketing-writer", password="x" * 16)
    user.groups.add(Group.objects.get(name="Marketing editors"))
    client = Client()
    client.force_login(user)
    return client


ADMIN_INDEX = "/admin/appointment-requests/"


def test_marketing_editor_cannot_see_or_export_requests(demo, marketing_client):
    appointment = make_appointment(demo)
    assert marketing_client.get("/admin/").status_code == 200
    assert "appointment-requests" not in marketing_client.get("/admin/").content.decode()
    for url in (
        ADMIN_INDEX,
        ADMIN_INDEX + "?export=csv",
        ADMIN_INDEX + "?export=xlsx",
        f"{ADMIN_INDEX}inspect/{appointment.pk}/",
        f"{ADMIN_INDEX}edit/{appointment.pk}/",
    ):
        response = marketing_client.get(url)
        assert response.status_code in (302, 403), url
        assert NAME.encode() not in response.content
    assert not ModelLogEntry.objects.filter(action__in=[VIEW_ACTION, EXPORT_ACTION]).exists()


def test_intake_user_sees_and_exports_requests_and_the_audit_log_records_it(demo, intake_client):
    client, user = intake_client
    appointment = make_appointment(demo)
    assert "appointment-requests" in client.get("/admin/").content.decode()
    index = client.get(ADMIN_INDEX)
    assert index.status_code == 200
    assert NAME not in index.content.decode()  # the list shows no contact details

    inspect = client.get(f"{ADMIN_INDEX}inspect/{appointment.pk}/")
    assert inspect.status_code == 200
    assert NAME in inspect.content.decode()
    assert (
        ModelLogEntry.objects.filter(
            action=VIEW_ACTION, object_id=str(appointment.pk), user=user
        ).count()
        == 1
    )

    export = client.get(ADMIN_INDEX + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode()
    assert NAME in body and EMAIL in body
    assert (
        ModelLogEntry.objects.filter(
            action=EXPORT_ACTION, object_id=str(appointment.pk), user=user
        ).count()
        == 1
    )

    edit = client.post(f"{ADMIN_INDEX}edit/{appointment.pk}/", {"status": "contacted"})
    assert edit.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == "contacted"
    assert appointment.name == NAME


def test_the_intake_list_reads_at_a_glance_and_fits_a_laptop(demo, intake_client):
    client, _ = intake_client
    make_appointment(demo, preferred_time="morning", wants_good_faith_estimate=True)
    make_appointment(demo, preferred_contact_method="email")
    index = client.get(ADMIN_INDEX)
    table = index.context["table"]
    assert [column.label for column in table.columns.values()] == [
        "Appointment request",
        "Received",
        "Office",
        "Status",
        "Contact",
        "Good Faith Estimate",
    ]
    html = index.content.decode()
    assert "Phone, Morning (8 a.m. – noon)" in html
    assert "E-mail, Any time" in html
    assert html.count("Asked for one") == 1  # only the request that asked; no True/False
    assert "False" not in html and "True" not in html
    for order in ("created_at", "-office__title", "status", "-wants_good_faith_estimate"):
        assert client.get(f"{ADMIN_INDEX}?ordering={order}").status_code == 200


def test_superuser_sees_requests(demo, editor_client):
    appointment = make_appointment(demo)
    assert editor_client.get(ADMIN_INDEX).status_code == 200
    assert editor_client.get(f"{ADMIN_INDEX}inspect/{appointment.pk}/").status_code == 200


# --- Retention ----------------------------------------------------------------------------------


def test_retention_command_deletes_exactly_the_requests_past_the_limit(demo):
    now = timezone.now()
    old = make_appointment(demo, created_at=now - datetime.timedelta(days=91))
    edge = make_appointment(demo, created_at=now - datetime.timedelta(days=89))
    fresh = make_appointment(demo)
    out = io.StringIO()
    call_command("purge_appointment_requests", stdout=out)
    assert set(AppointmentRequest.objects.values_list("pk", flat=True)) == {edge.pk, fresh.pk}
    assert "1 " in out.getvalue()
    assert not AppointmentRequest.objects.filter(pk=old.pk).exists()

    call_command("purge_appointment_requests", days=30, stdout=out)
    assert list(AppointmentRequest.objects.values_list("pk", flat=True)) == [fresh.pk]


@override_settings(APPOINTMENT_RETENTION_DAYS=10)
def test_retention_follows_the_setting(demo):
    make_appointment(demo, created_at=timezone.now() - datetime.timedelta(days=11))
    kept = make_appointment(demo, created_at=timezone.now() - datetime.timedelta(days=9))
    call_command("purge_appointment_requests", stdout=io.StringIO())
    assert list(AppointmentRequest.objects.values_list("pk", flat=True)) == [kept.pk]


# --- Never in the API or search -------------------------------------------------------------


def test_no_request_data_in_api_or_search(client, demo, request_page):
    post(client, request_page, valid_data(demo))
    assert AppointmentRequest.objects.count() == 1
    secrets = ("Marisol", "Okafor", EMAIL, "marisol.q", PHONE)
    listings = [
        "/api/v2/pages/?fields=*&type=appointments.AppointmentRequestPage",
        "/api/v2/pages/?fields=*&limit=100",
        f"/api/v2/pages/{request_page.pk}/",
        "/api/v3/pages/",
        "/api/v3/pages/?limit=100",
        f"/api/v3/pages/{request_page.pk}/",
    ]
    for url in listings:
        response = Client().get(url)
        assert response.status_code == 200, url
        for secret in secrets:
            assert secret not in response.content.decode(), (url, secret)
    assert "request-an-appointment" in Client().get(listings[0]).content.decode()
    # A search page repeats its own query: search for one part of the name, look for the others.
    for query, other in (("Marisol", "Okafor"), ("Okafor", "Marisol"), ("555-0199", "Marisol")):
        for url in (f"/search/?q={query}", f"/es/search/?q={query}"):
            text = Client().get(url).content.decode()
            assert other not in text and EMAIL not in text, url
        # The API's search, like the site's, may find pages that share a word (an office's
        # number has 555 in it); none of what it answers holds the request.
        api = Client().get(f"/api/v2/pages/?search={query}&fields=*")
        assert api.status_code == 200, query
        for secret in secrets:
            if secret != query:
                assert secret not in api.content.decode(), (query, secret)


def test_request_page_renders_within_a_bounded_query_count(
    client, request_page, django_assert_max_num_queries
):
    client.get(request_page.url)
    with django_assert_max_num_queries(30):
        assert client.get(request_page.url).status_code == 200


def test_location_treatment_and_condition_pages_link_to_the_form(client, demo, request_page):
    office = client.get(demo.stamford.url).content.decode()
    assert f"{request_page.url}?office={demo.stamford.pk}" in office
    for page in (demo.ketamine, demo.migraine):
        assert f"{request_page.url}?topic={page.pk}" in client.get(page.url).content.decode()


def test_demo_builder_is_idempotent(demo):
    call_command("load_demo_content", stdout=io.StringIO())
    assert Page.objects.filter(slug="request-an-appointment").count() == 1


def test_a_request_opens_on_its_details_with_a_status_to_change_and_the_view_is_logged(
    demo, intake_client
):
    client, user = intake_client
    appointment = make_appointment(demo)
    opened = client.get(f"{ADMIN_INDEX}edit/{appointment.pk}/")
    assert opened.status_code == 200
    html = opened.content.decode()
    assert NAME in html and PHONE in html and EMAIL in html
    assert 'name="status"' in html
    assert 'name="name"' not in html and 'name="phone"' not in html  # read-only
    assert "<dd>English</dd>" in html  # the visitor's language by name
    assert ModelLogEntry.objects.filter(
        action=VIEW_ACTION, object_id=str(appointment.pk), user=user
    ).exists()
    # The list opens each request there.
    assert f"{ADMIN_INDEX}edit/{appointment.pk}/" in client.get(ADMIN_INDEX).content.decode()


def test_times_are_the_clinics_in_the_admin_and_the_export(demo, intake_client, settings):
    settings.TIME_ZONE = "America/New_York"
    client, _ = intake_client
    received = datetime.datetime(2026, 12, 4, 15, 5, tzinfo=datetime.UTC)  # 10:05 in Stamford
    appointment = make_appointment(demo, created_at=received)
    opened = client.get(f"{ADMIN_INDEX}edit/{appointment.pk}/").content.decode()
    assert "10:05 a.m. EST" in opened

    csv = b"".join(client.get(ADMIN_INDEX + "?export=csv").streaming_content).decode()
    assert "2026-12-04 10:05 EST" in csv
    assert "15:05" not in csv

    import openpyxl

    xlsx = b"".join(client.get(ADMIN_INDEX + "?export=xlsx").streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert datetime.datetime(2026, 12, 4, 10, 5) in cells


def test_a_request_sent_in_spanish_names_the_same_office_as_one_sent_in_english(
    client, demo, intake_client
):
    page = AppointmentRequestPage.objects.get(slug="pedir-una-cita", locale__language_code="es")
    westport = demo.westport.get_translation(page.locale)
    migraine = demo.migraine.get_translation(page.locale)
    response = post(client, page, valid_data(demo, office=westport.pk, topic=migraine.pk))
    assert response.status_code == 302
    appointment = AppointmentRequest.objects.get()
    assert appointment.office_id == demo.westport.pk
    assert appointment.topic_id == demo.migraine.pk

    intake, _ = intake_client
    csv = b"".join(intake.get(ADMIN_INDEX + "?export=csv").streaming_content).decode()
    assert demo.westport.title in csv and westport.title not in csv


def test_the_migration_names_existing_spanish_requests_offices_in_english(demo):
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("appointments.migrations.0002_offices_in_the_main_language")
    westport_es = demo.westport.get_translation(Page.objects.get(slug="pedir-una-cita").locale)
    old = make_appointment(demo, office=westport_es.specific, consent_language="es")
    english = make_appointment(demo)

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    migration.relink_to_main_language(apps, editor)
    old.refresh_from_db()
    english.refresh_from_db()
    assert old.office_id == demo.westport.pk
    assert english.office_id == demo.stamford.pk


def test_a_post_sent_too_quickly_says_so_without_naming_a_hidden_field(client, demo, request_page):
    response = post(client, request_page, valid_data(demo, started=form_timestamp(time.time())))
    html = response.content.decode()
    assert response.status_code == 200
    assert "That was very quick" in html
    assert "Started:" not in html
    assert not AppointmentRequest.objects.exists()
