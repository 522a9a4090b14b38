"""Find an office near you: by ZIP code, town or the browser's position, nearest first, with the
distance, today's hours and whether each office is open now, in both languages, without a 500
for anything a visitor can type."""

import datetime
import math
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from locations import finder
from locations.factories import LocationPageFactory
from locations.models import HoursException, OpeningHours

pytestmark = pytest.mark.django_db

WESTPORT_ZIP, STAMFORD_ZIP = "06880", "06901"
PLACE = finder.Place("Westport, CT 06880", 41.14, -73.36)


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def results(response):
    """[(office name, distance sentence)] in the order the finder lists them."""
    return results_of(response.content.decode())


def results_of(html):
    names = re.findall(r'finder-result__title"><a [^>]*>([^<]+)</a>', html)
    distances = re.findall(r'finder-result__distance">([^<]*)<', html)
    return list(zip(names, distances, strict=True))


def form_error(response):
    match = re.search(r'class="form-field__error"[^>]*>([^<]+)<', response.content.decode())
    return unescape(match.group(1)) if match else None


# --- Places and distances -------------------------------------------------------------------


def test_a_zip_code_and_a_town_are_found_offline():
    westport = finder.find_place(WESTPORT_ZIP)
    assert westport.label == "Westport, CT 06880"
    assert finder.find_place("06880-1234") == westport
    norwalk = finder.find_place("Norwalk")
    assert norwalk.label == "Norwalk, CT"
    # Any case, with or without the state, a comma or accents.
    assert finder.find_place("norwalk ct") == norwalk == finder.find_place("NORWALK, CT")
    # A town of another state when the state is given; in the clinic's region otherwise.
    assert finder.find_place("Springfield, MA").label == "Springfield, MA"
    assert finder.find_place("Springfield").label.endswith(("NJ", "NY"))


def test_distances_are_along_the_earths_surface():
    # One degree of latitude is about 69 miles everywhere.
    assert finder.miles_between(41, -73, 42, -73) == pytest.approx(69.1, abs=0.1)
    # Stamford's and Westport's ZIP code centres are about 12 miles apart.
    stamford, westport = finder.find_place(STAMFORD_ZIP), finder.find_place(WESTPORT_ZIP)
    miles = finder.miles_between(
        stamford.latitude, stamford.longitude, westport.latitude, westport.longitude
    )
    assert 10 < miles < 14


@settings(max_examples=200, deadline=None)
@given(
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.floats(-90, 90),
    st.floats(-180, 180),
)
def test_distance_is_symmetric_zero_to_itself_and_at_most_half_the_earth(a, b, c, d):
    there = finder.miles_between(a, b, c, d)
    assert there == pytest.approx(finder.miles_between(c, d, a, b), abs=1e-6)
    assert finder.miles_between(a, b, a, b) == pytest.approx(0, abs=1e-6)
    assert 0 <= there <= math.pi * finder.EARTH_RADIUS_MILES + 1e-6


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "99999",
        "00000",
        "123",
        "123456789012345678901234567890",
        "abc",
        "Atlantis, ZZ",
        "x" * 81,
        "06880\x00",
        "Westport\x1b",
        "<script>alert(1)</script>",
        "'; DROP TABLE wagtailcore_page; --",
    ],
)
def test_what_names_no_place_is_told_in_a_sentence(query):
    with pytest.raises(finder.PlaceNotFound) as refused:
        finder.find_place(query)
    assert str(refused.value).endswith(".")


@pytest.mark.parametrize("typed", ["０６８８０", "٠٦٨٨٠", "۰۶۸۸۰", "०६८८०", "０６８８０-１２３４"])
def test_a_zip_code_in_another_scripts_digits_is_the_same_zip_code(typed):
    # A phone's keyboard may type full-width or Arabic-Indic digits; the ZIP code library must
    # only ever be given 0-9 (it fails outside Python's exceptions on the others).
    assert finder.find_place(typed) == finder.find_place(WESTPORT_ZIP)


@pytest.mark.parametrize("typed", ["０６８８", "²⁰⁶⁸⁸⁰", "٠٦٨٨٠٠"])
def test_other_digits_that_are_no_zip_code_get_a_sentence(typed):
    with pytest.raises(finder.PlaceNotFound) as refused:
        finder.find_place(typed)
    assert str(refused.value).endswith(".")


@pytest.mark.parametrize(
    "latitude, longitude",
    [
        ("nan", "1"),
        ("inf", "0"),
        ("91", "0"),
        ("0", "-181"),
        ("north", "west"),
        (None, "1"),
        ("1e400", "0"),
        ("0x10", "1"),
    ],
)
def test_a_position_the_browser_could_not_give_is_refused(latitude, longitude):
    with pytest.raises(finder.PlaceNotFound):
        finder.place_at(latitude, longitude)


def test_the_browsers_position_is_kept_only_to_about_a_kilometre():
    place = finder.place_at("41.141592", "-73.358979")
    assert (place.latitude, place.longitude) == (41.14, -73.36)


# --- Opening hours --------------------------------------------------------------------------


def office_with_hours(demo):
    office = LocationPageFactory(parent=demo.locations)
    office.opening_hours.all().delete()
    for weekday in range(5):
        OpeningHours.objects.create(
            location=office, weekday=weekday, opens=datetime.time(9), closes=datetime.time(17)
        )
    return office


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def test_open_now_follows_the_hours_and_closures_in_the_clinics_time_zone(demo):
    office = office_with_hours(demo)
    monday = datetime.date(2026, 12, 7)
    periods, reason, open_now, change = finder.opening_state(office, at(monday, 10))
    assert periods == [(datetime.time(9), datetime.time(17))] and open_now and not reason
    assert change == at(monday, 17)
    assert not finder.opening_state(office, at(monday, 8, 59))[2]
    assert not finder.opening_state(office, at(monday, 17))[2]
    assert finder.opening_state(office, at(monday, 17))[3] is None
    saturday = datetime.date(2026, 12, 12)
    assert finder.opening_state(office, at(saturday, 11))[:3] == ([], "", False)
    HoursException.objects.create(
        location=office, date=monday, reason="Staff training", closed=True
    )
    office.refresh_from_db()
    assert finder.opening_state(office, at(monday, 10))[:3] == ([], "Staff training", False)


def test_open_now_follows_each_offices_own_clock(demo):
    new_york, los_angeles = office_with_hours(demo), office_with_hours(demo)
    los_angeles.time_zone = "America/Los_Angeles"
    los_angeles.save()
    # Monday 23:00 UTC: 18:00 in New York (closed since 17:00), 15:00 in Los Angeles (open).
    now = datetime.datetime(2026, 12, 7, 23, 0, tzinfo=datetime.UTC)
    found = {item.office.pk: item for item in finder.nearest([new_york, los_angeles], PLACE, now)}
    assert not found[new_york.pk].open_now and found[new_york.pk].next_change is None
    assert found[los_angeles.pk].open_now
    assert found[los_angeles.pk].today == [(datetime.time(9), datetime.time(17))]
    # It closes at 17:00 in Los Angeles, 01:00 UTC.
    assert found[los_angeles.pk].next_change == datetime.datetime(
        2026, 12, 8, 1, 0, tzinfo=datetime.UTC
    )


def test_the_offices_page_says_open_now_by_each_offices_clock(client, demo, monkeypatch):
    demo.westport.time_zone = "America/Los_Angeles"
    demo.westport.save_revision().publish()
    now = datetime.datetime(2026, 12, 7, 23, 0, tzinfo=datetime.UTC)  # a Monday
    monkeypatch.setattr(timezone, "now", lambda: now)
    html = client.get(demo.locations.url, {"near": WESTPORT_ZIP}).content.decode()
    states = re.findall(r'class="tag[^"]*">(Open now|Closed now)<', html)
    assert [name for name, _ in results_of(html)] == ["Westport", "Stamford"]
    assert states == ["Open now", "Closed now"]


# --- The offices page -----------------------------------------------------------------------


def test_a_zip_code_lists_the_nearest_office_first_with_its_distance(client, demo):
    near_westport = client.get(demo.locations.url, {"near": WESTPORT_ZIP})
    assert near_westport.status_code == 200
    listed = results(near_westport)
    assert [name for name, _ in listed] == ["Westport", "Stamford"]
    assert listed[0][1] == "Less than a mile away"
    assert re.fullmatch(r"About 1[0-4] miles away", listed[1][1])
    assert "Offices nearest Westport, CT 06880" in text(near_westport.content.decode())
    near_stamford = client.get(demo.locations.url, {"near": STAMFORD_ZIP})
    assert [name for name, _ in results(near_stamford)] == ["Stamford", "Westport"]
    # The form works without JavaScript: a plain GET form.
    assert re.search(r'<form class="office-finder" method="get"', near_stamford.content.decode())


def test_a_town_and_the_browsers_position_order_the_offices_too(client, demo):
    greenwich = client.get(demo.locations.url, {"near": "Greenwich, CT"})
    assert [name for name, _ in results(greenwich)] == ["Stamford", "Westport"]
    fairfield = client.get(demo.locations.url, {"lat": "41.14", "lng": "-73.26"})
    assert [name for name, _ in results(fairfield)][0] == "Westport"
    assert "Offices nearest your location" in text(fairfield.content.decode())


def test_the_finder_speaks_spanish_on_the_spanish_page(client, demo):
    spanish = Page.objects.get(
        translation_key=demo.locations.translation_key, locale__language_code="es"
    )
    response = client.get(spanish.url, {"near": WESTPORT_ZIP})
    page = text(response.content.decode())
    assert "Consultorios más cercanos a Westport, CT 06880" in page
    assert "A menos de una milla" in page
    assert "Buscar un consultorio cerca de usted" in page
    assert [name for name, _ in results(response)][0] == "Westport"
    unknown = client.get(spanish.url, {"near": "99999"})
    assert form_error(unknown).startswith("No encontramos el código postal 99999")


@pytest.mark.parametrize(
    "query",
    [
        {"near": "99999"},
        {"near": "abc"},
        {"near": "123456789012345678901234567890"},
        {"near": "x" * 5000},
        {"near": "06880\x00"},
        {"near": "０６８８"},
        {"lat": "nan", "lng": "1"},
        {"lat": "99999999999999999999", "lng": "1"},
        {"lat": "41.1"},
        {"near": ["06880", "06901"]},
    ],
)
def test_bad_input_gets_a_form_error_never_a_500(client, demo, query):
    response = client.get(demo.locations.url, query)
    assert response.status_code == 200
    if query == {"near": ["06880", "06901"]}:
        assert results(response), "the last value given is used"
        return
    assert form_error(response), text(response.content.decode())[:300]
    assert results(response) == []
    # The offices are still listed, as without a query.
    assert "Stamford" in response.content.decode()


def test_finding_costs_the_same_queries_for_3_or_30_offices(
    client, demo, django_assert_max_num_queries
):
    from tests.test_query_budgets import queries_for

    for _ in range(3):
        LocationPageFactory(parent=demo.locations)
    few = queries_for(client, f"{demo.locations.url}?near={WESTPORT_ZIP}")
    for _ in range(27):
        LocationPageFactory(parent=demo.locations)
    client.get(f"{demo.locations.url}?near={STAMFORD_ZIP}")
    with django_assert_max_num_queries(few):
        response = client.get(f"{demo.locations.url}?near={STAMFORD_ZIP}")
    # The nearest ten of the 32 offices, in a page that costs what three did.
    assert len(results(response)) == 10


def test_only_the_offices_shown_are_read_whole(client, demo):
    # The nearest ten are chosen from every office's coordinates; the offices, their hours and
    # closures are read for those ten alone, so the SQL sent is the same for 12 offices or 30.
    def sql(url):
        client.get(url)  # warm: renditions are made on first view
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        return results(response), sum(len(query["sql"]) for query in captured)

    for _ in range(10):
        LocationPageFactory(parent=demo.locations, latitude="40.000000", longitude="-120.000000")
    url = f"{demo.locations.url}?near={WESTPORT_ZIP}"
    few = sql(url)
    for _ in range(18):
        LocationPageFactory(parent=demo.locations, latitude="21.300000", longitude="-157.800000")
    many = sql(url)
    assert many[0] == few[0] and len(few[0]) == 10  # the far ones are not among the ten
    assert many[1] == few[1]


def test_a_found_list_is_kept_only_until_an_office_opens_or_closes(client, demo, settings):
    """Its "open now" would be wrong after that: neither the visitors' cache nor a CDN keeps it
    longer. An office that closes in ten minutes bounds both to ten minutes."""
    settings.PAGE_CACHE_SECONDS = 86400
    settings.CDN_MAX_AGE = 86400
    office = LocationPageFactory(parent=demo.locations)
    office.opening_hours.all().delete()
    now = timezone.localtime()
    closes = min(
        (now + datetime.timedelta(minutes=10)).replace(tzinfo=None),
        datetime.datetime.combine(now.date(), datetime.time(23, 59, 59)),
    )
    OpeningHours.objects.create(
        location=office, weekday=now.weekday(), opens=datetime.time(0), closes=closes.time()
    )
    response = client.get(demo.locations.url, {"near": WESTPORT_ZIP})
    assert response["X-Cache"] == "miss"
    s_maxage = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert 0 < s_maxage <= 601
    assert client.get(demo.locations.url, {"near": WESTPORT_ZIP})["X-Cache"] == "hit"
    # The offices page without a search keeps the usual lifetime (to midnight at most).
    plain = client.get(demo.locations.url)
    assert int(re.search(r"s-maxage=(\d+)", plain["Cache-Control"]).group(1)) > 601 or (
        now.hour == 23 and now.minute >= 49
    )


# --- Site search ----------------------------------------------------------------------------


@pytest.mark.parametrize("query", [WESTPORT_ZIP, "near Westport", "offices near Westport, CT"])
def test_searching_a_zip_code_or_near_a_town_shows_the_nearest_offices(client, demo, query):
    html = client.get("/search/", {"q": query}).content.decode()
    box = re.search(r'<section class="nearby-offices".*?</section>', html, re.S)
    assert box, "no nearby offices box"
    first = re.search(r"<li><a [^>]*>([^<]+)</a>", box.group(0))
    assert first.group(1) == "Westport"
    assert f"{demo.locations.url}?near=" in box.group(0)


@pytest.mark.parametrize("query", ["migraine", "99999", "near nowhere at all"])
def test_other_searches_show_no_offices_box(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "nearby-offices" not in response.content.decode()
