"""The demo site's own copy: home page, section pages, About and the policy pages, footer.

One dict per language, same keys and the same structure in each: the English copy builds the pages
and the Spanish copy their translations, paired string by string (a heading with its heading, a
list item with its list item). Links point at the English pages by their English paths; visitors
follow them to the page in their own language. Rich text is stored HTML. `<a linktype="page" slug="locations">` links are resolved to page ids
when the pages exist (see `home.demo.helpers.link_pages`).
"""

# Contact details on the demo site are placeholders (see the footer's placeholder notice).
MAIN_PHONE = "(203) 555-0142"
CLINIC_NAME = "Ki Ketamine"

EN = {
    "footer": {
        "about": (
            "Ki Ketamine is a physician-led ketamine-infusion clinic with offices in Stamford and "
            "Westport, Connecticut. Headache medicine is at the heart of our work."
        ),
        "medical_notice": (
            "<p>This website does not give medical advice. It explains the care we offer; only a "
            "physician who knows your history can tell you whether a treatment is right for you. "
            "In a crisis, call or text <b>988</b> (Suicide &amp; Crisis Lifeline) or call "
            "<b>911</b>.</p>"
        ),
        "placeholder_notice": (
            "Demo site: the street addresses, phone numbers, e-mail addresses and opening hours "
            "shown here are placeholders, not the clinic's real details, and there is no real "
            "photo of the physician."
        ),
    },
    "home": {
        "title": "Home",
        "seo_title": "Physician-led ketamine infusion clinic in Stamford and Westport, CT",
        "search_description": (
            "A physician-led clinic in Stamford and Westport, Connecticut, offering ketamine "
            "infusions for refractory chronic migraine and for depression, anxiety and bipolar "
            "depression when other treatments have not worked."
        ),
        "listing_summary": (
            "Physician-led ketamine infusion therapy in Stamford and Westport, Connecticut."
        ),
        "hero_heading": "Care for migraine and depression that other treatments have not relieved",
        "hero_text": (
            "We are a physician-led clinic in Stamford and Westport, Connecticut. We offer "
            "ketamine infusion therapy for refractory chronic migraine and, when the usual "
            "treatments have not worked, for depression, anxiety and bipolar depression."
        ),
        "hero_cta_label": "Find an office",
        "featured_heading": "How we can help",
        "body": [
            (
                "paragraph",
                "<h2>Led by a neurologist</h2>"
                '<p>Our lead physician, <a linktype="page" slug="physicians/peter-mcallister">'
                "Peter McAllister, MD, FAAN</a>, is a neurologist and a Fellow of the American "
                "Academy of Neurology. Headache medicine is the core of the clinic: many of the "
                "people we see have lived with migraine for years and tried several treatments "
                "before coming to us.</p>"
                "<p>Every infusion is given in the office through an IV line in the arm while "
                "you rest, and our staff look after you for the whole session. There is even a "
                "therapy dog to keep you company, if you would like.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "Find out whether ketamine infusion could help you",
                    "text": (
                        "Request an appointment online or call the office nearest to you. A "
                        "physician will go through your history and the treatments you have "
                        "tried, and decide with you what makes sense."
                    ),
                    "button_label": "See our offices",
                    "page": "locations",
                },
            ),
        ],
    },
    # Section pages, in the order they appear in the main navigation.
    "sections": [
        {
            "model": "treatments.TreatmentIndexPage",
            "slug": "treatments",
            "title": "Treatments",
            "image": "infusion-room.jpg",
            "intro": (
                "<p>The treatments we offer, what a visit is like, and what the research and the "
                "FDA say about them. A physician decides with each patient whether a treatment is "
                "suitable.</p>"
            ),
            "listing_summary": "What we offer, how it works and what a session is like.",
            "seo_title": "Treatments we offer",
            "search_description": (
                "Ketamine infusion therapy at Ki Ketamine in Stamford and Westport, CT: how it "
                "works, what a session is like, side effects and regulatory status."
            ),
        },
        {
            "model": "treatments.ConditionIndexPage",
            "slug": "conditions",
            "title": "Conditions",
            "image": "chronic-migraine.jpg",
            "intro": (
                "<p>We treat refractory chronic migraine and, when the usual treatments have not "
                "worked, depression, anxiety and bipolar depression. Each page explains the "
                "condition and when our physicians may consider ketamine infusion.</p>"
            ),
            "listing_summary": (
                "Chronic migraine, treatment-resistant depression, anxiety and bipolar depression."
            ),
            "seo_title": "Conditions we treat",
            "search_description": (
                "The conditions Ki Ketamine treats with ketamine infusion when other treatments "
                "have not worked: chronic migraine, depression, anxiety and bipolar depression."
            ),
        },
        {
            "model": "locations.PhysicianIndexPage",
            "slug": "physicians",
            "title": "Our physicians",
            "image": "home-hero.jpg",
            "intro": (
                "<p>Our clinic is led by a neurologist whose work centers on headache medicine. "
                "A physician sees you before any treatment and decides with you what is "
                "appropriate.</p>"
            ),
            "listing_title": "Physicians",
            "listing_summary": "The physicians who see patients at our Stamford and Westport offices.",
            "seo_title": "Our physicians",
            "search_description": (
                "Meet the physicians of Ki Ketamine, a ketamine-infusion clinic in Stamford and "
                "Westport, Connecticut, led by neurologist Peter McAllister, MD, FAAN."
            ),
        },
        {
            "model": "locations.LocationIndexPage",
            "slug": "locations",
            "title": "Our offices",
            "image": "about.jpg",
            "intro": (
                "<p>We see patients at two offices in Fairfield County, Connecticut: Stamford and "
                "Westport. Both have private infusion rooms and staff who stay with you "
                "throughout your session. Call either office or request an appointment "
                "online.</p>"
            ),
            "listing_title": "Offices",
            "listing_summary": "Our offices in Stamford and Westport: addresses, hours and parking.",
            "seo_title": "Our offices in Stamford and Westport, CT",
            "search_description": (
                "Addresses, opening hours, parking and accessibility for Ki Ketamine's offices in "
                "Stamford and Westport, Connecticut."
            ),
        },
    ],
    # The Notice of Privacy Practices comes before the privacy policy, which links to it.
    "standard_pages": [
        {
            "slug": "about",
            "title": "About the clinic",
            "show_in_menus": True,
            "image": "about.jpg",
            "listing_title": "About us",
            "listing_summary": (
                "A physician-led clinic in Stamford and Westport with headache medicine at its core."
            ),
            "seo_title": "About our clinic in Stamford and Westport",
            "search_description": (
                "Ki Ketamine is a physician-led ketamine-infusion clinic in Stamford and Westport, "
                "Connecticut, led by neurologist Peter McAllister, MD, FAAN."
            ),
            "intro": (
                "<p>Ki Ketamine is a physician-led clinic in Stamford and Westport, Connecticut. We "
                "offer ketamine infusion therapy to people whose condition has not improved with "
                "the usual treatments.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<h2>Headache medicine at our core</h2>"
                    "<p>The clinic is led by Peter McAllister, MD, FAAN, a neurologist and Fellow "
                    "of the American Academy of Neurology. Much of our work is with people who "
                    "live with chronic migraine that has not responded to the treatments they have "
                    "tried. We also see people with depression, anxiety and bipolar depression "
                    "when other treatments have not worked.</p>"
                    '<p>Read more about <a linktype="page" slug="conditions">the conditions we '
                    'treat</a> and <a linktype="page" slug="physicians">our physicians</a>.</p>',
                ),
                (
                    "image",
                    {"image": "about.jpg", "caption": "Our two offices, in Stamford and Westport."},
                ),
                (
                    "paragraph",
                    "<h2>How we work</h2>"
                    "<ul>"
                    "<li>A physician reviews your history and the treatments you have tried, and "
                    "decides with you whether ketamine infusion is appropriate.</li>"
                    "<li>Infusions are given in the office, through an IV line in your arm, while "
                    "you rest in a private room.</li>"
                    "<li>Our staff supervise you for the whole session.</li>"
                    "<li>Our therapy dog is there to keep you company if you wish.</li>"
                    "</ul>",
                ),
                (
                    "call_to_action",
                    {
                        "heading": "Request an appointment",
                        "text": (
                            "Request an appointment online or call the office nearest to you."
                        ),
                        "button_label": "Find an office",
                        "page": "locations",
                    },
                ),
            ],
        },
        {
            "slug": "notice-of-privacy-practices",
            "title": "Notice of Privacy Practices",
            "show_in_menus": False,
            "listing_summary": (
                "How the clinic may use and share your health information, and your rights."
            ),
            "seo_title": "Notice of Privacy Practices",
            "search_description": (
                "How Ki Ketamine may use and share patients' health information, the rights "
                "patients have over it, and how to ask a question or make a complaint."
            ),
            "intro": (
                "<p>This notice describes how medical information about you may be used and "
                "disclosed and how you can get access to this information. Please review it "
                "carefully.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<p><i>Template for the demo site. This is a general outline of the kind of "
                    "notice a clinic covered by HIPAA gives its patients. It is not the clinic's "
                    "notice: the clinic must review it with its privacy officer and legal adviser, "
                    "complete it and set its effective date before the site goes live.</i></p>"
                    "<h2>Your rights</h2>"
                    "<p>When it comes to your health information, you have the right to:</p>"
                    "<ul>"
                    "<li>see or get a copy of your medical record;</li>"
                    "<li>ask us to correct information you think is wrong or incomplete;</li>"
                    "<li>ask us to contact you in a particular way or at a particular address;</li>"
                    "<li>ask us to limit what we use or share;</li>"
                    "<li>get a list of those with whom we have shared your information;</li>"
                    "<li>get a copy of this notice;</li>"
                    "<li>choose someone to act for you;</li>"
                    "<li>file a complaint if you feel your rights have been violated.</li>"
                    "</ul>"
                    "<h2>How we may use and share your health information</h2>"
                    "<p>We typically use or share your health information to:</p>"
                    "<ul>"
                    "<li>treat you, for example by sharing information with other clinicians "
                    "who care for you;</li>"
                    "<li>run our practice and improve your care;</li>"
                    "<li>bill for your care and get payment from health plans or other "
                    "payers.</li>"
                    "</ul>"
                    "<p>We may also share information when the law requires or allows it, for "
                    "example for public health and safety, to comply with the law, to respond to "
                    "lawsuits and legal actions, or to prevent a serious threat to someone's "
                    "health or safety.</p>"
                    "<h2>Our responsibilities</h2>"
                    "<ul>"
                    "<li>We are required by law to keep the privacy and security of your health "
                    "information.</li>"
                    "<li>We will let you know promptly if a breach occurs that may have "
                    "compromised the privacy or security of your information.</li>"
                    "<li>We must follow the practices described in this notice and give you a "
                    "copy of it.</li>"
                    "<li>We will not use or share your information other than as described here "
                    "unless you tell us we can in writing. You may change your mind at any "
                    "time.</li>"
                    "</ul>"
                    "<h2>Changes to this notice</h2>"
                    "<p>We can change the terms of this notice, and the changes will apply to all "
                    "information we have about you. The new notice will be available on request, "
                    "in our offices and on this website.</p>"
                    "<h2>Questions and complaints</h2>"
                    "<p>Contact our privacy officer at privacy@example.org or (203) 555-0142 "
                    "(placeholders on this demo site). You can also file a complaint with the "
                    "U.S. Department of Health and Human Services Office for Civil Rights. We will "
                    "not retaliate against you for filing a complaint.</p>"
                    "<p>Effective date: to be set by the clinic.</p>",
                ),
            ],
        },
        {
            "slug": "privacy",
            "title": "Website privacy policy",
            "show_in_menus": False,
            "listing_summary": "How this website handles the information you give it.",
            "seo_title": "Website privacy policy",
            "search_description": (
                "How Ki Ketamine's website collects, uses and protects the information visitors "
                "give it, including appointment requests."
            ),
            "intro": (
                "<p>This policy explains what information this website collects and what we do "
                "with it. Health information you share with us as a patient is also covered by "
                'our <a linktype="page" slug="notice-of-privacy-practices">Notice of Privacy '
                "Practices</a>.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<p><i>This policy is a template for the demo site. The clinic will review it "
                    "with its privacy adviser and replace it before the site goes live.</i></p>"
                    "<h2>What we collect</h2>"
                    "<ul>"
                    "<li><b>Appointment requests.</b> When you ask for an appointment, we receive "
                    "the details you type into the form, such as your name, how to reach you and "
                    "the office you prefer.</li>"
                    "<li><b>Technical information.</b> Like most websites, our servers record "
                    "basic technical details of each visit, such as the pages requested and the "
                    "time, to keep the site secure and working.</li>"
                    "<li><b>Cookies.</b> The site uses only the cookies it needs to work, for "
                    "example to protect forms against misuse and to remember your language.</li>"
                    "</ul>"
                    "<h2>How we use it</h2>"
                    "<p>We use appointment requests only to contact you about your appointment. "
                    "They are seen only by the clinic staff who handle appointments, are kept only "
                    "as long as needed, and are never used for advertising. We do not sell "
                    "personal information.</p>"
                    "<h2>Please do not send urgent medical information</h2>"
                    "<p>The website is not the place for medical questions or emergencies. In a "
                    "crisis, call or text 988 (Suicide &amp; Crisis Lifeline) or call 911.</p>"
                    "<h2>Your choices and questions</h2>"
                    "<p>You can ask what information we hold about you, or ask us to correct or "
                    "delete it, by writing to privacy@example.org or calling (203) 555-0142. "
                    "(Both are placeholders on this demo site.)</p>",
                ),
            ],
        },
        {
            "slug": "accessibility",
            "title": "Accessibility statement",
            "show_in_menus": False,
            "listing_summary": "How we make this website and our offices usable for everyone.",
            "seo_title": "Accessibility statement",
            "search_description": (
                "Ki Ketamine's commitment to an accessible website and offices, and how to tell "
                "us about a barrier."
            ),
            "intro": (
                "<p>We want everyone to be able to use this website and visit our offices, "
                "whatever their abilities or the device they use.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<h2>This website</h2>"
                    "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
                    "level AA. In particular, we work to make sure that:</p>"
                    "<ul>"
                    "<li>every page can be used with a keyboard alone and with screen readers;</li>"
                    "<li>images that carry meaning have text alternatives;</li>"
                    "<li>text has enough contrast and can be enlarged without breaking the "
                    "page;</li>"
                    "<li>pages work on phones as well as on larger screens;</li>"
                    "<li>medical information is written in plain language.</li>"
                    "</ul>"
                    "<p>Some parts of the site may not yet meet every guideline. We check the site "
                    "regularly and fix problems as we find them.</p>"
                    "<h2>Our offices</h2>"
                    '<p>Each <a linktype="page" slug="locations">office page</a> describes '
                    "step-free access, parking and other details for that office. If you need "
                    "help to attend an appointment, tell us when you book and we will do our best "
                    "to make arrangements.</p>"
                    "<h2>Tell us about a barrier</h2>"
                    "<p>If something on this website is hard to use, or you need information in "
                    "another format, e-mail accessibility@example.org or call (203) 555-0142 "
                    "(placeholders on this demo site). Please tell us the page and what went "
                    "wrong.</p>",
                ),
            ],
        },
    ],
}

ES = {
    "footer": {
        "about": (
            "Ki Ketamine es una clínica de infusiones de ketamina dirigida por médicos, con "
            "consultorios en Stamford y Westport, Connecticut. La medicina del dolor de cabeza es "
            "el centro de nuestro trabajo."
        ),
        "medical_notice": (
            "<p>Este sitio web no ofrece consejo médico. Explica la atención que brindamos; solo "
            "un médico que conozca su historia clínica puede decirle si un tratamiento es "
            "adecuado para usted. En una crisis, llame o envíe un mensaje de texto al <b>988</b> "
            "(Línea de Prevención del Suicidio y Crisis; para español, oprima el 2) o llame al "
            "<b>911</b>.</p>"
        ),
        "placeholder_notice": (
            "Sitio de demostración: las direcciones, los números de teléfono, los correos "
            "electrónicos y los horarios que aparecen aquí son ejemplos, no los datos reales de "
            "la clínica, y no hay una foto real del médico."
        ),
    },
    "home": {
        "title": "Inicio",
        "slug": "inicio",
        "seo_title": "Clínica de infusiones de ketamina dirigida por médicos en Stamford y Westport, CT",
        "search_description": (
            "Una clínica dirigida por médicos en Stamford y Westport, Connecticut, que ofrece "
            "infusiones de ketamina para la migraña crónica resistente al tratamiento y para la "
            "depresión, la ansiedad y la depresión bipolar cuando otros tratamientos no han "
            "dado resultado."
        ),
        "listing_summary": (
            "Terapia de infusión de ketamina dirigida por médicos en Stamford y Westport, "
            "Connecticut."
        ),
        "hero_heading": (
            "Atención para la migraña y la depresión cuando otros tratamientos no han dado alivio"
        ),
        "hero_text": (
            "Somos una clínica dirigida por médicos en Stamford y Westport, Connecticut. "
            "Ofrecemos terapia de infusión de ketamina para la migraña crónica resistente al "
            "tratamiento y, cuando los tratamientos habituales no han funcionado, para la "
            "depresión, la ansiedad y la depresión bipolar."
        ),
        "hero_cta_label": "Buscar un consultorio",
        "featured_heading": "Cómo podemos ayudarle",
        "body": [
            (
                "paragraph",
                "<h2>Bajo la dirección de un neurólogo</h2>"
                '<p>Nuestro médico principal, <a linktype="page" slug="physicians/peter-mcallister">'
                "Peter McAllister, MD, FAAN</a>, es neurólogo y miembro (Fellow) de la Academia "
                "Estadounidense de Neurología. La medicina del dolor de cabeza es el centro de la "
                "clínica: muchas de las personas que atendemos llevan años con migraña y han "
                "probado varios tratamientos antes de venir a vernos.</p>"
                "<p>Cada infusión se administra en el consultorio, por una vía intravenosa en el "
                "brazo, mientras usted descansa, y nuestro personal lo acompaña durante toda la "
                "sesión. Incluso tenemos un perro de terapia que puede hacerle compañía, si lo "
                "desea.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "Averigüe si la infusión de ketamina podría ayudarle",
                    "text": (
                        "Pida una cita en línea o llame al consultorio que le quede más cerca. Un "
                        "médico revisará su historia clínica y los tratamientos que ha probado, y "
                        "decidirá con usted qué opción tiene sentido."
                    ),
                    "button_label": "Ver nuestros consultorios",
                    "page": "locations",
                },
            ),
        ],
    },
    "sections": [
        {
            "slug": "tratamientos",
            "title": "Tratamientos",
            "image": "infusion-room.jpg",
            "intro": (
                "<p>Los tratamientos que ofrecemos, cómo es una visita y lo que dicen sobre ellos "
                "las investigaciones y la FDA. Un médico decide con cada paciente si un "
                "tratamiento es adecuado.</p>"
            ),
            "listing_summary": "Qué ofrecemos, cómo funciona y cómo es una sesión.",
            "seo_title": "Tratamientos que ofrecemos",
            "search_description": (
                "Terapia de infusión de ketamina en Ki Ketamine, en Stamford y Westport, CT: cómo "
                "funciona, cómo es una sesión, efectos secundarios y aprobación de la FDA."
            ),
        },
        {
            "slug": "afecciones",
            "title": "Afecciones",
            "image": "chronic-migraine.jpg",
            "intro": (
                "<p>Tratamos la migraña crónica resistente al tratamiento y, cuando los "
                "tratamientos habituales no han funcionado, la depresión, la ansiedad y la "
                "depresión bipolar. Cada página explica la afección y cuándo nuestros médicos "
                "pueden considerar la infusión de ketamina.</p>"
            ),
            "listing_summary": (
                "Migraña crónica, depresión resistente al tratamiento, ansiedad y depresión "
                "bipolar."
            ),
            "seo_title": "Afecciones que tratamos",
            "search_description": (
                "Las afecciones que Ki Ketamine trata con infusiones de ketamina cuando otros "
                "tratamientos no han funcionado: migraña crónica, depresión, ansiedad y depresión "
                "bipolar."
            ),
        },
        {
            "slug": "medicos",
            "title": "Nuestros médicos",
            "image": "home-hero.jpg",
            "intro": (
                "<p>Nuestra clínica está dirigida por un neurólogo cuyo trabajo se centra en la "
                "medicina del dolor de cabeza. Un médico lo atiende antes de cualquier "
                "tratamiento y decide con usted qué es lo adecuado.</p>"
            ),
            "listing_title": "Médicos",
            "listing_summary": (
                "Los médicos que atienden a los pacientes en nuestros consultorios de Stamford y "
                "Westport."
            ),
            "seo_title": "Nuestros médicos",
            "search_description": (
                "Conozca a los médicos de Ki Ketamine, una clínica de infusiones de ketamina en "
                "Stamford y Westport, Connecticut, dirigida por el neurólogo Peter McAllister, "
                "MD, FAAN."
            ),
        },
        {
            "slug": "consultorios",
            "title": "Nuestros consultorios",
            "image": "about.jpg",
            "intro": (
                "<p>Atendemos a pacientes en dos consultorios del condado de Fairfield, "
                "Connecticut: Stamford y Westport. Los dos tienen salas privadas de infusión y "
                "personal que lo acompaña durante toda la sesión. Llame a cualquiera de los dos o "
                "pida una cita en línea.</p>"
            ),
            "listing_title": "Consultorios",
            "listing_summary": (
                "Nuestros consultorios en Stamford y Westport: direcciones, horarios y "
                "estacionamiento."
            ),
            "seo_title": "Nuestros consultorios en Stamford y Westport, CT",
            "search_description": (
                "Direcciones, horarios, estacionamiento y accesibilidad de los consultorios de Ki "
                "Ketamine en Stamford y Westport, Connecticut."
            ),
        },
    ],
    "standard_pages": [
        {
            "slug": "sobre-nosotros",
            "title": "Sobre la clínica",
            "show_in_menus": True,
            "image": "about.jpg",
            "listing_title": "Sobre nosotros",
            "listing_summary": (
                "Una clínica dirigida por médicos en Stamford y Westport, centrada en la medicina "
                "del dolor de cabeza."
            ),
            "seo_title": "Sobre nuestra clínica en Stamford y Westport",
            "search_description": (
                "Ki Ketamine es una clínica de infusiones de ketamina dirigida por médicos en "
                "Stamford y Westport, Connecticut, bajo la dirección del neurólogo Peter "
                "McAllister, MD, FAAN."
            ),
            "intro": (
                "<p>Ki Ketamine es una clínica dirigida por médicos en Stamford y Westport, "
                "Connecticut. Ofrecemos terapia de infusión de ketamina a personas cuya afección "
                "no ha mejorado con los tratamientos habituales.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<h2>La medicina del dolor de cabeza, en el centro de nuestro trabajo</h2>"
                    "<p>La clínica está dirigida por Peter McAllister, MD, FAAN, neurólogo y "
                    "miembro (Fellow) de la Academia Estadounidense de Neurología. Gran parte de "
                    "nuestro trabajo es con personas que viven con migraña crónica que no ha "
                    "respondido a los tratamientos que han probado. También atendemos a personas "
                    "con depresión, ansiedad y depresión bipolar cuando otros tratamientos no han "
                    "funcionado.</p>"
                    '<p>Lea más sobre <a linktype="page" slug="conditions">las afecciones que '
                    'tratamos</a> y <a linktype="page" slug="physicians">nuestros médicos</a>.</p>',
                ),
                (
                    "image",
                    {
                        "image": "about.jpg",
                        "caption": "Nuestros dos consultorios, en Stamford y Westport.",
                    },
                ),
                (
                    "paragraph",
                    "<h2>Cómo trabajamos</h2>"
                    "<ul>"
                    "<li>Un médico revisa su historia clínica y los tratamientos que ha probado, "
                    "y decide con usted si la infusión de ketamina es adecuada.</li>"
                    "<li>Las infusiones se administran en el consultorio, por una vía intravenosa "
                    "en el brazo, mientras usted descansa en una sala privada.</li>"
                    "<li>Nuestro personal lo supervisa durante toda la sesión.</li>"
                    "<li>Nuestro perro de terapia puede hacerle compañía, si usted lo desea.</li>"
                    "</ul>",
                ),
                (
                    "call_to_action",
                    {
                        "heading": "Pida una cita",
                        "text": (
                            "Pida una cita en línea o llame al consultorio que le quede más cerca."
                        ),
                        "button_label": "Buscar un consultorio",
                        "page": "locations",
                    },
                ),
            ],
        },
        {
            "slug": "aviso-de-practicas-de-privacidad",
            "title": "Aviso de prácticas de privacidad",
            "show_in_menus": False,
            "listing_summary": (
                "Cómo puede la clínica usar y compartir su información de salud, y cuáles son sus "
                "derechos."
            ),
            "seo_title": "Aviso de prácticas de privacidad",
            "search_description": (
                "Cómo puede Ki Ketamine usar y compartir la información de salud de sus "
                "pacientes, los derechos que tienen sobre ella y cómo hacer una pregunta o "
                "presentar una queja."
            ),
            "intro": (
                "<p>Este aviso describe cómo se puede usar y divulgar su información médica y "
                "cómo puede usted acceder a esta información. Revíselo con atención.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<p><i>Plantilla para el sitio de demostración. Es un esquema general del tipo "
                    "de aviso que una clínica sujeta a la ley HIPAA entrega a sus pacientes. No es "
                    "el aviso de la clínica: la clínica debe revisarlo con su responsable de "
                    "privacidad y su asesor legal, completarlo y fijar su fecha de entrada en "
                    "vigor antes de publicar el sitio.</i></p>"
                    "<h2>Sus derechos</h2>"
                    "<p>En cuanto a su información de salud, usted tiene derecho a:</p>"
                    "<ul>"
                    "<li>ver su expediente médico u obtener una copia;</li>"
                    "<li>pedirnos que corrijamos información que considere incorrecta o "
                    "incompleta;</li>"
                    "<li>pedirnos que nos comuniquemos con usted de una manera determinada o en "
                    "una dirección determinada;</li>"
                    "<li>pedirnos que limitemos lo que usamos o compartimos;</li>"
                    "<li>obtener una lista de las personas y entidades con quienes hemos "
                    "compartido su información;</li>"
                    "<li>obtener una copia de este aviso;</li>"
                    "<li>elegir a alguien que actúe en su nombre;</li>"
                    "<li>presentar una queja si cree que se han violado sus derechos.</li>"
                    "</ul>"
                    "<h2>Cómo podemos usar y compartir su información de salud</h2>"
                    "<p>Por lo general, usamos o compartimos su información de salud para:</p>"
                    "<ul>"
                    "<li>atenderlo, por ejemplo, compartiendo información con otros profesionales "
                    "de la salud que lo atienden;</li>"
                    "<li>administrar nuestra práctica y mejorar su atención;</li>"
                    "<li>facturar su atención y recibir el pago de planes de salud u otros "
                    "pagadores.</li>"
                    "</ul>"
                    "<p>También podemos compartir información cuando la ley lo exige o lo "
                    "permite, por ejemplo, por motivos de salud y seguridad públicas, para cumplir "
                    "la ley, para responder a demandas y acciones legales, o para prevenir una "
                    "amenaza grave para la salud o la seguridad de alguien.</p>"
                    "<h2>Nuestras responsabilidades</h2>"
                    "<ul>"
                    "<li>La ley nos exige mantener la privacidad y la seguridad de su información "
                    "de salud.</li>"
                    "<li>Le avisaremos sin demora si ocurre una violación de seguridad que pueda "
                    "haber comprometido la privacidad o la seguridad de su información.</li>"
                    "<li>Debemos seguir las prácticas descritas en este aviso y entregarle una "
                    "copia.</li>"
                    "<li>No usaremos ni compartiremos su información de otra manera que la aquí "
                    "descrita, a menos que usted nos autorice por escrito. Puede cambiar de "
                    "opinión en cualquier momento.</li>"
                    "</ul>"
                    "<h2>Cambios a este aviso</h2>"
                    "<p>Podemos cambiar los términos de este aviso, y los cambios se aplicarán a "
                    "toda la información que tengamos sobre usted. El nuevo aviso estará "
                    "disponible si lo solicita, en nuestros consultorios y en este sitio web.</p>"
                    "<h2>Preguntas y quejas</h2>"
                    "<p>Comuníquese con nuestro responsable de privacidad en privacy@example.org o "
                    "al (203) 555-0142 (datos de ejemplo en este sitio de demostración). También "
                    "puede presentar una queja ante la Oficina de Derechos Civiles del "
                    "Departamento de Salud y Servicios Humanos de los EE. UU. No tomaremos "
                    "represalias contra usted por presentar una queja.</p>"
                    "<p>Fecha de entrada en vigor: la fijará la clínica.</p>",
                ),
            ],
        },
        {
            "slug": "privacidad",
            "title": "Política de privacidad del sitio web",
            "show_in_menus": False,
            "listing_summary": "Cómo trata este sitio web la información que usted le da.",
            "seo_title": "Política de privacidad del sitio web",
            "search_description": (
                "Cómo el sitio web de Ki Ketamine recopila, usa y protege la información que le "
                "dan los visitantes, incluidas las solicitudes de cita."
            ),
            "intro": (
                "<p>Esta política explica qué información recopila este sitio web y qué hacemos "
                "con ella. La información de salud que usted comparte con nosotros como paciente "
                'también está protegida por nuestro <a linktype="page" '
                'slug="notice-of-privacy-practices">Aviso de prácticas de privacidad</a>.</p>'
            ),
            "body": [
                (
                    "paragraph",
                    "<p><i>Esta política es una plantilla para el sitio de demostración. La "
                    "clínica la revisará con su asesor de privacidad y la sustituirá antes de "
                    "publicar el sitio.</i></p>"
                    "<h2>Qué información recopilamos</h2>"
                    "<ul>"
                    "<li><b>Solicitudes de cita.</b> Cuando usted pide una cita, recibimos los "
                    "datos que escribe en el formulario, como su nombre, cómo comunicarnos con "
                    "usted y el consultorio que prefiere.</li>"
                    "<li><b>Información técnica.</b> Como la mayoría de los sitios web, nuestros "
                    "servidores registran datos técnicos básicos de cada visita, como las páginas "
                    "solicitadas y la hora, para mantener el sitio seguro y en funcionamiento.</li>"
                    "<li><b>Cookies.</b> El sitio usa solo las cookies que necesita para "
                    "funcionar, por ejemplo, para proteger los formularios contra el uso indebido "
                    "y para recordar su idioma.</li>"
                    "</ul>"
                    "<h2>Cómo la usamos</h2>"
                    "<p>Usamos las solicitudes de cita solo para comunicarnos con usted sobre su "
                    "cita. Solo las ve el personal de la clínica que se encarga de las citas, se "
                    "guardan solo el tiempo necesario y nunca se usan para publicidad. No vendemos "
                    "información personal.</p>"
                    "<h2>No envíe información médica urgente</h2>"
                    "<p>El sitio web no es el lugar para preguntas médicas ni emergencias. En una "
                    "crisis, llame o envíe un mensaje de texto al 988 (Línea de Prevención del "
                    "Suicidio y Crisis) o llame al 911.</p>"
                    "<h2>Sus opciones y preguntas</h2>"
                    "<p>Puede preguntarnos qué información tenemos sobre usted, o pedirnos que la "
                    "corrijamos o la eliminemos, escribiendo a privacy@example.org o llamando al "
                    "(203) 555-0142. (Ambos son datos de ejemplo en este sitio de "
                    "demostración.)</p>",
                ),
            ],
        },
        {
            "slug": "accesibilidad",
            "title": "Declaración de accesibilidad",
            "show_in_menus": False,
            "listing_summary": (
                "Cómo hacemos que este sitio web y nuestros consultorios sean accesibles para "
                "todos."
            ),
            "seo_title": "Declaración de accesibilidad",
            "search_description": (
                "El compromiso de Ki Ketamine con un sitio web y unos consultorios accesibles, y "
                "cómo avisarnos de una barrera."
            ),
            "intro": (
                "<p>Queremos que todas las personas puedan usar este sitio web y visitar "
                "nuestros consultorios, sean cuales sean sus capacidades o el dispositivo que "
                "usen.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<h2>Este sitio web</h2>"
                    "<p>Nuestro objetivo es cumplir las Pautas de Accesibilidad para el Contenido "
                    "Web (WCAG) 2.2 en el nivel AA. En particular, trabajamos para que:</p>"
                    "<ul>"
                    "<li>todas las páginas se puedan usar solo con el teclado y con lectores de "
                    "pantalla;</li>"
                    "<li>las imágenes con significado tengan una alternativa en texto;</li>"
                    "<li>el texto tenga suficiente contraste y se pueda ampliar sin que la página "
                    "se descomponga;</li>"
                    "<li>las páginas funcionen tanto en teléfonos como en pantallas más "
                    "grandes;</li>"
                    "<li>la información médica esté escrita en un lenguaje sencillo.</li>"
                    "</ul>"
                    "<p>Es posible que algunas partes del sitio todavía no cumplan todas las "
                    "pautas. Revisamos el sitio con regularidad y corregimos los problemas a "
                    "medida que los encontramos.</p>"
                    "<h2>Nuestros consultorios</h2>"
                    '<p>La <a linktype="page" slug="locations">página de cada consultorio</a> '
                    "describe el acceso sin escalones, el estacionamiento y otros detalles de ese "
                    "consultorio. Si necesita ayuda para asistir a una cita, díganoslo al "
                    "reservarla y haremos todo lo posible para organizarlo.</p>"
                    "<h2>Avísenos de una barrera</h2>"
                    "<p>Si algo de este sitio web es difícil de usar, o si necesita la "
                    "información en otro formato, escriba a accessibility@example.org o llame al "
                    "(203) 555-0142 (datos de ejemplo en este sitio de demostración). Indíquenos "
                    "la página y qué fue lo que falló.</p>",
                ),
            ],
        },
    ],
}

CONTENT = {"en": EN, "es": ES}
