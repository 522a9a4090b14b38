"""Find an office near you: a ZIP code or a town, or the point the visitor's browser gives, and the
offices nearest first, with the distance, today's hours and whether each is open now.

Places come from the `zipcodes` package, which ships the US ZIP code centroids with it: nothing is
asked of an outside service, and nothing the visitor typed is stored or logged (the site's logs
keep paths without their query). A town is the centre of its ZIP codes. Distances are along the
earth's surface ("as the crow flies"), in miles. Each office's hours are read on its own clock
(`LocationPage.time_zone`).
"""

import datetime
import functools
import math
import re
import unicodedata
from dataclasses import dataclass

import zipcodes
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The states the clinic's offices and patients are in: a town named without its state is looked
# up here first.
REGION = ("CT", "NY", "NJ")
STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "PR",
    ]
)
MAX_QUERY_LENGTH = 80
EARTH_RADIUS_MILES = 3958.8
ZIP_CODE = re.compile(r"([0-9]{5})(?:-[0-9]{4})?")
TOWN_AND_STATE = re.compile(r"(?P<town>.+?)[\s,]+(?P<state>[A-Za-z]{2})")


class PlaceNotFound(ValueError):
    """What to tell the visitor when a query names no place we know."""


@dataclass(frozen=True)
class Place:
    label: str
    latitude: float
    longitude: float


def find_place(query):
    """The place a visitor typed: a ZIP code (`06880`, `06880-1234`) or a town (`Westport`,
    `Westport, CT`, `norwalk ct`). Raises PlaceNotFound with a sentence for the visitor."""
    text = ascii_digits(" ".join(str(query).split()))
    if not text:
        raise PlaceNotFound(_("Enter a ZIP code or a town."))
    if len(text) > MAX_QUERY_LENGTH or not text.isprintable():
        raise PlaceNotFound(_("Enter a five-digit ZIP code or the name of a town."))
    if match := ZIP_CODE.fullmatch(text):
        found = zipcodes.matching(match.group(1))
        if not found:
            raise PlaceNotFound(
                _("We could not find the ZIP code %(zip)s. Check it, or enter your town.")
                % {"zip": match.group(1)}
            )
        row = found[0]
        return Place(
            f"{row['city']}, {row['state']} {row['zip_code']}",
            float(row["lat"]),
            float(row["long"]),
        )
    if text.isdigit():
        raise PlaceNotFound(_("A ZIP code has five digits, e.g. 06880."))
    town, states = text, REGION
    if (match := TOWN_AND_STATE.fullmatch(text)) and match.group("state").upper() in STATES:
        town, states = match.group("town"), (match.group("state").upper(),)
    for state in states:
        points = towns_of(state).get(folded(town))
        if points:
            latitude = sum(point[0] for point in points) / len(points)
            longitude = sum(point[1] for point in points) / len(points)
            return Place(f"{points[0][2]}, {state}", latitude, longitude)
    raise PlaceNotFound(
        _(
            "We could not find “%(town)s”. Try its ZIP code, or the town and state, e.g. Norwalk, CT."
        )
        % {"town": town}
    )


def ascii_digits(text):
    """`text` with every digit written as 0-9: a phone's keyboard may type a ZIP code in
    full-width (０６８８０) or another script's digits (٠٦٨٨٠), which mean the same ZIP code."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


def place_at(latitude, longitude):
    """The point a visitor's browser gave, read to two decimals (about a kilometre): no finer
    position is needed to order offices, and none is kept."""
    try:
        latitude, longitude = float(latitude), float(longitude)
    except (TypeError, ValueError, OverflowError):
        raise PlaceNotFound(_("Your browser did not give a position we can use.")) from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise PlaceNotFound(_("Your browser did not give a position we can use."))
    return Place(_("your location"), round(latitude, 2), round(longitude, 2))


def folded(name):
    """A town's name as compared: any case, accents and punctuation ignored ("St." is "Saint")."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    name = re.sub(r"\bst\b\.?", "saint", name)
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name).split())


@functools.cache
def towns_of(state):
    """{folded town name: [(latitude, longitude, town name), …]} of a state's ZIP codes, built once
    a process (plain numbers and names)."""
    towns = {}
    for row in zipcodes.filter_by(state=state):
        if not row.get("lat") or not row.get("long"):
            continue
        point = (float(row["lat"]), float(row["long"]), row["city"])
        for name in (row["city"], *row.get("acceptable_cities", ())):
            towns.setdefault(folded(name), []).append(point)
    return towns


def miles_between(a_latitude, a_longitude, b_latitude, b_longitude):
    """The great-circle distance in miles (haversine)."""
    phi1, phi2 = math.radians(a_latitude), math.radians(b_latitude)
    d_phi = phi2 - phi1
    d_lambda = math.radians(b_longitude - a_longitude)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Nearby:
    office: object
    miles: float | None
    today: list
    closed_reason: str
    open_now: bool
    next_change: datetime.datetime | None

    @property
    def distance(self):
        """ "About 4 miles away", in the visitor's language; empty without coordinates."""
        if self.miles is None:
            return ""
        if self.miles < 0.5:
            return _("Less than a mile away")
        miles = round(self.miles)
        return ngettext("About %(miles)d mile away", "About %(miles)d miles away", miles) % {
            "miles": miles
        }


def miles_from(place, latitude, longitude):
    """Miles from `place` to a point, None when the point has no coordinates."""
    if latitude is None or longitude is None:
        return None
    return miles_between(place.latitude, place.longitude, float(latitude), float(longitude))


def nearest_points(points, place, limit=None):
    """[(id, miles)] of `points` (rows of id, latitude and longitude, e.g. a `values_list`)
    nearest `place` first, at most `limit`; a point without coordinates comes last, with None.
    Plain numbers: a network's offices are chosen without reading them whole, and only the few
    shown are read with their hours."""
    found = [(pk, miles_from(place, latitude, longitude)) for pk, latitude, longitude in points]
    found.sort(key=lambda item: (item[1] is None, item[1] or 0))
    return found[:limit] if limit is not None else found


def nearest(offices, place, now=None):
    """The offices (with `opening_hours` and `hours_exceptions` read) nearest `place` first; an
    office without coordinates comes last, without a distance. Today and "open now" are each
    office's own, in its time zone."""
    now = now or timezone.now()
    found = []
    for office in offices:
        miles = miles_from(place, office.latitude, office.longitude)
        found.append(Nearby(office, miles, *opening_state(office, office.local_now(now))))
    found.sort(key=lambda item: (item.miles is None, item.miles or 0))
    return found


def opening_state(office, now):
    """Today's periods [(opens, closes)], the reason it is closed today (a closure), whether it
    is open at `now` (an aware time on the office's clock), and when that next changes (today;
    else None)."""
    today = now.date()
    closure = next((row for row in office.hours_exceptions.all() if row.date == today), None)
    if closure is not None and closure.closed:
        periods, reason = [], closure.reason
    elif closure is not None:
        periods, reason = [(closure.opens, closure.closes)], ""
    else:
        periods = sorted(
            (row.opens, row.closes)
            for row in office.opening_hours.all()
            if row.weekday == today.weekday()
        )
        reason = ""
    moment = now.time()
    open_now = any(opens <= moment < closes for opens, closes in periods)
    changes = sorted(
        timezone.make_aware(datetime.datetime.combine(today, edge), now.tzinfo)
        for period in periods
        for edge in period
        if edge > moment
    )
    return periods, reason, open_now, changes[0] if changes else None
