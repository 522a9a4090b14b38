"""Offices, physicians and the appointment request page (`locations.toml`, `physicians.toml`,
`appointments.toml`), then their translations.

Addresses, phone numbers, coordinates, hours and relations follow the first language's pages, so
the other languages' copy holds only the words. Holiday closures follow them too; their reasons,
the holidays' names, are translated.
"""

import calendar
import datetime
import functools

from django.utils import timezone

from appointments.models import AppointmentRequestPage
from demo.content import load, source_language, stream, translation_languages
from demo.helpers import (
    Images,
    ensure_page,
    find_page,
    find_path,
    heading,
    link_pages,
    require_home_page,
    resolve_stream,
)
from demo.translation import translate as translate_object
from locations.models import LocationPage, PhysicianPage

WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}


def thanksgiving(year):
    """The fourth Thursday of November."""
    first = datetime.date(year, 11, 1)
    first_thursday = first + datetime.timedelta(days=(calendar.THURSDAY - first.weekday()) % 7)
    return first_thursday + datetime.timedelta(weeks=3)


def holiday_closures(names, today=None):
    """Thanksgiving and Christmas Day this year and next, so the coming ones are always listed."""
    today = today or timezone.localdate()
    rows = []
    for year in (today.year, today.year + 1):
        rows.append({"date": thanksgiving(year), "reason": names["thanksgiving"], "closed": True})
        rows.append(
            {"date": datetime.date(year, 12, 25), "reason": names["christmas"], "closed": True}
        )
    return sorted(rows, key=lambda row: row["date"])


def holiday_names(holidays, language):
    """{a holiday's name in the first language: its name in `language`}."""
    source = holidays[source_language()]
    return {source[key]: holidays[language][key] for key in source}


def translated_closures(rows, holidays):
    """The office's closures with their reasons in another language (a reason that names no
    holiday of the demo keeps its words)."""
    rows = list(rows.all())
    for row in rows:
        row.reason = holidays.get(row.reason, row.reason)
    return rows


def build(command):
    offices, physicians = load("locations"), load("physicians")
    images = Images(command)
    heading(command, "Offices and physicians")
    index = find_page("locations")
    for office in offices["locations"]:
        build_location(command, index, office, offices["holidays"][source_language()], images)
    physicians_index = find_page("physicians")
    for physician in physicians["physicians"]:
        build_physician(command, physicians_index, physician)
    build_appointment_page(command, load("appointments")["appointment_page"])


def appointment_page_words(words):
    return {
        "title": words["title"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "intro": words["intro"],
        "consent_text": words["consent_text"],
        "thank_you_text": words["thank_you_text"],
    }


def build_appointment_page(command, copy):
    """The appointment request page under the home page (the site's one conversion path)."""
    home = require_home_page()
    words = appointment_page_words(copy[source_language()])
    privacy_notice = find_path(copy["privacy_notice"]) if copy.get("privacy_notice") else None
    return ensure_page(
        command,
        home,
        AppointmentRequestPage,
        copy["slug"],
        privacy_notice=privacy_notice,
        **words,
    )[0]


def location_words(words, images):
    """The words of an office page: what a translation translates."""
    return {
        "title": words["title"],
        "listing_title": words["listing_title"],
        "listing_summary": words["listing_summary"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "summary": words["summary"],
        "directions": link_pages(words["directions"]),
        "parking": link_pages(words["parking"]),
        "accessibility": link_pages(words["accessibility"]),
        "amenities": [("amenity", amenity) for amenity in words["amenities"]],
        "body": resolve_stream(stream(words["body"]), images),
    }


def build_location(command, index, copy, holidays, images):
    image = images[copy["image"]]
    hours = [
        {"weekday": WEEKDAYS[row["day"]], "opens": row["opens"], "closes": row["closes"]}
        for row in copy["hours"]
    ]
    return ensure_page(
        command,
        index,
        LocationPage,
        copy["slug"],
        rows={"opening_hours": hours, "hours_exceptions": holiday_closures(holidays)},
        **location_words(copy[source_language()], images),
        listing_image=image,
        image=image,
        street_address=copy["street_address"],
        city=copy["city"],
        state=copy["state"],
        postal_code=copy["postal_code"],
        phone=copy["phone"],
        intake_email=copy["intake_email"],
        latitude=copy["latitude"],
        longitude=copy["longitude"],
    )[0]


def physician_words(words):
    """The words of a physician's page: what a translation translates."""
    return {
        "title": words["title"],
        "job_title": words["job_title"],
        "summary": words["summary"],
        "listing_summary": words["listing_summary"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "bio": link_pages(words["bio"]),
        "specialties": [("specialty", name) for name in words["specialties"]],
    }


def build_physician(command, index, copy):
    offices = [find_page("locations", slug) for slug in copy["locations"]]
    return ensure_page(
        command,
        index,
        PhysicianPage,
        copy["slug"],
        rows={"location_links": [{"location": office} for office in offices]},
        **physician_words(copy[source_language()]),
        credentials=copy["credentials"],
        photo=None,  # no photograph until the clinic provides one: the site shows initials
        languages=[("language", code) for code in copy["languages"]],
        accepting_new_patients=copy["accepting_new_patients"],
    )[0]


def translate(command):
    """The offices, physicians and appointment page in each other language, as translations of
    the first ones (after `site.translate` has translated their section pages)."""
    offices, physicians = load("locations"), load("physicians")
    appointment_page = load("appointments")["appointment_page"]
    images = Images(command)
    for language in translation_languages():
        heading(command, f"Offices and physicians in {language}")
        closures = functools.partial(
            translated_closures, holidays=holiday_names(offices["holidays"], language)
        )
        for office in offices["locations"]:
            words = office[language]
            fields = {
                "slug": words["slug"],
                **location_words(words, images),
                "hours_exceptions": closures,
            }
            translate_object(command, find_page("locations", office["slug"]), fields, language)
        for physician in physicians["physicians"]:
            words = physician[language]
            fields = {"slug": words["slug"], **physician_words(words)}
            page = find_page("physicians", physician["slug"])
            translate_object(command, page, fields, language)
        words = appointment_page[language]
        fields = {"slug": words["slug"], **appointment_page_words(words)}
        translate_object(command, find_page(appointment_page["slug"]), fields, language)
