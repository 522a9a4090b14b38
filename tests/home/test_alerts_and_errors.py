"""Site-wide alerts, holiday closures and error pages, as a visitor sees them."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from home.factories import SiteAlertFactory
from locations.models import HoursException

pytestmark = pytest.mark.django_db


def test_an_active_alert_shows_on_every_page(client, demo):
    SiteAlertFactory(title="Westport closed today for snow", locale=Locale.get_default())
    for page in (
        demo.home,
        demo.migraine,
        demo.ketamine,
        demo.stamford,
        demo.mcallister,
        demo.about,
    ):
        assert "Westport closed today for snow" in client.get(page.url).content.decode(), page.url


def test_an_expired_or_future_alert_shows_nowhere(client, demo):
    now = timezone.now()
    SiteAlertFactory(
        title="Closed for the storm last week",
        starts_at=now - datetime.timedelta(days=8),
        ends_at=now - datetime.timedelta(days=7),
    )
    SiteAlertFactory(title="Closed next month", starts_at=now + datetime.timedelta(days=30))
    for page in (demo.home, demo.migraine, demo.stamford):
        html = client.get(page.url).content.decode()
        assert "Closed for the storm last week" not in html
        assert "Closed next month" not in html


def test_an_alert_without_an_end_stays_until_removed(client, demo):
    alert = SiteAlertFactory(title="New parking entrance", ends_at=None)
    assert "New parking entrance" in client.get(demo.westport.url).content.decode()
    alert.delete()
    assert "New parking entrance" not in client.get(demo.westport.url).content.decode()


def test_a_holiday_closure_shows_on_its_location_page_only(client, demo):
    day = timezone.localdate() + datetime.timedelta(days=10)
    HoursException.objects.create(
        location=demo.stamford, date=day, reason="Staff training day", closed=True
    )
    assert "Staff training day" in client.get(demo.stamford.url).content.decode()
    assert "Staff training day" not in client.get(demo.westport.url).content.decode()


def test_a_past_closure_is_no_longer_shown(client, demo):
    day = timezone.localdate() - datetime.timedelta(days=3)
    HoursException.objects.create(location=demo.stamford, date=day, reason="Ice storm closure")
    assert "Ice storm closure" not in client.get(demo.stamford.url).content.decode()


@pytest.mark.parametrize(
    "url",
    ["/no-such-page/", "/treatments/no-such-treatment/", "/es/no-such-page/", "/xx/treatments/"],
)
def test_unknown_urls_get_the_styled_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<link rel="stylesheet"' in html  # the site's own layout, not Django's bare page
    assert 'href="/"' in html


def test_the_500_page_renders_without_a_database(client, settings):
    from cms.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert b"<html" in response.content


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
