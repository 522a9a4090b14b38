"""Demo articles for `load_demo_content`: the articles section, its topics and three posts by the
clinic's lead physician, in English and (as translations) in Spanish.

The first post retells, in the clinic's own words, the article the project started from: ketamine
infusion for chronic migraine. The other two are the short posts a clinic like this publishes: what
a first infusion visit is like, and how episodic and chronic migraine differ. Facts come from the
same sources as the clinical pages (American Migraine Foundation, FDA). The author, reviewer, dates,
references, images, topics and related pages follow the English posts, so the Spanish copy holds
only the words. Built after the conditions and treatments, which the posts link to.
"""

import datetime

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleTopic
from home.demo.helpers import (
    DEMO_LANGUAGE,
    Images,
    demo_locale,
    ensure_page,
    find_page,
    get_home_page,
    heading,
    link_pages,
    report_created,
    report_existing,
    resolve_stream,
)
from home.demo.translation import translate as translate_object
from home.demo.translation import translation_languages

AUTHOR = ("physicians", "peter-mcallister")

REFERENCES = {
    "amf": {
        "title": "Patient information on migraine prevalence and chronic migraine",
        "publisher": "American Migraine Foundation",
        "date": None,
        "url": "https://americanmigrainefoundation.org/",
    },
    "fda-ketamine-2023": {
        "title": (
            "FDA warns patients and health care providers about potential risks associated with "
            "compounded ketamine products, including oral formulations, for the treatment of "
            "psychiatric disorders"
        ),
        "publisher": "U.S. Food and Drug Administration",
        "date": datetime.date(2023, 10, 10),
        "url": "https://www.fda.gov/",
    },
    "988": {
        "title": "988 Suicide and Crisis Lifeline",
        "publisher": "988 Suicide & Crisis Lifeline",
        "date": None,
        "url": "https://988lifeline.org/",
    },
}

# The facts each post relies on, its dates and what it is about: the same in every language.
POSTS = [
    {
        "slug": "ketamine-infusion-for-chronic-migraine",
        "image": "chronic-migraine.jpg",
        "published_on": datetime.date(2026, 6, 9),
        "updated_on": datetime.date(2026, 10, 1),
        "last_reviewed": datetime.date(2026, 10, 1),
        "topics": ["migraine", "ketamine-infusion"],
        "conditions": ["chronic-migraine"],
        "treatments": ["ketamine-infusion-therapy"],
        "references": ["amf", "fda-ketamine-2023"],
    },
    {
        "slug": "your-first-ketamine-infusion",
        "image": "infusion-room.jpg",
        "published_on": datetime.date(2026, 8, 18),
        "updated_on": None,
        "last_reviewed": datetime.date(2026, 10, 1),
        "topics": ["your-visit", "ketamine-infusion"],
        "conditions": [],
        "treatments": ["ketamine-infusion-therapy"],
        "references": ["fda-ketamine-2023", "988"],
    },
    {
        "slug": "episodic-and-chronic-migraine",
        "image": "articles.jpg",
        "published_on": datetime.date(2026, 10, 13),
        "updated_on": None,
        "last_reviewed": datetime.date(2026, 10, 13),
        "topics": ["migraine"],
        "conditions": ["chronic-migraine"],
        "treatments": [],
        "references": ["amf"],
    },
]


def faq(question, answer):
    return ("faq", {"question": question, "answer": answer})


EN = {
    "index": {
        "slug": "articles",
        "title": "Articles",
        "intro": (
            "<p>Our physicians explain the conditions we treat, how ketamine infusion works and "
            "what a visit is like. Every article is medically reviewed and lists its sources.</p>"
        ),
        "listing_summary": "Articles by our physicians on migraine, ketamine infusion and visits.",
        "seo_title": "Articles by our physicians",
        "search_description": (
            "Articles by Ki Ketamine's physicians on chronic migraine, ketamine infusion therapy "
            "and what to expect at a visit, each medically reviewed, with its sources."
        ),
    },
    # Topic slug (the English one) → name and slug in this language.
    "topics": {
        "migraine": {"name": "Migraine", "slug": "migraine"},
        "ketamine-infusion": {"name": "Ketamine infusion", "slug": "ketamine-infusion"},
        "your-visit": {"name": "Your visit", "slug": "your-visit"},
    },
    "posts": [
        {
            "slug": "ketamine-infusion-for-chronic-migraine",
            "title": "Ketamine infusion for chronic migraine: what it is and how it may help",
            "listing_title": "Ketamine infusion for chronic migraine",
            "summary": (
                "When migraine comes on most days and the usual treatments have not helped, a "
                "ketamine infusion may be worth discussing. Dr. McAllister explains what the "
                "medicine does in the brain, and what a session involves."
            ),
            "listing_summary": (
                "What ketamine does in the brain, why it may help refractory chronic migraine, "
                "and what a session involves."
            ),
            "seo_title": "Ketamine infusion for chronic migraine, explained by a neurologist",
            "search_description": (
                "A neurologist explains how ketamine infusion may relieve refractory chronic "
                "migraine: glutamate, NMDA receptors, what a session is like and its FDA status."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Migraine is one of the most common illnesses there is: the American "
                    "Migraine Foundation counts about 40 million people with it in the United "
                    "States, and it ranks third among the world's most prevalent illnesses. For "
                    "some, attacks come now and then. For about one American in twenty they come "
                    "on 15 days a month or more, which is what doctors call "
                    '<a linktype="page" slug="conditions/chronic-migraine">chronic '
                    "migraine</a>.</p>"
                    "<p>Living with it means more than the pain. Nausea, a strong dislike of "
                    "light or smells, dizziness and changes in sight can fill more than half of "
                    "every month. And for some people, one treatment after another brings too "
                    "little relief. That is refractory migraine, and it is the reason our clinic "
                    "exists.</p>"
                    "<h2>From anesthetic to migraine care</h2>"
                    "<p>Ketamine was first developed as an anesthetic. Over the last years, "
                    "physicians have also used it, at lower doses, for depression, anxiety and "
                    "bipolar disorder when the usual treatments have failed, and for migraine "
                    "that has not responded to anything else.</p>"
                    "<h2>A different messenger in the brain</h2>"
                    "<p>Many antidepressants and related medicines work on serotonin and "
                    "dopamine. Ketamine works mainly on glutamate, a chemical messenger of its "
                    "own. Research links glutamate both to how a migraine attack starts and to "
                    "why the symptoms last. Helping the brain keep glutamate in balance is "
                    "likely one of the ways an infusion brings relief.</p>"
                    "<h2>Turning down an oversensitive pain system</h2>"
                    "<p>Nerve cells pick up chemical signals through receptors, which work a "
                    "little like locks that only the right key opens. Most pain medicines act on "
                    "opioid receptors. Ketamine acts instead on NMDA receptors, which make the "
                    "nervous system more and more responsive to pain. In chronic migraine the "
                    "brain has become oversensitive to pain signals; by blocking these "
                    "receptors, ketamine may calm that sensitivity.</p>"
                    "<p>Researchers are still working out exactly how ketamine relieves "
                    "migraine, and it does not help everyone. That is why a physician looks at "
                    "your whole history first.</p>"
                    "<h2>What a session is like</h2>"
                    "<p>The medicine runs in slowly through a thin IV line in your arm while you "
                    "sit back and rest. Our staff stay with you for the whole session, and our "
                    'therapy dog is happy to keep you company. <a linktype="page" '
                    'slug="articles/your-first-ketamine-infusion">What to expect at your first '
                    "infusion</a> goes through a visit step by step.</p>"
                    "<h2>Is it FDA-approved?</h2>"
                    "<p>No. Ketamine is approved by the FDA as an anesthetic; using it for "
                    "migraine is off-label, a decision your physician will explain with you. In "
                    "2023 the FDA also cautioned against compounded and at-home ketamine "
                    "products: infusions belong in a clinic, under supervision.</p>",
                ),
            ],
            "faqs": [
                faq(
                    "Who might be a candidate for ketamine infusion?",
                    "<p>People whose chronic migraine has not responded to the usual "
                    "treatments. A physician reviews your history, the treatments you have "
                    "tried and your medicines before deciding with you.</p>",
                ),
                faq(
                    "How do I find out whether it could help me?",
                    "<p>Request an appointment online or by phone with our Stamford or Westport "
                    "office.</p>",
                ),
            ],
        },
        {
            "slug": "your-first-ketamine-infusion",
            "title": "What to expect at your first ketamine infusion",
            "listing_title": "",
            "summary": (
                "A first infusion raises questions: how long it takes, how it feels, who stays "
                "with you. Here is a visit to our office from arrival to going home."
            ),
            "listing_summary": (
                "A first infusion visit from arrival to going home: the IV line, the infusion, "
                "rest and who looks after you."
            ),
            "seo_title": "Your first ketamine infusion: what to expect, step by step",
            "search_description": (
                "What happens at a first ketamine infusion at Ki Ketamine in Stamford and "
                "Westport: before you come, the IV line, the infusion, rest and going home."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Before any infusion you meet one of our physicians. You talk through "
                    "your history, the treatments you have tried and the medicines you take, "
                    "and decide together whether ketamine infusion makes sense for you.</p>"
                    "<h2>Before you come</h2>"
                    "<ul>"
                    "<li>Arrange for someone to take you home afterwards: you should not drive "
                    "for the rest of the day.</li>"
                    "<li>Bring a list of your medicines and supplements.</li>"
                    "<li>Keep taking your usual medicines unless your physician tells you "
                    "otherwise.</li>"
                    "</ul>"
                    "<h2>At the office</h2>"
                    "<p>A member of staff welcomes you, asks how you have been and checks your "
                    "blood pressure. A thin IV line is then placed in a vein in your arm, and "
                    "you settle into a reclining chair in a private room.</p>"
                    "<p>The medicine runs in slowly while you rest. Some people close their "
                    "eyes or listen to quiet music. Staff supervise you for the whole session "
                    "and check on you often.</p>",
                ),
                (
                    "image",
                    {
                        "image": "therapy-dog.jpg",
                        "caption": "Our therapy dog is there to keep you company if you wish.",
                    },
                ),
                (
                    "paragraph",
                    "<h2>How it may feel</h2>"
                    "<p>During the infusion you may feel detached or dreamlike, a little dizzy "
                    "or sick. These effects usually fade soon after the infusion ends. Tell "
                    "staff at any time if something feels wrong.</p>"
                    "<h2>Afterwards</h2>"
                    "<p>You rest until the effects have worn off and staff are satisfied you "
                    "are ready to go. Plan on spending a few hours with us in all. Read more "
                    'about <a linktype="page" slug="treatments/ketamine-infusion-therapy">'
                    "ketamine infusion therapy</a>, its side effects and who should not have "
                    "it.</p>",
                ),
            ],
            "faqs": [
                faq(
                    "Can I drive home after an infusion?",
                    "<p>No. Someone you know should take you home, and you should not drive "
                    "for the rest of the day.</p>",
                ),
                faq(
                    "Will someone be with me the whole time?",
                    "<p>Yes. Our staff supervise every session from start to finish.</p>",
                ),
            ],
        },
        {
            "slug": "episodic-and-chronic-migraine",
            "title": "Episodic or chronic migraine: what the difference means for you",
            "listing_title": "Episodic or chronic migraine?",
            "summary": (
                "Whether migraine is episodic or chronic depends on how many days a month it "
                "takes from you. Knowing which one you have helps you and your physician "
                "choose what to try next."
            ),
            "listing_summary": (
                "How many headache days a month separate episodic from chronic migraine, and "
                "why it matters."
            ),
            "seo_title": "Episodic vs. chronic migraine: the difference and why it matters",
            "search_description": (
                "Episodic migraine comes now and then; chronic migraine means headache on 15 or "
                "more days a month. What the difference means for treatment."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Most people with migraine have attacks now and then, with clear days "
                    "in between. Doctors call this episodic migraine. When headache comes on "
                    "15 days a month or more, it is called chronic migraine.</p>",
                ),
                (
                    "key_facts",
                    {
                        "heading": "Migraine in numbers",
                        "facts": [
                            {
                                "figure": "40 million",
                                "label": "people in the United States have migraine.",
                                "source_title": "American Migraine Foundation",
                                "source_url": "https://americanmigrainefoundation.org/",
                            },
                            {
                                "figure": "≈5%",
                                "label": "of Americans have chronic migraine.",
                                "source_title": "American Migraine Foundation",
                                "source_url": "https://americanmigrainefoundation.org/",
                            },
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<h2>Why the count matters</h2>"
                    "<p>With chronic migraine, pain, nausea, sensitivity to light or smells and "
                    "dizziness can take up more than half of every month. Counting your "
                    "headache days in a diary shows your physician the pattern, and whether "
                    "treatment is working.</p>"
                    "<h2>When treatments stop helping</h2>"
                    "<p>Migraine that has not responded to the usual treatments is called "
                    "refractory. If that sounds like yours, read about "
                    '<a linktype="page" slug="conditions/chronic-migraine">chronic '
                    "migraine</a> and when our physicians consider ketamine infusion.</p>",
                ),
            ],
            "faqs": [
                faq(
                    "Can episodic migraine become chronic?",
                    "<p>Headache days can become more frequent over time. Keep a headache "
                    "diary and tell your physician if they increase.</p>",
                ),
            ],
        },
    ],
}

ES = {
    "index": {
        "slug": "articulos",
        "title": "Artículos",
        "intro": (
            "<p>Nuestros médicos explican las afecciones que tratamos, cómo funciona la infusión "
            "de ketamina y cómo es una visita. Cada artículo tiene revisión médica e indica sus "
            "fuentes.</p>"
        ),
        "listing_summary": (
            "Artículos de nuestros médicos sobre la migraña, la infusión de ketamina y las visitas."
        ),
        "seo_title": "Artículos de nuestros médicos",
        "search_description": (
            "Artículos de los médicos de Ki Ketamine sobre la migraña crónica, la terapia de "
            "infusión de ketamina y qué esperar de una visita, con revisión médica y fuentes."
        ),
    },
    "topics": {
        "migraine": {"name": "Migraña", "slug": "migrana"},
        "ketamine-infusion": {"name": "Infusión de ketamina", "slug": "infusion-de-ketamina"},
        "your-visit": {"name": "Su visita", "slug": "su-visita"},
    },
    "posts": [
        {
            "slug": "infusion-de-ketamina-para-la-migrana-cronica",
            "title": "Infusión de ketamina para la migraña crónica: qué es y cómo puede ayudar",
            "listing_title": "Infusión de ketamina para la migraña crónica",
            "summary": (
                "Cuando la migraña aparece casi todos los días y los tratamientos habituales no "
                "han ayudado, puede valer la pena hablar de una infusión de ketamina. El Dr. "
                "McAllister explica qué hace el medicamento en el cerebro y en qué consiste una "
                "sesión."
            ),
            "listing_summary": (
                "Qué hace la ketamina en el cerebro, por qué puede ayudar en la migraña crónica "
                "refractaria y en qué consiste una sesión."
            ),
            "seo_title": "Infusión de ketamina para la migraña crónica, explicada por un neurólogo",
            "search_description": (
                "Un neurólogo explica cómo la infusión de ketamina puede aliviar la migraña "
                "crónica refractaria: el glutamato, los receptores NMDA, cómo es una sesión y su "
                "situación ante la FDA."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>La migraña es una de las enfermedades más frecuentes: según la American "
                    "Migraine Foundation, unos 40 millones de personas la padecen en los Estados "
                    "Unidos, y ocupa el tercer lugar entre las enfermedades más prevalentes del "
                    "mundo. Algunas personas tienen crisis de vez en cuando. Para cerca de uno de "
                    "cada veinte estadounidenses aparecen 15 días al mes o más, lo que los "
                    'médicos llaman <a linktype="page" slug="conditions/chronic-migraine">'
                    "migraña crónica</a>.</p>"
                    "<p>Vivir con ella es más que el dolor. Las náuseas, el rechazo intenso a la "
                    "luz o a los olores, el mareo y los cambios en la vista pueden ocupar más de "
                    "la mitad de cada mes. Y para algunas personas, un tratamiento tras otro "
                    "alivia demasiado poco. Eso es la migraña refractaria, y es la razón de ser "
                    "de nuestra clínica.</p>"
                    "<h2>De anestésico a tratamiento de la migraña</h2>"
                    "<p>La ketamina se desarrolló primero como anestésico. En los últimos años, "
                    "los médicos también la han usado, en dosis más bajas, para la depresión, la "
                    "ansiedad y el trastorno bipolar cuando los tratamientos habituales han "
                    "fallado, y para la migraña que no ha respondido a nada más.</p>"
                    "<h2>Otro mensajero en el cerebro</h2>"
                    "<p>Muchos antidepresivos y medicamentos parecidos actúan sobre la serotonina "
                    "y la dopamina. La ketamina actúa sobre todo sobre el glutamato, un mensajero "
                    "químico distinto. La investigación relaciona el glutamato tanto con el "
                    "inicio de una crisis de migraña como con la persistencia de los síntomas. "
                    "Ayudar al cerebro a mantener el glutamato en equilibrio es probablemente una "
                    "de las formas en que la infusión alivia.</p>"
                    "<h2>Calmar un sistema del dolor demasiado sensible</h2>"
                    "<p>Las neuronas captan las señales químicas mediante receptores, que "
                    "funcionan un poco como cerraduras que solo abre la llave adecuada. La "
                    "mayoría de los analgésicos actúan sobre los receptores opioides. La "
                    "ketamina actúa en cambio sobre los receptores NMDA, que hacen que el sistema "
                    "nervioso responda cada vez más al dolor. En la migraña crónica el cerebro se "
                    "ha vuelto demasiado sensible a las señales de dolor; al bloquear estos "
                    "receptores, la ketamina puede calmar esa sensibilidad.</p>"
                    "<p>Los investigadores todavía estudian cómo alivia exactamente la ketamina "
                    "la migraña, y no ayuda a todas las personas. Por eso un médico revisa antes "
                    "toda su historia clínica.</p>"
                    "<h2>Cómo es una sesión</h2>"
                    "<p>El medicamento entra lentamente por una vía intravenosa fina en el brazo "
                    "mientras usted se recuesta y descansa. Nuestro personal lo acompaña durante "
                    "toda la sesión, y nuestro perro de terapia le hace compañía con gusto. "
                    '<a linktype="page" slug="articles/your-first-ketamine-infusion">Qué esperar '
                    "de su primera infusión</a> describe una visita paso a paso.</p>"
                    "<h2>¿Está aprobada por la FDA?</h2>"
                    "<p>No. La FDA aprobó la ketamina como anestésico; usarla para la migraña es "
                    "un uso fuera de etiqueta, una decisión que su médico le explicará. En 2023 "
                    "la FDA también advirtió contra los productos de ketamina compuestos y de uso "
                    "en casa: las infusiones deben darse en una clínica, con supervisión.</p>",
                ),
            ],
            "faqs": [
                faq(
                    "¿Quién podría ser candidato a una infusión de ketamina?",
                    "<p>Las personas cuya migraña crónica no ha respondido a los tratamientos "
                    "habituales. Un médico revisa su historia clínica, los tratamientos que ha "
                    "probado y sus medicamentos antes de decidir con usted.</p>",
                ),
                faq(
                    "¿Cómo sé si podría ayudarme?",
                    "<p>Pida una cita en línea o por teléfono en nuestro consultorio de Stamford "
                    "o de Westport.</p>",
                ),
            ],
        },
        {
            "slug": "su-primera-infusion-de-ketamina",
            "title": "Qué esperar de su primera infusión de ketamina",
            "listing_title": "",
            "summary": (
                "Una primera infusión despierta preguntas: cuánto dura, qué se siente, quién se "
                "queda con usted. Así es una visita a nuestro consultorio, desde la llegada "
                "hasta la vuelta a casa."
            ),
            "listing_summary": (
                "Una primera visita de infusión desde la llegada hasta la vuelta a casa: la vía "
                "intravenosa, la infusión, el descanso y quién lo cuida."
            ),
            "seo_title": "Su primera infusión de ketamina: qué esperar, paso a paso",
            "search_description": (
                "Qué ocurre en una primera infusión de ketamina en Ki Ketamine, en Stamford y "
                "Westport: antes de venir, la vía intravenosa, la infusión, el descanso y la "
                "vuelta a casa."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Antes de cualquier infusión usted se reúne con uno de nuestros médicos. "
                    "Hablan de su historia clínica, de los tratamientos que ha probado y de los "
                    "medicamentos que toma, y deciden juntos si la infusión de ketamina tiene "
                    "sentido para usted.</p>"
                    "<h2>Antes de venir</h2>"
                    "<ul>"
                    "<li>Organice que alguien lo lleve a casa después: no debe conducir el resto "
                    "del día.</li>"
                    "<li>Traiga una lista de sus medicamentos y suplementos.</li>"
                    "<li>Siga tomando sus medicamentos habituales, salvo que su médico le indique "
                    "otra cosa.</li>"
                    "</ul>"
                    "<h2>En el consultorio</h2>"
                    "<p>Un miembro del personal lo recibe, le pregunta cómo ha estado y le toma "
                    "la presión arterial. Después se coloca una vía intravenosa fina en una vena "
                    "del brazo, y usted se acomoda en un sillón reclinable en una sala "
                    "privada.</p>"
                    "<p>El medicamento entra lentamente mientras usted descansa. Algunas personas "
                    "cierran los ojos o escuchan música tranquila. El personal lo supervisa "
                    "durante toda la sesión y lo revisa a menudo.</p>",
                ),
                (
                    "image",
                    {
                        "image": "therapy-dog.jpg",
                        "caption": "Nuestro perro de terapia puede hacerle compañía si lo desea.",
                    },
                ),
                (
                    "paragraph",
                    "<h2>Qué puede sentir</h2>"
                    "<p>Durante la infusión puede sentirse desconectado o como en un sueño, algo "
                    "mareado o con náuseas. Estos efectos suelen desaparecer poco después de "
                    "terminar la infusión. Avise al personal en cualquier momento si algo no va "
                    "bien.</p>"
                    "<h2>Después</h2>"
                    "<p>Usted descansa hasta que los efectos pasan y el personal considera que "
                    "está listo para irse. Cuente con pasar unas horas con nosotros en total. "
                    'Lea más sobre la <a linktype="page" '
                    'slug="treatments/ketamine-infusion-therapy">terapia de infusión de '
                    "ketamina</a>, sus efectos secundarios y quién no debe recibirla.</p>",
                ),
            ],
            "faqs": [
                faq(
                    "¿Puedo conducir de vuelta a casa después de una infusión?",
                    "<p>No. Alguien de confianza debe llevarlo a casa, y no debe conducir el "
                    "resto del día.</p>",
                ),
                faq(
                    "¿Habrá alguien conmigo todo el tiempo?",
                    "<p>Sí. Nuestro personal supervisa cada sesión de principio a fin.</p>",
                ),
            ],
        },
        {
            "slug": "migrana-episodica-y-cronica",
            "title": "Migraña episódica o crónica: qué significa la diferencia para usted",
            "listing_title": "¿Migraña episódica o crónica?",
            "summary": (
                "Que la migraña sea episódica o crónica depende de cuántos días al mes le quita. "
                "Saber cuál tiene ayuda a usted y a su médico a elegir qué probar a "
                "continuación."
            ),
            "listing_summary": (
                "Cuántos días de dolor de cabeza al mes separan la migraña episódica de la "
                "crónica, y por qué importa."
            ),
            "seo_title": "Migraña episódica o crónica: la diferencia y por qué importa",
            "search_description": (
                "La migraña episódica aparece de vez en cuando; la crónica supone dolor de "
                "cabeza 15 días al mes o más. Qué significa la diferencia para el tratamiento."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>La mayoría de las personas con migraña tienen crisis de vez en cuando, "
                    "con días sin dolor entre una y otra. Los médicos llaman a esto migraña "
                    "episódica. Cuando el dolor de cabeza aparece 15 días al mes o más, se llama "
                    "migraña crónica.</p>",
                ),
                (
                    "key_facts",
                    {
                        "heading": "La migraña en cifras",
                        "facts": [
                            {
                                "figure": "40 millones",
                                "label": "de personas tienen migraña en los Estados Unidos.",
                                "source_title": "American Migraine Foundation",
                                "source_url": "https://americanmigrainefoundation.org/",
                            },
                            {
                                "figure": "≈5 %",
                                "label": "de los estadounidenses tienen migraña crónica.",
                                "source_title": "American Migraine Foundation",
                                "source_url": "https://americanmigrainefoundation.org/",
                            },
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<h2>Por qué importa contar</h2>"
                    "<p>Con la migraña crónica, el dolor, las náuseas, la sensibilidad a la luz o "
                    "a los olores y el mareo pueden ocupar más de la mitad de cada mes. Anotar "
                    "sus días de dolor de cabeza en un diario muestra a su médico el patrón, y si "
                    "el tratamiento funciona.</p>"
                    "<h2>Cuando los tratamientos dejan de ayudar</h2>"
                    "<p>La migraña que no ha respondido a los tratamientos habituales se llama "
                    "refractaria. Si le parece que es su caso, lea sobre la "
                    '<a linktype="page" slug="conditions/chronic-migraine">migraña '
                    "crónica</a> y cuándo nuestros médicos consideran la infusión de "
                    "ketamina.</p>",
                ),
            ],
            "faqs": [
                faq(
                    "¿Puede la migraña episódica volverse crónica?",
                    "<p>Los días de dolor de cabeza pueden hacerse más frecuentes con el tiempo. "
                    "Lleve un diario del dolor de cabeza y avise a su médico si aumentan.</p>",
                ),
            ],
        },
    ],
}

CONTENT = {"en": EN, "es": ES}


def index_fields(copy):
    return {
        "title": copy["title"],
        "intro": link_pages(copy["intro"]),
        "listing_summary": copy["listing_summary"],
        "seo_title": copy["seo_title"],
        "search_description": copy["search_description"],
    }


def post_words(copy, images):
    """The words of a post: what a translation translates."""
    return {
        "title": copy["title"],
        "listing_title": copy["listing_title"],
        "listing_summary": copy["listing_summary"],
        "seo_title": copy["seo_title"],
        "search_description": copy["search_description"],
        "summary": copy["summary"],
        "body": resolve_stream(copy["body"], images),
        "faqs": resolve_stream(copy["faqs"], images),
    }


def build(command):
    """The articles section, its topics and the posts, in the demo language."""
    copy = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    heading(command, "Articles")
    home = get_home_page()
    if home is None:
        raise LookupError("The home page does not exist yet: run home.demo.build_site first.")
    index, _created = ensure_page(
        command,
        home,
        ArticleIndexPageFactory,
        copy["index"]["slug"],
        show_in_menus=True,
        listing_image=images["articles.jpg"],
        **index_fields(copy["index"]),
    )
    topics = {key: build_topic(command, words) for key, words in copy["topics"].items()}
    author = find_page(*AUTHOR)
    # The newest first, so that an older post's links to newer ones find them.
    for facts, words in reversed(list(zip(POSTS, copy["posts"], strict=True))):
        image = images[facts["image"]]
        ensure_page(
            command,
            index,
            ArticlePageFactory,
            facts["slug"],
            **post_words(words, images),
            image=image,
            listing_image=image,
            author=author,
            reviewed_by=author,
            published_on=facts["published_on"],
            updated_on=facts["updated_on"],
            last_reviewed=facts["last_reviewed"],
            references=[("reference", REFERENCES[key]) for key in facts["references"]],
            topics=[topics[key] for key in facts["topics"]],
            conditions=[find_page("conditions", slug) for slug in facts["conditions"]],
            treatments=[find_page("treatments", slug) for slug in facts["treatments"]],
        )
    return index


def build_topic(command, words):
    locale_topics = ArticleTopic.objects.filter(locale__language_code=DEMO_LANGUAGE)
    topic = locale_topics.filter(slug=words["slug"]).first()
    if topic is not None:
        report_existing(command, "snippet", f"article topic {topic.name}")
        return topic
    topic = ArticleTopic.objects.create(locale=demo_locale(), **words)
    report_created(command, "snippet", f"article topic {topic.name}")
    return topic


def translate(command):
    """The articles section, topics and posts in each other language the copy is written in, as
    translations of the English ones (after the conditions and treatments they link to)."""
    source = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    for language in translation_languages(CONTENT, DEMO_LANGUAGE):
        copy = CONTENT[language]
        heading(command, f"Articles in {language}")
        index = find_page(source["index"]["slug"])
        words = {"slug": copy["index"]["slug"], **index_fields(copy["index"])}
        translate_object(command, index, words, language)
        for key, original in source["topics"].items():
            topic = ArticleTopic.objects.get(
                locale__language_code=DEMO_LANGUAGE, slug=original["slug"]
            )
            translate_object(
                command, topic, copy["topics"][key], language, label=f"article topic {topic}"
            )
        for original, translated in zip(source["posts"], copy["posts"], strict=True):
            page = find_page(source["index"]["slug"], original["slug"])
            words = {"slug": translated["slug"], **post_words(translated, images)}
            translate_object(command, page, words, language)
