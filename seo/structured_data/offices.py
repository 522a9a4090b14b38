"""schema.org descriptions of offices (`MedicalClinic`) and physicians (`IndividualPhysician`).

Found by `seo.structured_data`; related pages come from the template context, where the page's
`get_context` has already fetched them to list them.
"""

from seo.structured_data import (
    SCHEMA_ORG,
    international_phone,
    organization_id,
    reference,
    register,
)

# schema.org names medical specialties with a fixed list (`MedicalSpecialty`); physicians write
# theirs in their own words, in either language. Words not listed here are still published, as
# the physician's `knowsAbout`.
MEDICAL_SPECIALTIES = {
    "anesthesiology": "Anesthesia",
    "anestesiología": "Anesthesia",
    "emergency medicine": "Emergency",
    "medicina de emergencia": "Emergency",
    "family medicine": "PrimaryCare",
    "internal medicine": "PrimaryCare",
    "primary care": "PrimaryCare",
    "medicina familiar": "PrimaryCare",
    "neurology": "Neurologic",
    "neurología": "Neurologic",
    "headache medicine": "Neurologic",
    "medicina de cefaleas": "Neurologic",
    "nursing": "Nursing",
    "enfermería": "Nursing",
    "pharmacy": "PharmacySpecialty",
    "farmacia": "PharmacySpecialty",
    "psychiatry": "Psychiatric",
    "psiquiatría": "Psychiatric",
}


def medical_specialties(names):
    """The schema.org `MedicalSpecialty` values for specialties written in words, once each."""
    result = []
    for name in names:
        member = MEDICAL_SPECIALTIES.get(str(name).strip().lower())
        if member and f"{SCHEMA_ORG}/{member}" not in result:
            result.append(f"{SCHEMA_ORG}/{member}")
    return result


# schema.org's `DayOfWeek` members, Monday first like Python's weekday numbers.
DAYS_OF_WEEK = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _specialty_names(physician):
    return [block.value for block in physician.specialties if block.block_type == "specialty"]


def _time(value):
    return value.strftime("%H:%M")


def opening_hours(weekly_hours):
    """`OpeningHoursSpecification`s for the weekly hours; days with the same hours share one."""
    by_period = {}
    for day in weekly_hours:
        for period in day["periods"]:
            key = (period.opens, period.closes)
            by_period.setdefault(key, []).append(f"{SCHEMA_ORG}/{DAYS_OF_WEEK[day['weekday']]}")
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": days,
            "opens": _time(opens),
            "closes": _time(closes),
        }
        for (opens, closes), days in by_period.items()
    ]


def special_opening_hours(exceptions):
    """Holidays and other dates; a closed day is written 00:00–00:00, as search engines read it."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "name": exception.reason,
            "validFrom": exception.date.isoformat(),
            "validThrough": exception.date.isoformat(),
            "opens": "00:00" if exception.closed else _time(exception.opens),
            "closes": "00:00" if exception.closed else _time(exception.closes),
        }
        for exception in exceptions
    ]


@register("locations.LocationPage", "MedicalClinic", "clinic")
def describe_location(page, node, request, context):
    node["parentOrganization"] = {"@id": organization_id(request)}
    node["telephone"] = international_phone(page.phone)
    node["address"] = {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(
            line for line in (page.street_address, page.address_line_2) if line
        ),
        "addressLocality": page.city,
        "addressRegion": page.state,
        "postalCode": page.postal_code,
        "addressCountry": "US",
    }
    if page.latitude is not None and page.longitude is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    weekly_hours = context.get("weekly_hours")
    if weekly_hours is None:
        weekly_hours = page.get_weekly_hours()
    node["openingHoursSpecification"] = opening_hours(weekly_hours)
    exceptions = context.get("upcoming_exceptions")
    if exceptions is None:
        exceptions = page.get_upcoming_exceptions()
    node["specialOpeningHoursSpecification"] = special_opening_hours(exceptions)
    treatments = context.get("treatments")
    if treatments is None:
        treatments = page.get_treatments()
    node["availableService"] = [reference(treatment, request) for treatment in treatments]
    physicians = context.get("physicians")
    if physicians is None:
        physicians = page.get_physicians()
    node["medicalSpecialty"] = medical_specialties(
        name for physician in physicians for name in _specialty_names(physician)
    )
    node["amenityFeature"] = [
        {"@type": "LocationFeatureSpecification", "name": block.value["name"], "value": True}
        for block in page.amenities
        if block.block_type == "amenity"
    ]
    return [
        reference(physician, request, practicesAt={"@id": node["@id"]}) for physician in physicians
    ]


@register("locations.PhysicianPage", "IndividualPhysician", "physician")
def describe_physician(page, node, request, context):
    specialties = _specialty_names(page)
    node["medicalSpecialty"] = medical_specialties(specialties)
    node["knowsAbout"] = specialties
    node["isAcceptingNewPatients"] = page.accepting_new_patients
    node["knowsLanguage"] = [
        block.value for block in page.languages if block.block_type == "language"
    ]
    credentials = [
        {"@type": "EducationalOccupationalCredential", "name": letters.strip()}
        for letters in page.credentials.split(",")
        if letters.strip()
    ]
    credentials += [
        {
            "@type": "EducationalOccupationalCredential",
            "name": block.value,
            "credentialCategory": "Board certification",
        }
        for block in page.board_certifications
        if block.block_type == "certification"
    ]
    credentials += [
        {
            "@type": "EducationalOccupationalCredential",
            "name": block.value["qualification"],
            "recognizedBy": {
                "@type": "EducationalOrganization",
                "name": block.value["institution"],
            },
        }
        for block in page.education
        if block.block_type == "education"
    ]
    node["hasCredential"] = credentials
    locations = context.get("locations")
    if locations is None:
        locations = page.get_locations()
    node["practicesAt"] = [reference(location, request) for location in locations]
