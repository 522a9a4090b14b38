"""Factories for offices and physicians, for the tests."""

import datetime

import factory

from home.factories import PublishedPageFactory
from locations import models

WEEKDAY_HOURS = [(day, datetime.time(8), datetime.time(17)) for day in range(5)]


class LocationIndexPageFactory(PublishedPageFactory):
    title = "Locations"
    slug = "locations"

    class Meta:
        model = models.LocationIndexPage


class LocationPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Office {n}")
    summary = "A calm office with private infusion rooms."
    street_address = factory.Sequence(lambda n: f"{100 + n} Example Street")
    city = "Stamford"
    state = "CT"
    postal_code = "06901"
    phone = "(203) 555-0142"
    intake_email = factory.Sequence(lambda n: f"intake-{n}@example.org")
    latitude = "41.053000"
    longitude = "-73.539000"

    class Meta:
        model = models.LocationPage

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        """`hours=[(weekday, opens, closes), …]`; weekdays 8:00–17:00 when not given."""
        if not create:
            return
        rows = WEEKDAY_HOURS if extracted is None else extracted
        for order, (weekday, opens, closes) in enumerate(rows):
            models.OpeningHours.objects.create(
                location=obj, weekday=weekday, opens=opens, closes=closes, sort_order=order
            )

    @factory.post_generation
    def exceptions(obj, create, extracted, **kwargs):
        """`exceptions=[{"date": …, "reason": …, "closed": True}, …]`."""
        if create and extracted:
            for order, row in enumerate(extracted):
                models.HoursException.objects.create(location=obj, sort_order=order, **row)


class PhysicianIndexPageFactory(PublishedPageFactory):
    title = "Physicians"
    slug = "physicians"

    class Meta:
        model = models.PhysicianIndexPage


class PhysicianPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Alex Example {n}")
    credentials = "MD"
    summary = "A physician of the clinic."

    class Meta:
        model = models.PhysicianPage

    @factory.post_generation
    def locations(obj, create, extracted, **kwargs):
        """`locations=[location_page, …]`, in order."""
        if create and extracted:
            for order, location in enumerate(extracted):
                models.PhysicianLocation.objects.create(
                    physician=obj, location=location, sort_order=order
                )
