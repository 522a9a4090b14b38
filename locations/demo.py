"""Demo offices and physician for `load_demo_content`.

The clinic's real addresses, phone numbers, e-mail addresses and hours are not known: every
contact detail here is a plainly fictional placeholder (555-01xx numbers, example.org, "Example
Street"), as the site's footer says. The physician's profile uses only what the clinic has
published about him; he has no photo, so the site shows his initials.

Copy is kept per language in `CONTENT`: the English copy builds the pages, the Spanish copy their
translations (`translate`). Addresses, phone numbers, coordinates and hours follow the English
pages, so the Spanish copy holds only the words. Holiday closures are listed under their English
names on both sites until hours exceptions become translatable.
"""

import datetime

from django.utils import timezone

from appointments.factories import AppointmentRequestPageFactory
from home.demo import (
    DEMO_LANGUAGE,
    Images,
    ensure_page,
    find_page,
    get_home_page,
    heading,
    link_pages,
    resolve_stream,
    translation_languages,
)
from home.demo import translate as translate_page
from locations.factories import LocationPageFactory, PhysicianPageFactory

MON, TUE, WED, THU, FRI, SAT = range(6)


def hours(opens, closes):
    return datetime.time(*opens), datetime.time(*closes)


WEEKDAYS_8_TO_5 = [(day, *hours((8, 0), (17, 0))) for day in (MON, TUE, WED, THU, FRI)]

EN = {
    "holidays": {"thanksgiving": "Thanksgiving Day", "christmas": "Christmas Day"},
    "appointment_page": {
        "slug": "request-an-appointment",
        "title": "Request an appointment",
        "seo_title": "Request an appointment: ketamine infusion in Stamford and Westport, CT",
        "search_description": (
            "Ask Ki Ketamine's intake team to contact you about an appointment at our Stamford "
            "or Westport office. No medical details needed."
        ),
        "intro": (
            "<p>Leave your name and how to reach you, and our intake team will contact you, "
            "usually within one working day, to talk about whether treatment could help and "
            "to find a time.</p>"
        ),
        "consent_text": (
            "I agree that Ki Ketamine may store the details I give here and contact me about "
            "an appointment. I have read the Notice of Privacy Practices."
        ),
        "thank_you_text": (
            "<p>Thank you. Our intake team will contact you, usually within one working day, "
            "at the time you chose.</p><p>If you need help sooner, call the office directly. "
            "If you are in crisis, call or text 988, or call 911.</p>"
        ),
    },
    "locations": [
        {
            "slug": "stamford",
            "title": "Stamford office",
            "listing_title": "Stamford",
            "image": "stamford.jpg",
            "summary": (
                "Our Stamford office has quiet, private infusion rooms and staff with you for "
                "your whole session. It is open on weekdays, and until 7 p.m. on Thursdays."
            ),
            "listing_summary": (
                "Private infusion rooms in Stamford, open weekdays and Thursday evenings."
            ),
            "seo_title": "Ketamine infusion in Stamford, CT: our office",
            "search_description": (
                "Address, phone, opening hours, parking and accessibility for Ki Ketamine's "
                "ketamine-infusion office in Stamford, Connecticut."
            ),
            "street_address": "100 Example Street",
            "city": "Stamford",
            "state": "CT",
            "postal_code": "06901",
            "phone": "(203) 555-0142",
            "intake_email": "intake-stamford@example.org",
            "latitude": "41.053000",
            "longitude": "-73.539000",
            "hours": [
                (MON, *hours((8, 0), (17, 0))),
                (TUE, *hours((8, 0), (17, 0))),
                (WED, *hours((8, 0), (17, 0))),
                (THU, *hours((8, 0), (19, 0))),
                (FRI, *hours((8, 0), (17, 0))),
            ],
            "directions": (
                "<p><i>Placeholder: the clinic will describe here how to find the office, "
                "for example the nearest landmark, which entrance to use and which floor we are "
                "on.</i> If you are not sure how to find us, call the office before your visit "
                "and we will guide you.</p>"
            ),
            "parking": (
                "<p><i>Placeholder: the clinic will describe parking here, for example where to "
                "park, whether it is free and where the accessible spaces are.</i></p>"
                "<p>Please do not plan to drive yourself home after an infusion: arrange for "
                "someone to collect you.</p>"
            ),
            "accessibility": (
                "<p><i>Placeholder: the clinic will describe access here, for example step-free "
                "entry, the lift, the accessible restroom and the quiet room.</i> If you need "
                "any help to attend, tell us when you book.</p>"
            ),
            "amenities": [
                {
                    "name": "Private infusion rooms",
                    "description": "Each infusion is given in a room of your own.",
                },
                {
                    "name": "Reclining chairs and blankets",
                    "description": "Rest comfortably during your infusion.",
                },
                {
                    "name": "Therapy dog",
                    "description": (
                        "Our therapy dog can keep you company. Tell us if you would rather not, "
                        "or if you have an allergy."
                    ),
                },
                {
                    "name": "Quiet room",
                    "description": "A calm place to sit before and after your session.",
                },
                {"name": "Wi-Fi", "description": "For you and the person who comes with you."},
            ],
            "body": [
                (
                    "paragraph",
                    "<h2>Your visit</h2>"
                    "<p>When you arrive, our staff check you in and take you to a private room. "
                    "You rest in a reclining chair while the infusion runs through an IV line in "
                    "your arm, and a member of staff looks after you from start to finish. Bring "
                    "a list of your medicines and someone who can take you home afterwards.</p>",
                ),
                (
                    "image",
                    {
                        "image": "infusion-room.jpg",
                        "caption": "An infusion room: a reclining chair, a blanket and daylight.",
                    },
                ),
            ],
        },
        {
            "slug": "westport",
            "title": "Westport office",
            "listing_title": "Westport",
            "image": "westport.jpg",
            "summary": (
                "Our Westport office offers the same private infusion rooms and supervised care "
                "as Stamford. It is open on weekdays and on Saturday mornings."
            ),
            "listing_summary": "Private infusion rooms in Westport, open weekdays and Saturday mornings.",
            "seo_title": "Ketamine infusion in Westport, CT: our office",
            "search_description": (
                "Address, phone, opening hours, parking and accessibility for Ki Ketamine's "
                "ketamine-infusion office in Westport, Connecticut."
            ),
            "street_address": "200 Example Avenue",
            "city": "Westport",
            "state": "CT",
            "postal_code": "06880",
            "phone": "(203) 555-0178",
            "intake_email": "intake-westport@example.org",
            "latitude": "41.141000",
            "longitude": "-73.358000",
            "hours": [*WEEKDAYS_8_TO_5, (SAT, *hours((9, 0), (13, 0)))],
            "directions": (
                "<p><i>Placeholder: the clinic will describe here how to find the office, "
                "for example the nearest landmark, which entrance to use and which floor we are "
                "on.</i> If you are not sure how to find us, call the office before your visit "
                "and we will guide you.</p>"
            ),
            "parking": (
                "<p><i>Placeholder: the clinic will describe parking here, for example where to "
                "park, whether it is free and where the accessible spaces are.</i></p>"
                "<p>Please do not plan to drive yourself home after an infusion: arrange for "
                "someone to collect you.</p>"
            ),
            "accessibility": (
                "<p><i>Placeholder: the clinic will describe access here, for example step-free "
                "entry, the accessible restroom and the quiet room.</i> If you need any help to "
                "attend, tell us when you book.</p>"
            ),
            "amenities": [
                {
                    "name": "Private infusion rooms",
                    "description": "Each infusion is given in a room of your own.",
                },
                {
                    "name": "Reclining chairs and blankets",
                    "description": "Rest comfortably during your infusion.",
                },
                {
                    "name": "Therapy dog",
                    "description": (
                        "Ask when you book whether our therapy dog will be in on the day of your "
                        "visit."
                    ),
                },
                {
                    "name": "Quiet room",
                    "description": "A calm place to sit before and after your session.",
                },
                {"name": "Wi-Fi", "description": "For you and the person who comes with you."},
            ],
            "body": [
                (
                    "paragraph",
                    "<h2>Your visit</h2>"
                    "<p>Infusions in Westport follow the same careful routine as in Stamford: a "
                    "private room, an IV line in your arm, time to rest, and staff with you "
                    "throughout. Saturday morning appointments suit people who cannot easily "
                    "take time off during the week.</p>",
                ),
                (
                    "image",
                    {
                        "image": "therapy-dog.jpg",
                        "caption": "Our therapy dog, resting between visits.",
                    },
                ),
            ],
        },
    ],
    "physicians": [
        {
            "slug": "peter-mcallister",
            "title": "Peter McAllister",
            "credentials": "MD, FAAN",
            "job_title": "Neurologist and lead physician",
            "summary": (
                "Dr. McAllister is a neurologist and a Fellow of the American Academy of "
                "Neurology. He leads the clinic's headache-medicine work and sees patients at our "
                "Stamford and Westport offices."
            ),
            "listing_summary": (
                "Neurologist and Fellow of the American Academy of Neurology; leads our "
                "headache-medicine work."
            ),
            "seo_title": "Peter McAllister, MD, FAAN, neurologist",
            "search_description": (
                "Peter McAllister, MD, FAAN, is a neurologist and the lead physician of Ki "
                "Ketamine in Stamford and Westport, Connecticut, where headache medicine is the "
                "core of the clinic's work."
            ),
            "bio": (
                "<p>Peter McAllister, MD, FAAN, is a neurologist and the lead physician of Ki "
                "Ketamine. The letters FAAN mean that he is a Fellow of the American Academy of "
                "Neurology.</p>"
                "<h2>Headache medicine</h2>"
                "<p>Headache medicine is the core of the clinic, and Dr. McAllister leads that "
                "work. Many of the people he sees live with chronic migraine that has not "
                "responded to the usual treatments. With each of them he looks at their "
                "history and the treatments they have tried, and decides together with them "
                "whether ketamine infusion therapy is worth considering.</p>"
                "<h2>Where he sees patients</h2>"
                "<p>Dr. McAllister sees patients at our "
                '<a linktype="page" slug="locations/stamford">Stamford</a> and '
                '<a linktype="page" slug="locations/westport">Westport</a> offices. You can '
                "request an appointment online or by phone.</p>"
            ),
            "specialties": ["Neurology", "Headache medicine"],
            "languages": ["en"],
            "accepting_new_patients": True,
            "locations": ["stamford", "westport"],
        },
    ],
}

DIRECTIONS_ES = (
    "<p><i>Texto de ejemplo: aquí la clínica explicará cómo encontrar el consultorio, por "
    "ejemplo, el punto de referencia más cercano, qué entrada usar y en qué piso estamos.</i> Si "
    "no está seguro de cómo llegar, llame al consultorio antes de su visita y le indicaremos el "
    "camino.</p>"
)
PARKING_ES = (
    "<p><i>Texto de ejemplo: aquí la clínica describirá el estacionamiento, por ejemplo, dónde "
    "estacionar, si es gratuito y dónde están los espacios accesibles.</i></p>"
    "<p>No planee manejar de regreso a casa después de una infusión: pida a alguien que lo "
    "recoja.</p>"
)
AMENITIES_ES = {
    "rooms": {
        "name": "Salas privadas de infusión",
        "description": "Cada infusión se administra en una sala solo para usted.",
    },
    "chairs": {
        "name": "Sillones reclinables y cobijas",
        "description": "Descanse cómodamente durante su infusión.",
    },
    "quiet": {
        "name": "Sala tranquila",
        "description": "Un lugar tranquilo para sentarse antes y después de su sesión.",
    },
    "wifi": {"name": "Wi-Fi", "description": "Para usted y la persona que lo acompañe."},
}

ES = {
    "appointment_page": {
        "slug": "pedir-una-cita",
        "title": "Pedir una cita",
        "seo_title": "Pida una cita: infusión de ketamina en Stamford y Westport, CT",
        "search_description": (
            "Pida al equipo de admisión de Ki Ketamine que se comunique con usted para una cita en "
            "nuestro consultorio de Stamford o de Westport. No hace falta dar datos médicos."
        ),
        "intro": (
            "<p>Déjenos su nombre y cómo comunicarnos con usted, y nuestro equipo de admisión se "
            "pondrá en contacto, por lo general en un día hábil, para hablar de si el "
            "tratamiento podría ayudarle y buscar una hora.</p>"
        ),
        "consent_text": (
            "Acepto que Ki Ketamine guarde los datos que doy aquí y se comunique conmigo para una "
            "cita. He leído el Aviso de prácticas de privacidad."
        ),
        "thank_you_text": (
            "<p>Gracias. Nuestro equipo de admisión se comunicará con usted, por lo general en un "
            "día hábil, en el horario que eligió.</p><p>Si necesita ayuda antes, llame "
            "directamente al consultorio. Si está en crisis, llame o envíe un mensaje de texto al "
            "988, o llame al 911.</p>"
        ),
    },
    "locations": [
        {
            "slug": "stamford",
            "title": "Consultorio de Stamford",
            "listing_title": "Stamford",
            "summary": (
                "Nuestro consultorio de Stamford tiene salas de infusión privadas y tranquilas, y "
                "personal que lo acompaña durante toda la sesión. Abre de lunes a viernes, y los "
                "jueves hasta las 7 p. m."
            ),
            "listing_summary": (
                "Salas privadas de infusión en Stamford, abierto de lunes a viernes y los jueves "
                "por la tarde."
            ),
            "seo_title": "Infusión de ketamina en Stamford, CT: nuestro consultorio",
            "search_description": (
                "Dirección, teléfono, horario, estacionamiento y accesibilidad del consultorio de "
                "infusiones de ketamina de Ki Ketamine en Stamford, Connecticut."
            ),
            "directions": DIRECTIONS_ES,
            "parking": PARKING_ES,
            "accessibility": (
                "<p><i>Texto de ejemplo: aquí la clínica describirá el acceso, por ejemplo, la "
                "entrada sin escalones, el elevador, el baño accesible y la sala tranquila.</i> "
                "Si necesita ayuda para asistir a su cita, díganoslo al reservarla.</p>"
            ),
            "amenities": [
                AMENITIES_ES["rooms"],
                AMENITIES_ES["chairs"],
                {
                    "name": "Perro de terapia",
                    "description": (
                        "Nuestro perro de terapia puede hacerle compañía. Díganos si prefiere que "
                        "no lo haga o si tiene alergia."
                    ),
                },
                AMENITIES_ES["quiet"],
                AMENITIES_ES["wifi"],
            ],
            "body": [
                (
                    "paragraph",
                    "<h2>Su visita</h2>"
                    "<p>Cuando llegue, nuestro personal registrará su llegada y lo llevará a una "
                    "sala privada. Usted descansa en un sillón reclinable mientras la infusión "
                    "pasa por una vía intravenosa en el brazo, y un miembro del personal lo cuida "
                    "de principio a fin. Traiga una lista de sus medicamentos y venga con alguien "
                    "que pueda llevarlo a casa después.</p>",
                ),
                (
                    "image",
                    {
                        "image": "infusion-room.jpg",
                        "caption": "Una sala de infusión: un sillón reclinable, una cobija y luz natural.",
                    },
                ),
            ],
        },
        {
            "slug": "westport",
            "title": "Consultorio de Westport",
            "listing_title": "Westport",
            "summary": (
                "Nuestro consultorio de Westport ofrece las mismas salas privadas de infusión y la "
                "misma atención supervisada que el de Stamford. Abre de lunes a viernes y los "
                "sábados por la mañana."
            ),
            "listing_summary": (
                "Salas privadas de infusión en Westport, abierto de lunes a viernes y los sábados "
                "por la mañana."
            ),
            "seo_title": "Infusión de ketamina en Westport, CT: nuestro consultorio",
            "search_description": (
                "Dirección, teléfono, horario, estacionamiento y accesibilidad del consultorio de "
                "infusiones de ketamina de Ki Ketamine en Westport, Connecticut."
            ),
            "directions": DIRECTIONS_ES,
            "parking": PARKING_ES,
            "accessibility": (
                "<p><i>Texto de ejemplo: aquí la clínica describirá el acceso, por ejemplo, la "
                "entrada sin escalones, el baño accesible y la sala tranquila.</i> Si necesita "
                "ayuda para asistir a su cita, díganoslo al reservarla.</p>"
            ),
            "amenities": [
                AMENITIES_ES["rooms"],
                AMENITIES_ES["chairs"],
                {
                    "name": "Perro de terapia",
                    "description": (
                        "Al reservar su cita, pregunte si nuestro perro de terapia estará en el "
                        "consultorio el día de su visita."
                    ),
                },
                AMENITIES_ES["quiet"],
                AMENITIES_ES["wifi"],
            ],
            "body": [
                (
                    "paragraph",
                    "<h2>Su visita</h2>"
                    "<p>Las infusiones en Westport siguen la misma rutina cuidadosa que en "
                    "Stamford: una sala privada, una vía intravenosa en el brazo, tiempo para "
                    "descansar y personal a su lado en todo momento. Las citas de los sábados por "
                    "la mañana son útiles para quienes no pueden ausentarse fácilmente durante la "
                    "semana.</p>",
                ),
                (
                    "image",
                    {
                        "image": "therapy-dog.jpg",
                        "caption": "Nuestro perro de terapia, descansando entre visitas.",
                    },
                ),
            ],
        },
    ],
    "physicians": [
        {
            "slug": "peter-mcallister",
            "title": "Peter McAllister",
            "job_title": "Neurólogo y médico principal",
            "summary": (
                "El Dr. McAllister es neurólogo y miembro (Fellow) de la Academia Estadounidense "
                "de Neurología. Dirige el trabajo de la clínica en medicina del dolor de cabeza y "
                "atiende a pacientes en nuestros consultorios de Stamford y Westport."
            ),
            "listing_summary": (
                "Neurólogo y miembro de la Academia Estadounidense de Neurología; dirige nuestro "
                "trabajo en medicina del dolor de cabeza."
            ),
            "seo_title": "Peter McAllister, MD, FAAN, neurólogo",
            "search_description": (
                "Peter McAllister, MD, FAAN, es neurólogo y el médico principal de Ki Ketamine en "
                "Stamford y Westport, Connecticut, donde la medicina del dolor de cabeza es el "
                "centro del trabajo de la clínica."
            ),
            "bio": (
                "<p>Peter McAllister, MD, FAAN, es neurólogo y el médico principal de Ki Ketamine. "
                "Las siglas FAAN indican que es miembro (Fellow) de la Academia Estadounidense de "
                "Neurología.</p>"
                "<h2>Medicina del dolor de cabeza</h2>"
                "<p>La medicina del dolor de cabeza es el centro de la clínica, y el Dr. "
                "McAllister dirige ese trabajo. Muchas de las personas que atiende viven con "
                "migraña crónica que no ha respondido a los tratamientos habituales. Con cada una "
                "de ellas revisa su historia clínica y los tratamientos que ha probado, y decide "
                "junto con la persona si vale la pena considerar la terapia de infusión de "
                "ketamina.</p>"
                "<h2>Dónde atiende</h2>"
                "<p>El Dr. McAllister atiende a pacientes en nuestros consultorios de "
                '<a linktype="page" slug="locations/stamford">Stamford</a> y '
                '<a linktype="page" slug="locations/westport">Westport</a>. Puede pedir una '
                "cita en línea o por teléfono.</p>"
            ),
            "specialties": ["Neurología", "Medicina del dolor de cabeza"],
        },
    ],
}

CONTENT = {"en": EN, "es": ES}


def thanksgiving(year):
    """The fourth Thursday of November."""
    first = datetime.date(year, 11, 1)
    first_thursday = first + datetime.timedelta(days=(THU - first.weekday()) % 7)
    return first_thursday + datetime.timedelta(weeks=3)


def holiday_closures(copy, today=None):
    """Thanksgiving and Christmas Day this year and next, so the coming ones are always listed."""
    today = today or timezone.localdate()
    rows = []
    for year in (today.year, today.year + 1):
        rows.append({"date": thanksgiving(year), "reason": copy["thanksgiving"], "closed": True})
        rows.append(
            {"date": datetime.date(year, 12, 25), "reason": copy["christmas"], "closed": True}
        )
    return sorted(rows, key=lambda row: row["date"])


def build(command):
    copy = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    heading(command, "Offices and physicians")
    index = find_page("locations")
    for office in copy["locations"]:
        build_location(command, index, office, copy["holidays"], images)
    physicians = find_page("physicians")
    for physician in copy["physicians"]:
        build_physician(command, physicians, physician)
    build_appointment_page(command, copy["appointment_page"])


def build_appointment_page(command, copy):
    """The appointment request page under the home page (the site's one conversion path)."""
    return ensure_page(
        command,
        get_home_page(),
        AppointmentRequestPageFactory,
        copy["slug"],
        title=copy["title"],
        seo_title=copy["seo_title"],
        search_description=copy["search_description"],
        intro=copy["intro"],
        consent_text=copy["consent_text"],
        thank_you_text=copy["thank_you_text"],
    )


def location_words(copy, images):
    """The words of an office page: what a translation translates."""
    return {
        "title": copy["title"],
        "listing_title": copy["listing_title"],
        "listing_summary": copy["listing_summary"],
        "seo_title": copy["seo_title"],
        "search_description": copy["search_description"],
        "summary": copy["summary"],
        "directions": link_pages(copy["directions"]),
        "parking": link_pages(copy["parking"]),
        "accessibility": link_pages(copy["accessibility"]),
        "amenities": [("amenity", amenity) for amenity in copy["amenities"]],
        "body": resolve_stream(copy["body"], images),
    }


def build_location(command, index, copy, holidays, images):
    image = images[copy["image"]]
    return ensure_page(
        command,
        index,
        LocationPageFactory,
        copy["slug"],
        **location_words(copy, images),
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
        hours=copy["hours"],
        exceptions=holiday_closures(holidays),
    )[0]


def physician_words(copy):
    """The words of a physician's page: what a translation translates."""
    return {
        "title": copy["title"],
        "job_title": copy["job_title"],
        "summary": copy["summary"],
        "listing_summary": copy["listing_summary"],
        "seo_title": copy["seo_title"],
        "search_description": copy["search_description"],
        "bio": link_pages(copy["bio"]),
        "specialties": [("specialty", name) for name in copy["specialties"]],
    }


def build_physician(command, index, copy):
    offices = [find_page("locations", slug) for slug in copy["locations"]]
    return ensure_page(
        command,
        index,
        PhysicianPageFactory,
        copy["slug"],
        **physician_words(copy),
        credentials=copy["credentials"],
        photo=None,  # no photograph until the clinic provides one: the site shows initials
        languages=[("language", code) for code in copy["languages"]],
        accepting_new_patients=copy["accepting_new_patients"],
        locations=offices,
    )[0]


def translate(command):
    """The offices and physicians in each other language the copy is written in, as translations
    of the English pages (after `home.demo.translate_site` has translated their section pages)."""
    source = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    for language in translation_languages(CONTENT, DEMO_LANGUAGE):
        copy = CONTENT[language]
        heading(command, f"Offices and physicians in {language}")
        for original, translated in zip(source["locations"], copy["locations"], strict=True):
            page = find_page("locations", original["slug"])
            words = {"slug": translated["slug"], **location_words(translated, images)}
            translate_page(command, page, words, language)
        for original, translated in zip(source["physicians"], copy["physicians"], strict=True):
            page = find_page("physicians", original["slug"])
            words = {"slug": translated["slug"], **physician_words(translated)}
            translate_page(command, page, words, language)
        original, translated = source["appointment_page"], copy["appointment_page"]
        page = find_page(original["slug"])
        names = ["slug", "title", "seo_title", "search_description", "intro"]
        words = {name: translated[name] for name in [*names, "consent_text", "thank_you_text"]}
        translate_page(command, page, words, language)
