"""What a visitor on an office page relies on: directions, tap-to-call, today's hours, printing."""

import datetime
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from locations.models import HoursException

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def test_get_directions_opens_a_maps_search_for_the_full_address(client, demo):
    html = client.get(demo.stamford.url).content.decode()
    link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>\s*Get directions', html)
    assert link, "no Get directions link"
    url = urlsplit(unescape(link.group(1)))
    assert (url.scheme, url.netloc, url.path) == ("https", "www.google.com", "/maps/search/")
    query = parse_qs(url.query)
    assert query["api"] == ["1"]
    stamford = demo.stamford
    assert query["query"] == [
        ", ".join(
            line
            for line in [
                stamford.street_address,
                stamford.address_line_2,
                f"{stamford.city}, {stamford.state} {stamford.postal_code}",
            ]
            if line
        )
    ]


def test_spanish_office_page_gives_the_same_directions(client, demo):
    spanish = demo.stamford.get_translation(Locale.objects.get(language_code="es"))
    html = client.get(spanish.url).content.decode()
    assert unescape(demo.stamford.directions_url).replace("&", "&amp;") in html


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("(203) 555-0142", "tel:+12035550142"),
        ("203.555.0142", "tel:+12035550142"),
        ("+1 203 555 0142", "tel:+12035550142"),
    ],
)
def test_phone_numbers_become_international_tel_links(demo, phone, href):
    demo.stamford.phone = phone
    assert demo.stamford.phone_href == href


def test_office_page_phone_links_call_the_office(client, demo):
    html = client.get(demo.stamford.url).content.decode()
    assert html.count(f'href="{demo.stamford.phone_href}"') >= 1
    assert re.match(r"^tel:\+1\d{10}$", demo.stamford.phone_href)


def today_row(html):
    rows = re.findall(r'<tr class="is-today" aria-current="date">\s*<th scope="row">(\w+)', html)
    return rows


@pytest.mark.parametrize(
    ("utc_moment", "weekday"),
    [
        # Monday 03:00 UTC is still Sunday evening in Connecticut.
        (datetime.datetime(2026, 12, 7, 3, 0, tzinfo=datetime.UTC), "Sunday"),
        # Monday 15:00 UTC is Monday morning there.
        (datetime.datetime(2026, 12, 7, 15, 0, tzinfo=datetime.UTC), "Monday"),
    ],
)
def test_todays_row_follows_the_offices_time_zone(client, demo, monkeypatch, utc_moment, weekday):
    assert settings.TIME_ZONE == "America/New_York"
    assert utc_moment.astimezone(ZoneInfo(settings.TIME_ZONE)).strftime("%A") == weekday
    monkeypatch.setattr(timezone, "now", lambda: utc_moment)
    html = client.get(demo.stamford.url).content.decode()
    assert today_row(html) == [weekday]
    assert html.count('aria-current="date"') == 1


def in_los_angeles(office):
    """`office`, moved to the Pacific time zone and published."""
    office.time_zone = "America/Los_Angeles"
    office.save_revision().publish()
    office.refresh_from_db()
    return office


def test_an_office_in_another_time_zone_shows_today_by_its_own_clock(client, demo, monkeypatch):
    # Monday 06:00 UTC: Monday 01:00 in Connecticut, still Sunday 22:00 in Los Angeles.
    monday_morning = datetime.datetime(2026, 12, 7, 6, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: monday_morning)
    assert today_row(client.get(demo.stamford.url).content.decode()) == ["Monday"]
    in_los_angeles(demo.westport)
    assert today_row(client.get(demo.westport.url).content.decode()) == ["Sunday"]


def test_a_closure_stays_listed_until_the_day_ends_where_the_office_is(client, demo, monkeypatch):
    # Tuesday 06:00 UTC: Monday's closure is over in Connecticut, not yet in Los Angeles.
    monday = datetime.date(2026, 12, 7)
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 12, 8, 6, 0, tzinfo=datetime.UTC)
    )
    for office in (demo.stamford, demo.westport):
        HoursException.objects.create(location=office, date=monday, reason="Staff training")
    in_los_angeles(demo.westport)
    assert "Staff training" not in client.get(demo.stamford.url).content.decode()
    assert "Staff training" in client.get(demo.westport.url).content.decode()


def test_an_office_keeps_a_time_zone_editors_choose_from_us_zones(demo):
    office = demo.westport
    assert office.time_zone == settings.TIME_ZONE == "America/New_York"
    office.time_zone = "Europe/Nowhere"
    with pytest.raises(ValidationError) as refused:
        office.full_clean()
    assert "time_zone" in refused.value.error_dict
    office.time_zone = "America/Los_Angeles"
    office.full_clean()


def test_print_stylesheet_keeps_address_hours_and_directions_and_drops_the_rest(client, demo):
    html = client.get(demo.stamford.url).content.decode()
    assert 'rel="stylesheet"' in html and "css/site.css" in html
    css = STYLESHEET.read_text()
    print_rules = css[css.index("@media print") :]
    hidden = re.search(r"([^{}]+)\{\s*display:\s*none", print_rules).group(1)
    for chrome in (".main-nav", ".site-footer", ".skip-link", ".language-links", ".breadcrumbs"):
        assert chrome in hidden
    for kept in (".visit-box", ".hours-table", "address"):
        assert kept not in hidden
    # The maps link is printed as its address so a paper copy still gives the directions.
    assert 'a[href^="http"]::after' in print_rules and "attr(href)" in print_rules
