"""The office finder and the physician directory in the API: `?near=` lists offices nearest first
with their distance, physicians filter by office, specialty, language and new patients, as the
site does, in a fixed number of queries; bad input answers 400 naming the parameter."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from locations.factories import LocationPageFactory, PhysicianPageFactory
from locations.models import HoursException

pytestmark = pytest.mark.django_db

OFFICES = "/api/v2/pages/?type=locations.LocationPage"
PHYSICIANS = "/api/v2/pages/?type=locations.PhysicianPage"


def listed(client, url):
    answer = client.get(url)
    assert answer.status_code == 200, answer.content
    return answer.json()["items"]


def refused(client, url, parameter):
    answer = client.get(url)
    assert answer.status_code == 400, answer.content
    assert answer["Content-Type"] == "application/json"
    assert answer.json()["parameter"] == parameter
    return answer.json()["message"]


@pytest.mark.parametrize(
    ("near", "first", "second"),
    [
        ("06880", "westport", "stamford"),  # Westport's ZIP code
        ("06901", "stamford", "westport"),
        ("06880-1234", "westport", "stamford"),
        ("Westport", "westport", "stamford"),
        ("norwalk ct", "westport", "stamford"),
        ("Greenwich, CT", "stamford", "westport"),
        ("٠٦٩٠١", "stamford", "westport"),  # Stamford's, typed in Arabic-Indic digits
    ],
)
def test_offices_near_a_zip_code_or_town_come_nearest_first(client, demo, near, first, second):
    items = listed(client, f"{OFFICES}&locale=en&near={near}")
    assert [item["meta"]["slug"] for item in items] == [first, second]
    distances = [item["distance_miles"] for item in items]
    assert distances == sorted(distances)
    assert all(isinstance(value, float) for value in distances)


def test_the_distance_is_in_miles(client, demo):
    items = listed(client, f"{OFFICES}&locale=en&near=06880")
    westport, stamford = (item["distance_miles"] for item in items)
    assert westport < 3  # the office is in the town
    assert 9 < stamford < 13  # Westport to Stamford is about 11 miles as the crow flies


def test_spanish_offices_too(client, demo):
    items = listed(client, f"{OFFICES}&locale=es&near=06901&fields=address")
    assert [item["meta"]["locale"] for item in items] == ["es", "es"]
    assert items[0]["address"]["city"] == "Stamford"


def test_an_office_without_coordinates_comes_last_without_a_distance(client, demo):
    LocationPageFactory(parent=demo.locations, title="Mobile clinic", latitude=None, longitude=None)
    items = listed(client, f"{OFFICES}&locale=en&near=06880")
    assert items[-1]["title"] == "Mobile clinic"
    assert items[-1]["distance_miles"] is None
    assert items[0]["meta"]["slug"] == "westport"


def test_without_near_offices_carry_no_distance(client, demo):
    items = listed(client, OFFICES)
    assert items and all(item["distance_miles"] is None for item in items)


def test_near_and_pagination_keep_the_order(client, demo):
    first = listed(client, f"{OFFICES}&locale=en&near=06901&limit=1")
    second = listed(client, f"{OFFICES}&locale=en&near=06901&limit=1&offset=1")
    assert [first[0]["meta"]["slug"], second[0]["meta"]["slug"]] == ["stamford", "westport"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        (f"{OFFICES}&near=00000", "near"),  # no such ZIP code
        (f"{OFFICES}&near=zzqxv", "near"),  # letters naming no town
        (f"{OFFICES}&near=0688", "near"),  # four digits
        (f"{OFFICES}&near=99999999999999999999", "near"),  # past 64 bits
        (f"{OFFICES}&near=06880%00", "near"),
        (f"{OFFICES}&near=%EF%BC%90%EF%BC%96%EF%BC%98%EF%BC%98", "near"),  # four full-width digits
        (f"{OFFICES}&near=", "near"),
        (f"{OFFICES}&near={'x' * 600}", "near"),
        (f"{OFFICES}&near=06880&near=06901", "near"),
        (f"{PHYSICIANS}&near=06880", "near"),  # a type without a place
        ("/api/v2/pages/?near=06880", "near"),
        ("/api/v2/pages/?type=treatments.ConditionPage&near=06880", "near"),
        (f"{OFFICES}&near=06880&order=title", "order"),
        (f"{OFFICES}&near=06880&search=stamford", "search"),
    ],
)
def test_bad_near_is_refused_naming_it(client, demo, query, parameter):
    assert refused(client, query, parameter)


def test_an_unknown_place_is_explained_in_the_asked_language(client, demo):
    english = refused(client, f"{OFFICES}&near=00000", "near")
    spanish = refused(client, f"{OFFICES}&near=00000&locale=es", "near")
    assert "00000" in english and "00000" in spanish
    assert english != spanish


def test_near_costs_one_query_more_however_many_offices(
    client, demo, django_assert_max_num_queries
):
    def queries(url):
        assert client.get(url).status_code == 200  # warm
        with django_assert_max_num_queries(60) as captured:
            client.get(url)
        return len(captured)

    url = f"{OFFICES}&locale=en&fields=address,coordinates"
    without, with_near = queries(url), queries(f"{url}&near=06880")
    assert with_near <= without + 1
    for number in range(6):
        LocationPageFactory(parent=demo.locations, title=f"Office {number}")
    assert queries(f"{url}&near=06880") == with_near


def test_near_sends_the_distances_of_the_page_asked_for_only(client, demo):
    # Distances are measured in Python from the offices' coordinates; the database is told those
    # of the offices up to the end of the page, not one per office the network has.
    def sql(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            items = listed(client, url)
        return [item["id"] for item in items], sum(len(query["sql"]) for query in captured)

    for number in range(3):
        LocationPageFactory(parent=demo.locations, title=f"Near office {number}")
    url = f"{OFFICES}&locale=en&fields=address&near=06880&limit=2&offset=1"
    few = sql(url)
    for number in range(12):
        LocationPageFactory(
            parent=demo.locations,
            title=f"Far office {number}",
            latitude="34.000000",
            longitude="-118.000000",
        )
    many = sql(url)
    assert many[0] == few[0] and len(few[0]) == 2
    assert many[1] == few[1]
    # The far offices come after every nearer one, as far as the listing goes.
    everything = listed(client, f"{OFFICES}&locale=en&fields=title&near=06880&limit=100")
    titles = [item["title"] for item in everything]
    far = [title for title in titles if title.startswith("Far office")]
    assert far == [f"Far office {number}" for number in range(12)]  # as far: in the tree's order
    assert titles.index(far[0]) == len(titles) - 12


def physician(demo, title, specialties=(), languages=(), accepting=True, offices=()):
    return PhysicianPageFactory(
        parent=demo.physicians,
        title=title,
        specialties=[("specialty", name) for name in specialties],
        languages=[("language", code) for code in languages],
        accepting_new_patients=accepting,
        locations=list(offices),
    )


@pytest.fixture
def staff(demo):
    physician(demo, "Ana Ruiz", ["Psychiatry"], ["es", "en"], True, [demo.stamford])
    physician(demo, "Ben Cole", ["Neurology"], ["en"], False, [demo.westport])
    physician(demo, "Chen Wu", ["Neurology", "Pain medicine"], ["fr", "en"], True, [demo.westport])


def titles(client, url):
    return sorted(item["title"] for item in listed(client, url))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("specialty=Neurology", ["Ben Cole", "Chen Wu", "Peter McAllister"]),
        ("specialty=neurology&accepting_new_patients=true", ["Chen Wu", "Peter McAllister"]),
        ("specialty=%20pain%20MEDICINE", ["Chen Wu"]),
        ("language=es", ["Ana Ruiz"]),
        ("language=fr&accepting_new_patients=false", []),
        ("accepting_new_patients=false", ["Ben Cole"]),
        ("specialty=Psychiatry&language=es&accepting_new_patients=true", ["Ana Ruiz"]),
        ("specialty=Dermatology", []),
    ],
)
def test_physicians_filter_as_the_directory_does(client, demo, staff, query, expected):
    found = titles(client, f"{PHYSICIANS}&locale=en&{query}")
    assert [name for name in found if "McAllister" not in name] == [
        name for name in expected if "McAllister" not in name
    ]
    assert any("McAllister" in name for name in found) == ("Peter McAllister" in expected)


def test_physicians_at_an_office_with_a_specialty(client, demo, staff):
    found = titles(
        client, f"{PHYSICIANS}&locale=en&location={demo.westport.pk}&specialty=neurology"
    )
    assert [name for name in found if "McAllister" not in name] == ["Ben Cole", "Chen Wu"]


def test_spanish_specialties_in_the_spanish_listing(client, demo):
    found = listed(client, f"{PHYSICIANS}&locale=es&specialty=neurolog%C3%ADa")
    assert [item["meta"]["slug"] for item in found] == ["peter-mcallister"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        (f"{PHYSICIANS}&specialty=", "specialty"),
        (f"{PHYSICIANS}&specialty=%20%20", "specialty"),
        (f"{PHYSICIANS}&specialty=Neuro%00logy", "specialty"),
        (f"{PHYSICIANS}&specialty={'n' * 600}", "specialty"),
        (f"{OFFICES}&specialty=Neurology", "specialty"),
        ("/api/v2/pages/?specialty=Neurology", "specialty"),
        (f"{PHYSICIANS}&language=Spanish", "language"),
        (f"{PHYSICIANS}&language=ES", "language"),
        (f"{PHYSICIANS}&language=", "language"),
        (f"{OFFICES}&language=es", "language"),
        (f"{PHYSICIANS}&accepting_new_patients=yes", "accepting_new_patients"),
        (f"{PHYSICIANS}&accepting_new_patients=1", "accepting_new_patients"),
        (f"{PHYSICIANS}&accepting_new_patients=", "accepting_new_patients"),
        (f"{PHYSICIANS}&location=99999999999999999999", "location"),
    ],
)
def test_bad_physician_filters_are_refused_naming_them(client, demo, query, parameter):
    assert refused(client, query, parameter)


def test_physician_filters_cost_the_same_however_many_physicians(
    client, demo, django_assert_max_num_queries
):
    url = f"{PHYSICIANS}&locale=en&specialty=neurology&language=en&accepting_new_patients=true"

    def queries():
        assert client.get(url).status_code == 200  # warm
        with django_assert_max_num_queries(60) as captured:
            client.get(url)
        return len(captured)

    physician(demo, "Dana Fox", ["Neurology"], ["en"])
    one_more = queries()
    for number in range(6):
        physician(demo, f"Eli Stone {number}", ["Neurology"], ["en"], True, [demo.stamford])
    assert queries() == one_more
    assert len(listed(client, url)) == 8


def test_opening_hours_and_closures_carry_the_offices_time_zone(client, demo):
    data = client.get(f"/api/v2/pages/{demo.westport.pk}/").json()
    assert data["opening_hours"] and data["hours_exceptions"]
    for row in data["opening_hours"] + data["hours_exceptions"]:
        assert row["time_zone"] == "America/New_York"
    assert ZoneInfo(data["opening_hours"][0]["time_zone"])


def test_an_office_in_another_time_zone_is_answered_by_its_own_clock(client, demo, monkeypatch):
    """A closure on Monday is still today's at 22:00 Monday in Los Angeles (06:00 UTC Tuesday),
    when Connecticut is already in Tuesday."""
    monday = datetime.date(2026, 12, 7)
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 12, 8, 6, 0, tzinfo=datetime.UTC)
    )
    for office in (demo.stamford, demo.westport):
        HoursException.objects.create(location=office, date=monday, reason="Staff training")
    demo.westport.time_zone = "America/Los_Angeles"
    demo.westport.save_revision().publish()
    westport = client.get(f"/api/v2/pages/{demo.westport.pk}/").json()
    assert {row["time_zone"] for row in westport["opening_hours"]} == {"America/Los_Angeles"}
    monday_closures = [row for row in westport["hours_exceptions"] if row["date"] == "2026-12-07"]
    assert monday_closures == [
        {
            "date": "2026-12-07",
            "reason": "Staff training",
            "closed": True,
            "opens": None,
            "closes": None,
            "time_zone": "America/Los_Angeles",
        }
    ]
    stamford = client.get(f"/api/v2/pages/{demo.stamford.pk}/").json()
    assert "2026-12-07" not in [row["date"] for row in stamford["hours_exceptions"]]
    assert {row["time_zone"] for row in stamford["opening_hours"]} == {"America/New_York"}
    # API v3 answers the same.
    v3 = client.get(f"/api/v3/pages/{demo.westport.pk}/").json()
    assert "2026-12-07" in [row["date"] for row in v3["hours_exceptions"]]
    assert v3["opening_hours"][0]["time_zone"] == "America/Los_Angeles"
