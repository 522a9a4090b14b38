"""The physician directory: narrowed by office, specialty, language spoken and accepting new
patients, with choices taken from the physicians themselves, in both languages, at a fixed number
of queries, and a form error (never a 500) for anything else."""

import re
from html import unescape
from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.fields import StreamField
from wagtail.models import Page

from locations.factories import LocationPageFactory, PhysicianPageFactory

pytestmark = pytest.mark.django_db


def names(response):
    html = response.content.decode()
    found = re.findall(r'class="card__link"[^>]*>([^<]+)<', html)
    return sorted(unescape(name).split(",")[0] for name in found)  # without ", MD"


def errors(response):
    return re.findall(r'class="form-field__error"[^>]*>([^<]+)<', response.content.decode())


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
    greenwich = LocationPageFactory(parent=demo.locations, title="Greenwich office")
    physician(demo, "Ana Ruiz", ["Psychiatry"], ["es", "en"], True, [demo.stamford])
    physician(demo, "Ben Cole", ["Neurology"], ["en"], False, [demo.westport])
    physician(demo, "Chen Wu", ["Neurology", "Pain medicine"], ["zh-hans", "en"], True, [greenwich])
    return greenwich


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"specialty": "Neurology"}, ["Ben Cole", "Chen Wu", "Peter McAllister"]),
        ({"specialty": "neurology", "accepting": "1"}, ["Chen Wu", "Peter McAllister"]),
        ({"language": "es"}, ["Ana Ruiz"]),
        ({"specialty": "Psychiatry", "language": "es", "accepting": "1"}, ["Ana Ruiz"]),
        ({"specialty": "Psychiatry", "language": "zh-hans"}, []),
    ],
)
def test_the_filters_narrow_the_list(client, demo, staff, query, expected):
    response = client.get(demo.physicians.url, query)
    assert [name for name in names(response) if not name.startswith("Peter")] == [
        name for name in expected if not name.startswith("Peter")
    ]
    assert not errors(response)


def test_an_office_filter_lists_who_sees_patients_there(client, demo, staff):
    assert names(client.get(demo.physicians.url, {"office": staff.pk})) == ["Chen Wu"]
    assert "Ben Cole" in names(client.get(demo.physicians.url, {"office": demo.westport.pk}))
    html = client.get(demo.physicians.url).content.decode()
    offices = re.search(r'<select id="filter-office".*?</select>', html, re.S).group(0)
    assert f'value="{staff.pk}"' in offices and "Greenwich office" in offices


def test_the_choices_are_what_the_physicians_have(client, demo, staff):
    html = client.get(demo.physicians.url).content.decode()
    specialties = re.search(r'<select id="filter-specialty".*?</select>', html, re.S).group(0)
    assert "Psychiatry" in specialties and "Pain medicine" in specialties
    assert "Cardiology" not in specialties
    languages = re.search(r'<select id="filter-language".*?</select>', html, re.S).group(0)
    assert 'value="es"' in languages and 'value="zh-hans"' in languages
    assert ">Spanish<" in languages


@pytest.mark.parametrize(
    "query",
    [
        {"office": "abc"},
        {"office": "99999999999999999999"},
        {"office": "-1"},
        {"specialty": "Cardiology"},
        {"specialty": "x" * 5000},
        {"language": "xx"},
        {"language": "es\x00"},
        {"specialty": "Neurology\x00"},
    ],
)
def test_bad_filters_are_told_and_left_out(client, demo, staff, query):
    response = client.get(demo.physicians.url, query)
    assert response.status_code == 200
    assert errors(response)
    assert len(names(response)) == 4  # everyone, as without that filter


def test_the_spanish_directory_filters_its_own_physicians(client, demo, staff):
    spanish = Page.objects.get(
        translation_key=demo.physicians.translation_key, locale__language_code="es"
    )
    response = client.get(spanish.url, {"accepting": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buscar un médico" in html and "Acepta pacientes nuevos" in html


def test_the_directory_costs_the_same_queries_for_3_or_30_physicians(
    client, demo, django_assert_max_num_queries
):
    from tests.test_query_budgets import queries_for

    for number in range(3):
        physician(demo, f"Few {number}", ["Neurology"], ["en"], True, [demo.stamford])
    few = queries_for(
        client, f"{demo.physicians.url}?specialty=Neurology&office={demo.stamford.pk}"
    )
    for number in range(27):
        physician(demo, f"Many {number}", ["Neurology"], ["en"], True, [demo.stamford])
    url = f"{demo.physicians.url}?specialty=Neurology&office={demo.stamford.pk}"
    client.get(url)
    with django_assert_max_num_queries(few):
        response = client.get(url)
    # 24 cards a page: the second page lists the rest, and both say how many there are in all.
    second = client.get(f"{url}&page=2")
    listed = names(response) + names(second)
    assert len([name for name in listed if name.startswith(("Few", "Many"))]) == 30
    assert "31 physicians" in second.content.decode()  # with the demo's own neurologist


def test_the_filters_read_the_same_for_3_or_30_physicians(client, demo, staff):
    # The options come from every physician of the directory: their specialties and languages
    # are read as stored JSON, not made into streams one physician at a time, and their offices
    # are found by a subquery, not by sending every physician's id back to the database.
    def read(url):
        client.get(url)  # warm: renditions are made on first view
        with (
            patch.object(
                StreamField, "from_db_value", autospec=True, side_effect=StreamField.from_db_value
            ) as streams,
            CaptureQueriesContext(connection) as captured,
        ):
            response = client.get(url)
        return names(response), streams.call_count, sum(len(q["sql"]) for q in captured)

    url = f"{demo.physicians.url}?specialty=Psychiatry"
    few = read(url)
    for number in range(27):
        physician(demo, f"Other {number}", ["Cardiology"], ["fr"], True, [demo.westport])
    many = read(url)
    assert many[0] == few[0] and "Ana Ruiz" in few[0]
    assert many[1] == few[1]  # streams made: the cards' own, whoever else is listed
    assert many[2] == few[2]  # the SQL sent: no list of every physician
