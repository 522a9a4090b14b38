"""The time zones the clinic's offices may keep, and what a shared page's "today" depends on.

Each office keeps its hours in its own zone (`locations.LocationPage.time_zone`). A page or
fragment that shows several offices' "today" is the same only while every zone's date is; those
dates are known here without reading any office.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

# The United States' zones, east to west, as IANA names (what the API gives partners).
US_TIME_ZONES = [
    ("America/New_York", "Eastern (New York)"),
    ("America/Chicago", "Central (Chicago)"),
    ("America/Denver", "Mountain (Denver)"),
    ("America/Phoenix", "Mountain, no daylight saving (Phoenix)"),
    ("America/Los_Angeles", "Pacific (Los Angeles)"),
    ("America/Anchorage", "Alaska (Anchorage)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
]


def clinic_time_zone():
    """The site's own zone (`TIME_ZONE`): a new office's, until an editor chooses another."""
    return settings.TIME_ZONE


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "%(value)s is not a time zone name, e.g. America/New_York.", params={"value": value}
        ) from None


def zones():
    """Every zone an office may be in, the site's own included."""
    names = dict.fromkeys([settings.TIME_ZONE, *(name for name, _label in US_TIME_ZONES)])
    return [zoneinfo.ZoneInfo(name) for name in names]


def days_key(now=None):
    """The dates of every office zone, for the key of anything that shows "today": it changes at
    each of their midnights."""
    now = now or timezone.now()
    return "|".join(f"{now.astimezone(zone):%Y%m%d}" for zone in zones())


def seconds_to_next_midnight(now=None):
    """Seconds until the next midnight in any office zone, when some office's "today" changes."""
    now = now or timezone.now()
    seconds = []
    for zone in zones():
        local = now.astimezone(zone)
        midnight = datetime.datetime.combine(
            local.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
        )
        # Through UTC: between two times of one zone Python would ignore a daylight-saving change.
        seconds.append((midnight.astimezone(datetime.UTC) - now).total_seconds())
    return int(min(seconds)) + 1
