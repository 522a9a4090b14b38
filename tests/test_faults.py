"""When a part fails: without the database visitors get a styled 503 and the health check says
so; without the cache the site keeps serving from the database; an appointment request that
cannot be stored is never thanked for."""

import logging
import time
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client
from wagtail.models import Page

from appointments.forms import form_timestamp
from appointments.models import AppointmentRequest

pytestmark = pytest.mark.django_db

PATIENT_NAME = "Rosalind Achterberg-Nwosu"


@contextmanager
def database_down():
    """Every query fails as it does when PostgreSQL is stopped or refuses connections."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def redis_down(settings):
    """The cache points at a closed port, with the production options (errors ignored)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


@pytest.mark.parametrize("path", ["/", "/conditions/chronic-migraine/", "/es/", "/search/?q=x"])
def test_without_the_database_pages_get_the_styled_503(demo, path):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(path)
    assert response.status_code == 503
    html = response.content.decode()
    assert "briefly unavailable" in html
    assert "<style>" in html
    assert "(203) 555-0142" in html  # a way to reach the clinic
    assert "Traceback" not in html and "OperationalError" not in html


def test_without_the_database_the_api_answers_503_in_json(demo):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/api/v2/pages/")
    assert response.status_code == 503
    assert response.json() == {"message": "Temporarily unavailable."}


def test_health_check_reports_the_database(client, demo):
    healthy = client.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    with database_down():
        down = client.get("/healthz")
    assert down.status_code == 503
    assert down.json()["checks"]["database"] == "unavailable"


def test_health_check_answers_in_json_when_nothing_is_cached_and_the_database_is_down(demo):
    cache.clear()  # a fresh server: not even the site for the host is kept yet
    client = Client(raise_request_exception=False)
    with database_down():
        down = client.get("/healthz")
    assert down.status_code == 503
    assert down.json()["checks"]["database"] == "unavailable"


def test_without_the_database_and_a_cold_cache_the_api_answers_503_in_json(demo):
    cache.clear()
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/api/v2/pages/")
    assert response.status_code == 503
    assert response.json() == {"message": "Temporarily unavailable."}


def test_without_redis_the_site_serves_from_the_database_and_logs_it(
    client, demo, redis_down, settings, caplog
):
    settings.PAGE_CACHE_SECONDS = 300
    with caplog.at_level(logging.WARNING):
        for path in (demo.migraine.url, "/", "/es/", "/api/v2/pages/?fields=*"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert response.get("X-Cache") != "hit"  # built from the database every time
    assert demo.migraine.title in client.get(demo.migraine.url).content.decode()
    # django-redis logs each error it ignores.
    assert any(record.name.startswith("django_redis") for record in caplog.records)
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unavailable"},
    }


def test_without_redis_a_published_change_shows_at_once(client, demo, redis_down):
    client.get(demo.migraine.url)
    demo.migraine.title = "Migraine, with the cache down"
    demo.migraine.save_revision().publish()
    assert "Migraine, with the cache down" in client.get(demo.migraine.url).content.decode()


def test_an_appointment_request_that_cannot_be_stored_is_not_thanked_for(demo, caplog):
    page = Page.objects.get(slug="request-an-appointment", locale=demo.home.locale)
    data = {
        "name": PATIENT_NAME,
        "phone": "(203) 555-0188",
        "email": "rosalind@example.net",
        "preferred_contact_method": "phone",
        "preferred_time": "morning",
        "office": demo.westport.pk,
        "topic": demo.migraine.pk,
        "consent": "on",
        "website": "",
        "started": form_timestamp(time.time() - 30),
    }

    def refuse_inserts(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and "appointmentrequest" in sql:
            raise OperationalError(f"could not write row ({PATIENT_NAME})")
        return execute(sql, params, many, context)

    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.INFO), connection.execute_wrapper(refuse_inserts):
        response = client.post(page.url, data, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 503
    html = response.content.decode()
    assert "could not be sent" in html
    assert "Thank you" not in html
    assert 'href="tel:+12035550142"' in html  # the clinic's phone number
    assert PATIENT_NAME in html  # what the visitor typed is still in the form
    assert not AppointmentRequest.objects.exists()
    assert PATIENT_NAME not in caplog.text  # the log has the failure, never the patient
    assert "could not be stored" in caplog.text
