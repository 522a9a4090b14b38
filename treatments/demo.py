"""Demo conditions and treatment for `load_demo_content`.

Written from what the clinic has published: the migraine figures come from the American Migraine
Foundation, the regulatory facts from the FDA. The other conditions are described modestly, and
every clinical page says that a physician decides with the patient. Copy is kept per language in
`CONTENT`: the English copy builds the pages, the Spanish copy their translations (`translate`),
string for string. The reviewer, review date, references, images and relations follow the English
pages, so the Spanish copy holds only the words.
"""

import datetime

from home.demo import (
    DEMO_LANGUAGE,
    Images,
    ensure_page,
    find_page,
    heading,
    link_pages,
    resolve_stream,
    translation_languages,
)
from home.demo import translate as translate_page
from treatments.factories import ConditionPageFactory, TreatmentPageFactory

# The date the clinic's physician last reviewed the demo's clinical pages.
LAST_REVIEWED = datetime.date(2026, 10, 1)
REVIEWER = ("physicians", "peter-mcallister")

AMF_URL = "https://americanmigrainefoundation.org/"

REFERENCES = {
    "amf": {
        "title": "Patient information on migraine prevalence and chronic migraine",
        "publisher": "American Migraine Foundation",
        "date": None,
        "url": AMF_URL,
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
    "fda-esketamine-2019": {
        "title": "FDA approval of esketamine nasal spray (Spravato) for treatment-resistant depression",
        "publisher": "U.S. Food and Drug Administration",
        "date": datetime.date(2019, 3, 5),
        "url": "https://www.fda.gov/",
    },
    "988": {
        "title": "988 Suicide and Crisis Lifeline",
        "publisher": "988 Suicide & Crisis Lifeline",
        "date": None,
        "url": "https://988lifeline.org/",
    },
}

CRISIS_PARAGRAPH = (
    "<h2>If you are in crisis</h2>"
    "<p>If you are thinking about suicide or feel unsafe, do not wait for an appointment: call or "
    "text <b>988</b> to reach the Suicide &amp; Crisis Lifeline, or call <b>911</b>.</p>"
)

KEEP_YOUR_CARE_PARAGRAPH = (
    "<h2>Keep your current care</h2>"
    "<p>Please do not stop or change any medicine without talking to the clinician who "
    "prescribed it. Ketamine infusion, if it is right for you, is one part of your care, not a "
    "replacement for it.</p>"
)

FIND_AN_OFFICE = (
    "call_to_action",
    {
        "heading": "Talk to a physician about your options",
        "text": (
            "Request an appointment online or call the office nearest to you. A physician will "
            "go through your history and decide with you what makes sense."
        ),
        "button_label": "Find an office",
        "page": "locations",
    },
)

NOT_FDA_APPROVED = (
    "<p>No. Ketamine is FDA-approved as an anesthetic. Using it for {condition} is off-label, "
    "which means a physician prescribes an approved medicine for a use the FDA has not approved. "
    "Your physician will explain what this means for you before you decide.</p>"
)


def faq(question, answer):
    return ("faq", {"question": question, "answer": answer})


EN = {
    "conditions": [
        {
            "slug": "chronic-migraine",
            "title": "Chronic migraine",
            "image": "chronic-migraine.jpg",
            "summary": (
                "Chronic migraine means headache on 15 or more days a month, often with nausea "
                "and a strong sensitivity to light or smells. When it has not responded to the "
                "usual treatments, our physicians may consider ketamine infusion therapy."
            ),
            "listing_summary": (
                "Headache on 15 or more days a month. What it is, and when ketamine infusion may "
                "be considered."
            ),
            "seo_title": "Chronic and refractory migraine: symptoms and ketamine infusion",
            "search_description": (
                "What chronic and refractory migraine are, their symptoms, how common they are, "
                "and when ketamine infusion therapy may be considered."
            ),
            "overview": (
                "<p>Migraine is a neurological condition that causes attacks of severe or "
                "throbbing head pain, often with other symptoms such as nausea and a strong "
                "sensitivity to light or smells. It is very common and can be hard to relieve and "
                "to prevent.</p>"
                "<h2>Episodic and chronic migraine</h2>"
                "<p>Many people have migraine attacks now and then; this is called episodic "
                "migraine. When headache comes on 15 or more days a month, it is called chronic "
                "migraine. Symptoms on more than half the days of every month can make work, "
                "family life and plans very hard to keep up with.</p>"
                "<h2>Refractory migraine</h2>"
                "<p>Migraine that has not responded to the usual treatments is called refractory. "
                "This is the kind of migraine our headache-medicine work focuses on, and where "
                "ketamine infusion may have a place.</p>"
            ),
            "symptoms": [
                "Severe or throbbing head pain",
                "Nausea",
                "Strong sensitivity to light",
                "Strong sensitivity to smells",
                "Dizziness",
                "Changes in vision",
            ],
            "key_facts": [
                {
                    "figure": "40 million",
                    "label": "people in the United States have migraine.",
                    "source_title": "American Migraine Foundation",
                    "source_url": AMF_URL,
                },
                {
                    "figure": "3rd",
                    "label": "Migraine is ranked the third most prevalent illness in the world.",
                    "source_title": "American Migraine Foundation",
                    "source_url": AMF_URL,
                },
                {
                    "figure": "≈5%",
                    "label": (
                        "of Americans have chronic migraine, with headache on 15 or more days a "
                        "month."
                    ),
                    "source_title": "American Migraine Foundation",
                    "source_url": AMF_URL,
                },
            ],
            "who_it_affects": (
                "<p>About 40 million people in the United States have migraine, according to the "
                "American Migraine Foundation, and migraine is ranked the third most prevalent "
                "illness in the world. About 5% of Americans have chronic migraine.</p>"
                "<p>Our physicians see people whose migraine has not responded to the treatments "
                "they have tried, often after years of attacks.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>Our physicians may consider ketamine infusion therapy when chronic migraine "
                "has not responded to the usual treatments. Ketamine acts on glutamate, a "
                "chemical messenger that plays a part in starting migraine attacks and keeping "
                "symptoms going, and it blocks NMDA receptors, which make the brain more "
                "sensitive to pain. Many pain medicines work on opioid receptors instead. How "
                "exactly ketamine relieves migraine is still being studied.</p>"
                "<p>At your first visit a physician goes through your history and the treatments "
                "you have tried, checks whether ketamine is safe for you, and decides with you "
                "whether to try it.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<h2>Preparing for your first visit</h2>"
                    "<p>It helps to bring:</p>"
                    "<ul>"
                    "<li>a list of the migraine treatments you have tried, and how they worked "
                    "for you;</li>"
                    "<li>a list of all the medicines and supplements you take now;</li>"
                    "<li>a headache diary, if you keep one: the days you had headache and what "
                    "came with it.</li>"
                    "</ul>",
                ),
                (
                    "image",
                    {
                        "image": "articles.jpg",
                        "caption": "A headache diary helps your physician see the pattern.",
                    },
                ),
                FIND_AN_OFFICE,
            ],
            "faqs": [
                faq(
                    "What is the difference between episodic and chronic migraine?",
                    "<p>Episodic migraine means attacks now and then. Chronic migraine means "
                    "headache on 15 or more days a month. About 5% of Americans have chronic "
                    "migraine.</p>",
                ),
                faq(
                    "What does refractory migraine mean?",
                    "<p>Migraine that has not responded to the usual treatments. If you have "
                    "tried several treatments without enough relief, a physician can look at "
                    "what else may help.</p>",
                ),
                faq(
                    "Is ketamine infusion FDA-approved for migraine?",
                    NOT_FDA_APPROVED.format(condition="migraine"),
                ),
                faq(
                    "How do I find out whether ketamine infusion could help me?",
                    "<p>Request an appointment online or by phone. A physician will go through "
                    "your history and the treatments you have tried, and decide with you whether "
                    "ketamine infusion is worth trying.</p>",
                ),
            ],
            "references": ["amf", "fda-ketamine-2023"],
        },
        {
            "slug": "treatment-resistant-depression",
            "title": "Treatment-resistant depression",
            "image": "depression.jpg",
            "summary": (
                "Depression is called treatment-resistant when it has not improved enough with "
                "the usual treatments. Our physicians may then consider ketamine infusion "
                "therapy, as one part of your care."
            ),
            "listing_summary": (
                "Depression that has not improved enough with the usual treatments, and when "
                "ketamine infusion may be considered."
            ),
            "seo_title": "Treatment-resistant depression and ketamine infusion",
            "search_description": (
                "What treatment-resistant depression is and when a physician may consider "
                "ketamine infusion therapy, at Ki Ketamine in Stamford and Westport, CT."
            ),
            "overview": (
                "<p>Depression is more than feeling low for a while. It is a medical condition "
                "that affects mood, thinking, sleep and energy, and the ability to enjoy things, "
                "and it can make everyday life very hard.</p>"
                "<p>Many people feel better with talking therapy, medicines or both. When "
                "depression has not improved enough after trying the usual treatments, it is "
                "called treatment-resistant depression.</p>"
            ),
            "symptoms": [
                "Low or empty mood most of the day",
                "Loss of interest or pleasure in things you used to enjoy",
                "Changes in sleep or appetite",
                "Tiredness and low energy",
                "Difficulty concentrating or making decisions",
                "Feelings of worthlessness or guilt",
                "Thoughts of death or suicide",
            ],
            "key_facts": [],
            "who_it_affects": (
                "<p>Depression can affect anyone, at any age and from any background. "
                "Treatment-resistant depression describes people whose depression has not "
                "responded well enough to the treatments they have tried. It does not mean that "
                "nothing can help.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>In recent years ketamine has also been used for depression when the usual "
                "treatments have not worked. Many antidepressants act on serotonin and dopamine; "
                "ketamine acts on glutamate, a different chemical messenger in the brain.</p>"
                "<p>A physician will review your diagnosis, the treatments you have tried and the "
                "medicines you take, check whether ketamine is safe for you, and decide with you "
                "whether to try it. Ketamine is not FDA-approved for depression, so its use is "
                "off-label.</p>"
                "<p>A related medicine, esketamine nasal spray (Spravato), is FDA-approved for "
                "treatment-resistant depression and is given under supervision in certified "
                "clinics. Your physician can explain how it differs from ketamine infusion.</p>"
            ),
            "body": [
                ("paragraph", CRISIS_PARAGRAPH + KEEP_YOUR_CARE_PARAGRAPH),
                FIND_AN_OFFICE,
            ],
            "faqs": [
                faq(
                    "What does treatment-resistant mean?",
                    "<p>That depression has not improved enough with the usual treatments, such "
                    "as antidepressant medicines and talking therapy. It does not mean that "
                    "nothing can help.</p>",
                ),
                faq(
                    "Is ketamine infusion FDA-approved for depression?",
                    NOT_FDA_APPROVED.format(condition="depression"),
                ),
                faq(
                    "Is ketamine infusion the same as Spravato?",
                    "<p>No. Spravato is esketamine, a related medicine given as a nasal spray. "
                    "The FDA approved it in 2019 for treatment-resistant depression, to be used "
                    "under supervision in a certified clinic. Ketamine infusion is a different "
                    "medicine given through an IV line.</p>",
                ),
                faq(
                    "Should I stop my antidepressant before I start?",
                    "<p>No. Do not stop or change any medicine on your own. Your physician will "
                    "review everything you take and tell you if anything needs to change.</p>",
                ),
                faq(
                    "What should I do if I am in crisis?",
                    "<p>Call or text 988 to reach the Suicide &amp; Crisis Lifeline, or call 911. "
                    "Do not wait for an appointment.</p>",
                ),
            ],
            "references": ["fda-esketamine-2019", "fda-ketamine-2023", "988"],
        },
        {
            "slug": "anxiety",
            "title": "Anxiety",
            "image": "anxiety.jpg",
            "summary": (
                "Anxiety disorders cause worry or fear that is hard to control and gets in the "
                "way of daily life. When the usual treatments have not helped, our physicians "
                "may consider ketamine infusion therapy."
            ),
            "listing_summary": (
                "Worry or fear that is hard to control, and when ketamine infusion may be "
                "considered."
            ),
            "seo_title": "Anxiety and ketamine infusion",
            "search_description": (
                "What anxiety disorders are and when a physician may consider ketamine infusion "
                "therapy after the usual treatments have not helped."
            ),
            "overview": (
                "<p>Everyone feels anxious at times. An anxiety disorder is different: the worry "
                "or fear is strong, lasts, and gets in the way of work, relationships or daily "
                "life. There are several kinds, such as generalized anxiety disorder, panic "
                "disorder and social anxiety disorder.</p>"
                "<p>Talking therapy and medicines help many people. For some, anxiety continues "
                "despite trying them.</p>"
            ),
            "symptoms": [
                "Worry that is hard to control",
                "Feeling restless or on edge",
                "Trouble sleeping",
                "Difficulty concentrating",
                "Muscle tension",
                "A racing heart, sweating or shortness of breath",
                "Avoiding situations that bring on fear",
            ],
            "key_facts": [],
            "who_it_affects": (
                "<p>Anxiety disorders can affect anyone, at any age, and they often occur "
                "together with depression. Many people find relief with the usual treatments; "
                "for some, anxiety continues despite them.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>In recent years ketamine has also been used for anxiety when the usual "
                "treatments have not worked. It is not a first treatment for anxiety, and it is "
                "considered alongside ongoing care such as therapy, not instead of it.</p>"
                "<p>A physician will review your history, the treatments you have tried and the "
                "medicines you take, check whether ketamine is safe for you, and decide with you "
                "whether to try it. Ketamine is not FDA-approved for anxiety, so its use is "
                "off-label.</p>"
            ),
            "body": [
                ("paragraph", KEEP_YOUR_CARE_PARAGRAPH + CRISIS_PARAGRAPH),
                FIND_AN_OFFICE,
            ],
            "faqs": [
                faq(
                    "Is ketamine a first treatment for anxiety?",
                    "<p>No. Talking therapy and medicines come first. Ketamine infusion may be "
                    "considered when they have not helped enough, and a physician decides with "
                    "you whether it is appropriate.</p>",
                ),
                faq(
                    "Is ketamine infusion FDA-approved for anxiety?",
                    NOT_FDA_APPROVED.format(condition="anxiety"),
                ),
                faq(
                    "Will I keep seeing my therapist?",
                    "<p>Yes, we encourage it. Ketamine infusion, if it is right for you, is one "
                    "part of your care and is meant to sit alongside the support you already "
                    "have.</p>",
                ),
                faq(
                    "What if I feel anxious during the infusion?",
                    "<p>Some people find the feeling of detachment during an infusion unusual or "
                    "unsettling. Your physician will explain what to expect beforehand, and staff "
                    "stay with you for the whole session.</p>",
                ),
            ],
            "references": ["fda-ketamine-2023", "988"],
        },
        {
            "slug": "bipolar-depression",
            "title": "Bipolar depression",
            "image": "bipolar-depression.jpg",
            "summary": (
                "Bipolar depression is the low phase of bipolar disorder. When it has not "
                "improved with the usual treatments, our physicians may consider ketamine "
                "infusion therapy, with careful attention to the risks."
            ),
            "listing_summary": (
                "The low phase of bipolar disorder, and when ketamine infusion may be considered."
            ),
            "seo_title": "Bipolar depression and ketamine infusion",
            "search_description": (
                "What bipolar depression is and when a physician may consider ketamine infusion "
                "therapy after the usual treatments have not worked."
            ),
            "overview": (
                "<p>Bipolar disorder is a long-term condition in which mood moves between "
                "episodes of depression and episodes of unusually high mood or energy, called "
                "mania or hypomania. The episodes of depression are called bipolar depression; "
                "they can last a long time and be hard to treat.</p>"
                "<p>Bipolar depression is treated differently from other depression, because "
                "treatment must also keep mood stable. It is usually led by a psychiatrist.</p>"
            ),
            "symptoms": [
                "Low mood for most of the day",
                "Loss of interest or pleasure",
                "Low energy, and sleeping much more or less than usual",
                "Difficulty concentrating",
                "Feelings of hopelessness or guilt",
                "Thoughts of death or suicide",
            ],
            "key_facts": [],
            "who_it_affects": (
                "<p>Bipolar disorder affects people of every background. It is a lifelong "
                "condition, and many people live well with the right treatment and support. For "
                "some, the episodes of depression are the hardest part to treat.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>In recent years ketamine has also been used for bipolar depression when the "
                "usual treatments have not worked.</p>"
                "<p>Because any treatment for depression can affect mood in bipolar disorder, "
                "your physician will ask about past episodes of mania or psychosis, review your "
                "mood-stabilizing medicines, and decide with you, and with your permission with "
                "the psychiatrist who treats you, whether to try it. Ketamine is not "
                "FDA-approved for bipolar depression, so its use is off-label.</p>"
            ),
            "body": [
                ("paragraph", CRISIS_PARAGRAPH + KEEP_YOUR_CARE_PARAGRAPH),
                FIND_AN_OFFICE,
            ],
            "faqs": [
                faq(
                    "Can ketamine trigger mania?",
                    "<p>Any treatment for depression may affect mood in people with bipolar "
                    "disorder. Your physician will ask about your history, agree with you what "
                    "signs to watch for, and tell you whom to call if your mood changes.</p>",
                ),
                faq(
                    "Do I keep taking my mood stabilizer?",
                    "<p>Do not stop or change any medicine on your own. Your physician will "
                    "review everything you take, and coordinate with the clinician who "
                    "prescribes it if anything needs to change.</p>",
                ),
                faq(
                    "Is ketamine infusion FDA-approved for bipolar depression?",
                    NOT_FDA_APPROVED.format(condition="bipolar depression"),
                ),
                faq(
                    "What should I do if I am in crisis?",
                    "<p>Call or text 988 to reach the Suicide &amp; Crisis Lifeline, or call 911. "
                    "Do not wait for an appointment.</p>",
                ),
            ],
            "references": ["fda-ketamine-2023", "988"],
        },
    ],
    "treatments": [
        {
            "slug": "ketamine-infusion-therapy",
            "title": "Ketamine infusion therapy",
            "image": "infusion-room.jpg",
            "summary": (
                "Ketamine, first developed as an anesthetic, is given slowly through an IV line "
                "in your arm while you rest, with staff supervising the whole session. We offer "
                "it for refractory chronic migraine and, when other treatments have not worked, "
                "for depression, anxiety and bipolar depression."
            ),
            "listing_summary": (
                "An infusion through an IV line while you rest, supervised from start to finish."
            ),
            "seo_title": "Ketamine infusion therapy: how it works, sessions and risks",
            "search_description": (
                "How ketamine infusion therapy works, what a session is like, side effects, who "
                "should not have it and its FDA status, at Ki Ketamine in Stamford and Westport."
            ),
            "conditions": [
                "chronic-migraine",
                "treatment-resistant-depression",
                "anxiety",
                "bipolar-depression",
            ],
            "locations": ["stamford", "westport"],
            "how_it_works": (
                "<p>Ketamine was developed as an anesthetic. In recent years physicians have "
                "also used it, at doses below those used for anesthesia, for depression, anxiety "
                "and bipolar disorder when the usual treatments have not worked, and for "
                "refractory chronic migraine.</p>"
                "<h2>A different chemical messenger</h2>"
                "<p>Many antidepressants act on serotonin and dopamine. Ketamine acts mainly on "
                "glutamate, another chemical messenger in the brain. Glutamate plays a part in "
                "starting migraine attacks and in keeping the symptoms going.</p>"
                "<h2>A less sensitive pain system</h2>"
                "<p>Ketamine blocks NMDA receptors, which drive pain sensitization: the process "
                "by which the nervous system becomes more and more responsive to pain. In "
                "chronic migraine the brain becomes hypersensitive to pain signals, and ketamine "
                "may make it less so. Many pain medicines work on opioid receptors instead.</p>"
                "<p>How exactly ketamine relieves migraine is still being studied, and it does "
                "not help everyone. Your physician will talk with you about what you can "
                "realistically expect.</p>"
            ),
            "session_overview": (
                "<p>Infusions are given in a private room at one of our offices. A thin IV line "
                "is placed in your arm, and the medicine runs in slowly while you rest in a "
                "reclining chair. Staff supervise you for the whole session, and our therapy "
                "dog can keep you company if you wish.</p>"
            ),
            "session_steps": [
                {
                    "title": "Check-in and health check",
                    "text": (
                        "A member of staff welcomes you, asks how you have been and checks your "
                        "blood pressure and other vital signs."
                    ),
                },
                {
                    "title": "The IV line",
                    "text": "A thin IV line is placed in a vein in your arm.",
                },
                {
                    "title": "The infusion",
                    "text": (
                        "The medicine runs in slowly while you rest. You can close your eyes or "
                        "listen to quiet music. Staff check on you throughout."
                    ),
                },
                {
                    "title": "Rest and recovery",
                    "text": (
                        "When the infusion ends, you rest until the effects have worn off and "
                        "staff are satisfied that you are ready to leave."
                    ),
                },
                {
                    "title": "Going home",
                    "text": (
                        "Someone you know takes you home. Do not drive or make important "
                        "decisions for the rest of the day, or for as long as your physician "
                        "advises."
                    ),
                },
            ],
            "session_duration": "A few hours in the office, including rest afterwards",
            "supervision": (
                "Clinical staff supervise you for the whole session, from placing the IV line "
                "until you are ready to leave, checking your blood pressure and how you feel. A "
                "physician leads your care and decides on your treatment plan."
            ),
            "typical_course": (
                "<p>There is no single schedule. The number of sessions and how often they take "
                "place depend on the condition being treated, how you respond and your "
                "physician's judgement. Treatment may start with a series of infusions, after "
                "which your physician reviews with you whether to continue, and how often.</p>"
                "<p>Ketamine infusion is usually one part of a wider plan. Keep seeing the "
                "clinicians who already care for you, and do not stop other treatments without "
                "talking to them.</p>"
            ),
            "side_effects": (
                "<p>Side effects are usually short-lived and wear off after the infusion ends. "
                "They can include:</p>"
                "<ul>"
                "<li>feeling detached, dreamlike or outside yourself (dissociation), or changes "
                "in how things look and sound;</li>"
                "<li>dizziness;</li>"
                "<li>nausea;</li>"
                "<li>a rise in blood pressure and heart rate;</li>"
                "<li>drowsiness;</li>"
                "<li>blurred vision.</li>"
                "</ul>"
                "<p>Staff watch for these throughout the session. Ketamine can also be misused, "
                "which is one reason it should be given only under medical supervision. Your "
                "physician will go through these and any other risks with you before you "
                "start.</p>"
            ),
            "contraindications": (
                "<p>Ketamine is not right for everyone. Before treatment your physician will go "
                "through your health and your medicines and check whether it is safe for you. "
                "It may not be suitable, for example, with:</p>"
                "<ul>"
                "<li>high blood pressure that is not well controlled;</li>"
                "<li>certain heart or blood-vessel conditions;</li>"
                "<li>a history of psychosis;</li>"
                "<li>pregnancy or breastfeeding;</li>"
                "<li>a history of misusing ketamine or other substances.</li>"
                "</ul>"
                "<p>Tell your physician about every medicine and supplement you take.</p>"
            ),
            "regulatory_status": "off_label",
            "regulatory_note": (
                "<p>Ketamine is approved by the U.S. Food and Drug Administration (FDA) as an "
                "anesthetic. It is not FDA-approved for migraine or for any psychiatric "
                "condition, so its use for them is off-label: a physician prescribes an approved "
                "medicine for a use the FDA has not approved. In October 2023 the FDA cautioned "
                "patients and health care providers about the risks of compounded ketamine "
                "products, including forms taken at home without a health care provider "
                "present.</p>"
                "<p>A related medicine, esketamine nasal spray (Spravato), has been FDA-approved "
                "since 2019 for treatment-resistant depression, used under supervision in a "
                "certified clinic. It is a different treatment from the ketamine infusions "
                "described on this page.</p>"
            ),
            "body": [
                (
                    "image",
                    {
                        "image": "infusion-room.jpg",
                        "caption": "An infusion room: a reclining chair, a blanket and daylight.",
                    },
                ),
                (
                    "paragraph",
                    "<h2>Before your first infusion</h2>"
                    "<p>Your first appointment is a consultation. A physician goes through your "
                    "history, the treatments you have tried and the medicines you take, and "
                    "decides with you whether ketamine infusion is appropriate. If it is, you "
                    "will be told how to prepare, for example whether to avoid food and drink "
                    "beforehand, and you should arrange for someone to take you home.</p>"
                    "<h2>A calm place to rest</h2>"
                    "<p>Each infusion room has a reclining chair and blankets. Our therapy dog "
                    "can keep you company during your session; tell us if you would rather not, "
                    "or if you have an allergy.</p>",
                ),
                (
                    "image",
                    {
                        "image": "therapy-dog.jpg",
                        "caption": "Our therapy dog, resting between visits.",
                    },
                ),
                FIND_AN_OFFICE,
            ],
            "faqs": [
                faq(
                    "Is ketamine infusion FDA-approved for migraine?",
                    NOT_FDA_APPROVED.format(condition="migraine"),
                ),
                faq(
                    "How long does a session take?",
                    "<p>It depends on your treatment plan. Your physician will tell you how long "
                    "your infusion will last; plan on a few hours in the office, including time "
                    "to rest until the effects wear off.</p>",
                ),
                faq(
                    "Will I need someone to drive me home?",
                    "<p>Yes. Ketamine can leave you drowsy and affect your judgement and "
                    "coordination for some hours. Do not drive for the rest of the day, or for "
                    "as long as your physician advises, and arrange for someone to take you "
                    "home.</p>",
                ),
                faq(
                    "What does the infusion feel like?",
                    "<p>Many people feel relaxed, dreamy or detached from their surroundings "
                    "while the medicine runs. These feelings usually fade soon after the "
                    "infusion ends. Staff stay with you throughout.</p>",
                ),
                faq(
                    "Is this the same as esketamine (Spravato)?",
                    "<p>No. Esketamine is a related medicine given as a nasal spray; the FDA "
                    "approved it in 2019 for treatment-resistant depression, under supervision "
                    "in a certified clinic. This page describes ketamine given as an IV "
                    "infusion.</p>",
                ),
            ],
            "references": ["fda-ketamine-2023", "fda-esketamine-2019", "amf", "988"],
        },
    ],
}

# ---------------------------------------------------------------------------------------------
# Spanish: the same pages, string for string, for patients who read Spanish first.
# ---------------------------------------------------------------------------------------------
CRISIS_PARAGRAPH_ES = (
    "<h2>Si está en crisis</h2>"
    "<p>Si está pensando en el suicidio o no se siente seguro, no espere a tener una cita: llame "
    "o envíe un mensaje de texto al <b>988</b> para comunicarse con la Línea de Prevención del "
    "Suicidio y Crisis (para español, oprima el 2), o llame al <b>911</b>.</p>"
)

KEEP_YOUR_CARE_PARAGRAPH_ES = (
    "<h2>Continúe con su atención actual</h2>"
    "<p>No deje ni cambie ningún medicamento sin hablar antes con el profesional que se lo "
    "recetó. La infusión de ketamina, si es adecuada para usted, es una parte de su atención, no "
    "un reemplazo de ella.</p>"
)

FIND_AN_OFFICE_ES = (
    "call_to_action",
    {
        "heading": "Hable con un médico sobre sus opciones",
        "text": (
            "Pida una cita en línea o llame al consultorio que le quede más cerca. Un médico "
            "revisará su historia clínica y decidirá con usted qué opción tiene sentido."
        ),
        "button_label": "Buscar un consultorio",
        "page": "locations",
    },
)

NOT_FDA_APPROVED_ES = (
    "<p>No. La ketamina está aprobada por la FDA como anestésico. Usarla para {condition} es un "
    "uso fuera de etiqueta («off-label»): un médico receta un medicamento aprobado para un uso "
    "que la FDA no ha aprobado. Su médico le explicará qué significa esto para usted antes de "
    "que decida.</p>"
)

CRISIS_FAQ_ES = faq(
    "¿Qué debo hacer si estoy en crisis?",
    "<p>Llame o envíe un mensaje de texto al 988 para comunicarse con la Línea de Prevención del "
    "Suicidio y Crisis, o llame al 911. No espere a tener una cita.</p>",
)

ES = {
    "conditions": [
        {
            "slug": "migrana-cronica",
            "title": "Migraña crónica",
            "summary": (
                "La migraña crónica significa tener dolor de cabeza 15 días o más al mes, a "
                "menudo con náuseas y mucha sensibilidad a la luz o a los olores. Cuando no ha "
                "respondido a los tratamientos habituales, nuestros médicos pueden considerar la "
                "terapia de infusión de ketamina."
            ),
            "listing_summary": (
                "Dolor de cabeza 15 días o más al mes. Qué es y cuándo se puede considerar la "
                "infusión de ketamina."
            ),
            "seo_title": "Migraña crónica y refractaria: síntomas e infusión de ketamina",
            "search_description": (
                "Qué son la migraña crónica y la migraña refractaria, sus síntomas, qué tan "
                "frecuentes son y cuándo se puede considerar la terapia de infusión de ketamina."
            ),
            "overview": (
                "<p>La migraña es una afección neurológica que causa ataques de dolor de cabeza "
                "intenso o pulsátil, a menudo con otros síntomas, como náuseas y mucha "
                "sensibilidad a la luz o a los olores. Es muy común y puede ser difícil de aliviar "
                "y de prevenir.</p>"
                "<h2>Migraña episódica y migraña crónica</h2>"
                "<p>Muchas personas tienen ataques de migraña de vez en cuando; esto se llama "
                "migraña episódica. Cuando el dolor de cabeza aparece 15 días o más al mes, se "
                "llama migraña crónica. Tener síntomas más de la mitad de los días de cada mes "
                "puede hacer muy difícil cumplir con el trabajo, la vida familiar y los "
                "planes.</p>"
                "<h2>Migraña refractaria</h2>"
                "<p>La migraña que no ha respondido a los tratamientos habituales se llama "
                "refractaria. Es el tipo de migraña en el que se centra nuestro trabajo en "
                "medicina del dolor de cabeza, y en el que la infusión de ketamina puede tener un "
                "lugar.</p>"
            ),
            "symptoms": [
                "Dolor de cabeza intenso o pulsátil",
                "Náuseas",
                "Mucha sensibilidad a la luz",
                "Mucha sensibilidad a los olores",
                "Mareos",
                "Cambios en la vista",
            ],
            "key_facts": [
                {
                    "figure": "40 millones",
                    "label": "de personas en los Estados Unidos tienen migraña.",
                    "source_title": "American Migraine Foundation",
                    "source_url": AMF_URL,
                },
                {
                    "figure": "3.er lugar",
                    "label": (
                        "La migraña ocupa el tercer lugar entre las enfermedades más frecuentes "
                        "del mundo."
                    ),
                    "source_title": "American Migraine Foundation",
                    "source_url": AMF_URL,
                },
                {
                    "figure": "≈5%",
                    "label": (
                        "de los estadounidenses tienen migraña crónica, con dolor de cabeza 15 "
                        "días o más al mes."
                    ),
                    "source_title": "American Migraine Foundation",
                    "source_url": AMF_URL,
                },
            ],
            "who_it_affects": (
                "<p>Unos 40 millones de personas en los Estados Unidos tienen migraña, según la "
                "American Migraine Foundation, y la migraña ocupa el tercer lugar entre las "
                "enfermedades más frecuentes del mundo. Cerca del 5% de los estadounidenses tienen "
                "migraña crónica.</p>"
                "<p>Nuestros médicos atienden a personas cuya migraña no ha respondido a los "
                "tratamientos que han probado, muchas veces después de años de ataques.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>Nuestros médicos pueden considerar la terapia de infusión de ketamina cuando "
                "la migraña crónica no ha respondido a los tratamientos habituales. La ketamina "
                "actúa sobre el glutamato, un mensajero químico que participa en el inicio de los "
                "ataques de migraña y en que los síntomas continúen, y bloquea los receptores "
                "NMDA, que hacen que el cerebro sea más sensible al dolor. Muchos analgésicos, en "
                "cambio, actúan sobre los receptores opioides. Todavía se está estudiando cómo "
                "alivia exactamente la ketamina la migraña.</p>"
                "<p>En su primera visita, un médico revisa su historia clínica y los tratamientos "
                "que ha probado, comprueba si la ketamina es segura para usted y decide con usted "
                "si probarla.</p>"
            ),
            "body": [
                (
                    "paragraph",
                    "<h2>Cómo prepararse para su primera visita</h2>"
                    "<p>Le será útil traer:</p>"
                    "<ul>"
                    "<li>una lista de los tratamientos para la migraña que ha probado y cómo le "
                    "funcionaron;</li>"
                    "<li>una lista de todos los medicamentos y suplementos que toma ahora;</li>"
                    "<li>un diario de dolores de cabeza, si lo lleva: los días en que tuvo dolor "
                    "y qué otros síntomas tuvo.</li>"
                    "</ul>",
                ),
                (
                    "image",
                    {
                        "image": "articles.jpg",
                        "caption": (
                            "Un diario de dolores de cabeza ayuda a su médico a ver cómo se "
                            "repiten."
                        ),
                    },
                ),
                FIND_AN_OFFICE_ES,
            ],
            "faqs": [
                faq(
                    "¿Cuál es la diferencia entre la migraña episódica y la migraña crónica?",
                    "<p>La migraña episódica significa tener ataques de vez en cuando. La migraña "
                    "crónica significa tener dolor de cabeza 15 días o más al mes. Cerca del 5% "
                    "de los estadounidenses tienen migraña crónica.</p>",
                ),
                faq(
                    "¿Qué significa migraña refractaria?",
                    "<p>Es la migraña que no ha respondido a los tratamientos habituales. Si ha "
                    "probado varios tratamientos sin suficiente alivio, un médico puede evaluar "
                    "qué más podría ayudarle.</p>",
                ),
                faq(
                    "¿Está aprobada por la FDA la infusión de ketamina para la migraña?",
                    NOT_FDA_APPROVED_ES.format(condition="la migraña"),
                ),
                faq(
                    "¿Cómo sé si la infusión de ketamina podría ayudarme?",
                    "<p>Pida una cita en línea o por teléfono. Un médico revisará su historia "
                    "clínica y los tratamientos que ha probado, y decidirá con usted si vale la "
                    "pena probar la infusión de ketamina.</p>",
                ),
            ],
        },
        {
            "slug": "depresion-resistente-al-tratamiento",
            "title": "Depresión resistente al tratamiento",
            "summary": (
                "Se dice que la depresión es resistente al tratamiento cuando no ha mejorado lo "
                "suficiente con los tratamientos habituales. En ese caso, nuestros médicos pueden "
                "considerar la terapia de infusión de ketamina, como una parte de su atención."
            ),
            "listing_summary": (
                "Depresión que no ha mejorado lo suficiente con los tratamientos habituales, y "
                "cuándo se puede considerar la infusión de ketamina."
            ),
            "seo_title": "Depresión resistente al tratamiento e infusión de ketamina",
            "search_description": (
                "Qué es la depresión resistente al tratamiento y cuándo un médico puede "
                "considerar la terapia de infusión de ketamina, en Ki Ketamine, en Stamford y "
                "Westport, CT."
            ),
            "overview": (
                "<p>La depresión es más que sentirse decaído por un tiempo. Es una afección "
                "médica que afecta el estado de ánimo, el pensamiento, el sueño y la energía, y "
                "la capacidad de disfrutar de las cosas, y puede hacer muy difícil la vida "
                "diaria.</p>"
                "<p>Muchas personas se sienten mejor con psicoterapia, con medicamentos o con "
                "ambos. Cuando la depresión no ha mejorado lo suficiente después de probar los "
                "tratamientos habituales, se llama depresión resistente al tratamiento.</p>"
            ),
            "symptoms": [
                "Ánimo bajo o sensación de vacío la mayor parte del día",
                "Pérdida de interés o de placer en cosas que antes disfrutaba",
                "Cambios en el sueño o el apetito",
                "Cansancio y falta de energía",
                "Dificultad para concentrarse o tomar decisiones",
                "Sentimientos de inutilidad o de culpa",
                "Pensamientos de muerte o de suicidio",
            ],
            "key_facts": [],
            "who_it_affects": (
                "<p>La depresión puede afectar a cualquier persona, a cualquier edad y de "
                "cualquier origen. La depresión resistente al tratamiento describe a las personas "
                "cuya depresión no ha respondido lo suficiente a los tratamientos que han "
                "probado. No significa que nada pueda ayudar.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>En los últimos años, la ketamina también se ha usado para la depresión cuando "
                "los tratamientos habituales no han funcionado. Muchos antidepresivos actúan "
                "sobre la serotonina y la dopamina; la ketamina actúa sobre el glutamato, otro "
                "mensajero químico del cerebro.</p>"
                "<p>Un médico revisará su diagnóstico, los tratamientos que ha probado y los "
                "medicamentos que toma, comprobará si la ketamina es segura para usted y decidirá "
                "con usted si probarla. La ketamina no está aprobada por la FDA para la "
                "depresión, así que su uso es fuera de etiqueta.</p>"
                "<p>Un medicamento relacionado, la esketamina en aerosol nasal (Spravato), está "
                "aprobado por la FDA para la depresión resistente al tratamiento y se administra "
                "bajo supervisión en clínicas certificadas. Su médico puede explicarle en qué se "
                "diferencia de la infusión de ketamina.</p>"
            ),
            "body": [
                ("paragraph", CRISIS_PARAGRAPH_ES + KEEP_YOUR_CARE_PARAGRAPH_ES),
                FIND_AN_OFFICE_ES,
            ],
            "faqs": [
                faq(
                    "¿Qué significa resistente al tratamiento?",
                    "<p>Que la depresión no ha mejorado lo suficiente con los tratamientos "
                    "habituales, como los medicamentos antidepresivos y la psicoterapia. No "
                    "significa que nada pueda ayudar.</p>",
                ),
                faq(
                    "¿Está aprobada por la FDA la infusión de ketamina para la depresión?",
                    NOT_FDA_APPROVED_ES.format(condition="la depresión"),
                ),
                faq(
                    "¿La infusión de ketamina es lo mismo que Spravato?",
                    "<p>No. Spravato es esketamina, un medicamento relacionado que se administra "
                    "en aerosol nasal. La FDA lo aprobó en 2019 para la depresión resistente al "
                    "tratamiento, para usarse bajo supervisión en una clínica certificada. La "
                    "infusión de ketamina es otro medicamento, que se administra por vía "
                    "intravenosa.</p>",
                ),
                faq(
                    "¿Debo dejar mi antidepresivo antes de empezar?",
                    "<p>No. No deje ni cambie ningún medicamento por su cuenta. Su médico "
                    "revisará todo lo que toma y le dirá si hay que cambiar algo.</p>",
                ),
                CRISIS_FAQ_ES,
            ],
        },
        {
            "slug": "ansiedad",
            "title": "Ansiedad",
            "summary": (
                "Los trastornos de ansiedad causan una preocupación o un miedo difíciles de "
                "controlar, que interfieren con la vida diaria. Cuando los tratamientos habituales "
                "no han ayudado, nuestros médicos pueden considerar la terapia de infusión de "
                "ketamina."
            ),
            "listing_summary": (
                "Preocupación o miedo difíciles de controlar, y cuándo se puede considerar la "
                "infusión de ketamina."
            ),
            "seo_title": "Ansiedad e infusión de ketamina",
            "search_description": (
                "Qué son los trastornos de ansiedad y cuándo un médico puede considerar la "
                "terapia de infusión de ketamina si los tratamientos habituales no han ayudado."
            ),
            "overview": (
                "<p>Todos sentimos ansiedad a veces. Un trastorno de ansiedad es diferente: la "
                "preocupación o el miedo son intensos, duran y afectan el trabajo, las relaciones "
                "o la vida diaria. Hay varios tipos, como el trastorno de ansiedad generalizada, "
                "el trastorno de pánico y el trastorno de ansiedad social.</p>"
                "<p>La psicoterapia y los medicamentos ayudan a muchas personas. En algunas, la "
                "ansiedad continúa a pesar de haberlos probado.</p>"
            ),
            "symptoms": [
                "Preocupación difícil de controlar",
                "Sentirse inquieto o nervioso",
                "Problemas para dormir",
                "Dificultad para concentrarse",
                "Tensión muscular",
                "Latidos acelerados, sudoración o falta de aire",
                "Evitar situaciones que provocan miedo",
            ],
            "key_facts": [],
            "who_it_affects": (
                "<p>Los trastornos de ansiedad pueden afectar a cualquier persona, a cualquier "
                "edad, y a menudo se presentan junto con la depresión. Muchas personas encuentran "
                "alivio con los tratamientos habituales; en algunas, la ansiedad continúa a pesar "
                "de ellos.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>En los últimos años, la ketamina también se ha usado para la ansiedad cuando "
                "los tratamientos habituales no han funcionado. No es un primer tratamiento para "
                "la ansiedad, y se considera junto con la atención que usted ya recibe, como la "
                "psicoterapia, no en lugar de ella.</p>"
                "<p>Un médico revisará su historia clínica, los tratamientos que ha probado y los "
                "medicamentos que toma, comprobará si la ketamina es segura para usted y decidirá "
                "con usted si probarla. La ketamina no está aprobada por la FDA para la ansiedad, "
                "así que su uso es fuera de etiqueta.</p>"
            ),
            "body": [
                ("paragraph", KEEP_YOUR_CARE_PARAGRAPH_ES + CRISIS_PARAGRAPH_ES),
                FIND_AN_OFFICE_ES,
            ],
            "faqs": [
                faq(
                    "¿La ketamina es un primer tratamiento para la ansiedad?",
                    "<p>No. Primero se usan la psicoterapia y los medicamentos. Se puede "
                    "considerar la infusión de ketamina cuando no han ayudado lo suficiente, y un "
                    "médico decide con usted si es adecuada.</p>",
                ),
                faq(
                    "¿Está aprobada por la FDA la infusión de ketamina para la ansiedad?",
                    NOT_FDA_APPROVED_ES.format(condition="la ansiedad"),
                ),
                faq(
                    "¿Seguiré viendo a mi terapeuta?",
                    "<p>Sí, se lo recomendamos. La infusión de ketamina, si es adecuada para "
                    "usted, es una parte de su atención y debe acompañar el apoyo que ya "
                    "tiene.</p>",
                ),
                faq(
                    "¿Y si siento ansiedad durante la infusión?",
                    "<p>A algunas personas la sensación de desconexión durante una infusión les "
                    "resulta extraña o inquietante. Su médico le explicará antes qué puede "
                    "esperar, y el personal lo acompaña durante toda la sesión.</p>",
                ),
            ],
        },
        {
            "slug": "depresion-bipolar",
            "title": "Depresión bipolar",
            "summary": (
                "La depresión bipolar es la fase baja del trastorno bipolar. Cuando no ha "
                "mejorado con los tratamientos habituales, nuestros médicos pueden considerar la "
                "terapia de infusión de ketamina, prestando mucha atención a los riesgos."
            ),
            "listing_summary": (
                "La fase baja del trastorno bipolar, y cuándo se puede considerar la infusión de "
                "ketamina."
            ),
            "seo_title": "Depresión bipolar e infusión de ketamina",
            "search_description": (
                "Qué es la depresión bipolar y cuándo un médico puede considerar la terapia de "
                "infusión de ketamina si los tratamientos habituales no han funcionado."
            ),
            "overview": (
                "<p>El trastorno bipolar es una afección de larga duración en la que el estado "
                "de ánimo pasa de episodios de depresión a episodios de ánimo o energía "
                "inusualmente altos, llamados manía o hipomanía. Los episodios de depresión se "
                "llaman depresión bipolar; pueden durar mucho tiempo y ser difíciles de "
                "tratar.</p>"
                "<p>La depresión bipolar se trata de forma distinta a otras depresiones, porque "
                "el tratamiento también debe mantener estable el estado de ánimo. Por lo general, "
                "lo dirige un psiquiatra.</p>"
            ),
            "symptoms": [
                "Ánimo bajo la mayor parte del día",
                "Pérdida de interés o de placer",
                "Poca energía, y dormir mucho más o mucho menos de lo habitual",
                "Dificultad para concentrarse",
                "Sentimientos de desesperanza o de culpa",
                "Pensamientos de muerte o de suicidio",
            ],
            "key_facts": [],
            "who_it_affects": (
                "<p>El trastorno bipolar afecta a personas de todos los orígenes. Es una afección "
                "para toda la vida, y muchas personas viven bien con el tratamiento y el apoyo "
                "adecuados. Para algunas, los episodios de depresión son la parte más difícil de "
                "tratar.</p>"
            ),
            "when_ketamine_is_considered": (
                "<p>En los últimos años, la ketamina también se ha usado para la depresión "
                "bipolar cuando los tratamientos habituales no han funcionado.</p>"
                "<p>Como cualquier tratamiento para la depresión puede afectar el estado de ánimo "
                "en el trastorno bipolar, su médico le preguntará por episodios anteriores de "
                "manía o psicosis, revisará sus medicamentos estabilizadores del ánimo y decidirá "
                "con usted, y con su permiso con el psiquiatra que lo atiende, si probarla. La "
                "ketamina no está aprobada por la FDA para la depresión bipolar, así que su uso "
                "es fuera de etiqueta.</p>"
            ),
            "body": [
                ("paragraph", CRISIS_PARAGRAPH_ES + KEEP_YOUR_CARE_PARAGRAPH_ES),
                FIND_AN_OFFICE_ES,
            ],
            "faqs": [
                faq(
                    "¿Puede la ketamina desencadenar un episodio de manía?",
                    "<p>Cualquier tratamiento para la depresión puede afectar el estado de ánimo "
                    "de las personas con trastorno bipolar. Su médico le preguntará por sus "
                    "antecedentes, acordará con usted qué señales vigilar y le dirá a quién "
                    "llamar si su estado de ánimo cambia.</p>",
                ),
                faq(
                    "¿Sigo tomando mi estabilizador del ánimo?",
                    "<p>No deje ni cambie ningún medicamento por su cuenta. Su médico revisará "
                    "todo lo que toma y, si hay que cambiar algo, se coordinará con el "
                    "profesional que se lo receta.</p>",
                ),
                faq(
                    "¿Está aprobada por la FDA la infusión de ketamina para la depresión bipolar?",
                    NOT_FDA_APPROVED_ES.format(condition="la depresión bipolar"),
                ),
                CRISIS_FAQ_ES,
            ],
        },
    ],
    "treatments": [
        {
            "slug": "terapia-de-infusion-de-ketamina",
            "title": "Terapia de infusión de ketamina",
            "summary": (
                "La ketamina, desarrollada primero como anestésico, se administra lentamente por "
                "una vía intravenosa en el brazo mientras usted descansa, con personal que "
                "supervisa toda la sesión. La ofrecemos para la migraña crónica refractaria y, "
                "cuando otros tratamientos no han funcionado, para la depresión, la ansiedad y la "
                "depresión bipolar."
            ),
            "listing_summary": (
                "Una infusión por vía intravenosa mientras usted descansa, supervisada de "
                "principio a fin."
            ),
            "seo_title": "Terapia de infusión de ketamina: cómo funciona, sesiones y riesgos",
            "search_description": (
                "Cómo funciona la terapia de infusión de ketamina, cómo es una sesión, sus "
                "efectos secundarios, quién no debe recibirla y su situación ante la FDA, en Ki "
                "Ketamine, en Stamford y Westport."
            ),
            "how_it_works": (
                "<p>La ketamina se desarrolló como anestésico. En los últimos años, los médicos "
                "también la han usado, en dosis más bajas que las de la anestesia, para la "
                "depresión, la ansiedad y el trastorno bipolar cuando los tratamientos habituales "
                "no han funcionado, y para la migraña crónica refractaria.</p>"
                "<h2>Un mensajero químico distinto</h2>"
                "<p>Muchos antidepresivos actúan sobre la serotonina y la dopamina. La ketamina "
                "actúa principalmente sobre el glutamato, otro mensajero químico del cerebro. El "
                "glutamato participa en el inicio de los ataques de migraña y en que los síntomas "
                "continúen.</p>"
                "<h2>Un sistema del dolor menos sensible</h2>"
                "<p>La ketamina bloquea los receptores NMDA, que impulsan la sensibilización al "
                "dolor: el proceso por el cual el sistema nervioso responde cada vez más al "
                "dolor. En la migraña crónica, el cerebro se vuelve hipersensible a las señales "
                "de dolor, y la ketamina podría reducir esa sensibilidad. Muchos analgésicos, en "
                "cambio, actúan sobre los receptores opioides.</p>"
                "<p>Todavía se está estudiando cómo alivia exactamente la ketamina la migraña, y "
                "no ayuda a todas las personas. Su médico hablará con usted sobre lo que puede "
                "esperar de forma realista.</p>"
            ),
            "session_overview": (
                "<p>Las infusiones se administran en una sala privada de uno de nuestros "
                "consultorios. Se coloca una vía intravenosa delgada en el brazo, y el "
                "medicamento pasa lentamente mientras usted descansa en un sillón reclinable. El "
                "personal lo supervisa durante toda la sesión, y nuestro perro de terapia puede "
                "hacerle compañía si lo desea.</p>"
            ),
            "session_steps": [
                {
                    "title": "Registro y revisión de salud",
                    "text": (
                        "Un miembro del personal lo recibe, le pregunta cómo ha estado y le toma "
                        "la presión arterial y otros signos vitales."
                    ),
                },
                {
                    "title": "La vía intravenosa",
                    "text": "Se coloca una vía intravenosa delgada en una vena del brazo.",
                },
                {
                    "title": "La infusión",
                    "text": (
                        "El medicamento pasa lentamente mientras usted descansa. Puede cerrar los "
                        "ojos o escuchar música tranquila. El personal está pendiente de usted "
                        "todo el tiempo."
                    ),
                },
                {
                    "title": "Descanso y recuperación",
                    "text": (
                        "Cuando termina la infusión, usted descansa hasta que pasan los efectos y "
                        "el personal confirma que está listo para irse."
                    ),
                },
                {
                    "title": "El regreso a casa",
                    "text": (
                        "Una persona de su confianza lo lleva a casa. No maneje ni tome "
                        "decisiones importantes durante el resto del día, o durante el tiempo que "
                        "le indique su médico."
                    ),
                },
            ],
            "session_duration": "Unas horas en el consultorio, incluido el descanso posterior",
            "supervision": (
                "El personal clínico lo supervisa durante toda la sesión, desde que le colocan la "
                "vía intravenosa hasta que está listo para irse, y vigila su presión arterial y "
                "cómo se siente. Un médico dirige su atención y decide su plan de tratamiento."
            ),
            "typical_course": (
                "<p>No hay un calendario único. El número de sesiones y su frecuencia dependen "
                "de la afección que se trata, de cómo responda usted y del criterio de su "
                "médico. El tratamiento puede empezar con una serie de infusiones; después, su "
                "médico revisa con usted si continuar y con qué frecuencia.</p>"
                "<p>La infusión de ketamina suele ser una parte de un plan más amplio. Siga "
                "viendo a los profesionales que ya lo atienden, y no deje otros tratamientos sin "
                "hablar con ellos.</p>"
            ),
            "side_effects": (
                "<p>Los efectos secundarios suelen ser breves y desaparecen después de que "
                "termina la infusión. Pueden incluir:</p>"
                "<ul>"
                "<li>sentirse desconectado, como en un sueño o fuera de sí mismo (disociación), "
                "o cambios en cómo se ven y se oyen las cosas;</li>"
                "<li>mareos;</li>"
                "<li>náuseas;</li>"
                "<li>un aumento de la presión arterial y del ritmo cardíaco;</li>"
                "<li>somnolencia;</li>"
                "<li>visión borrosa.</li>"
                "</ul>"
                "<p>El personal vigila estos efectos durante toda la sesión. La ketamina también "
                "se puede usar de forma indebida, y esa es una de las razones por las que solo "
                "debe administrarse bajo supervisión médica. Su médico repasará con usted estos "
                "y otros riesgos antes de empezar.</p>"
            ),
            "contraindications": (
                "<p>La ketamina no es adecuada para todas las personas. Antes del tratamiento, su "
                "médico revisará su salud y sus medicamentos y comprobará si es segura para "
                "usted. Puede no ser adecuada, por ejemplo, si tiene:</p>"
                "<ul>"
                "<li>presión arterial alta que no está bien controlada;</li>"
                "<li>ciertas afecciones del corazón o de los vasos sanguíneos;</li>"
                "<li>antecedentes de psicosis;</li>"
                "<li>un embarazo o si está amamantando;</li>"
                "<li>antecedentes de uso indebido de ketamina o de otras sustancias.</li>"
                "</ul>"
                "<p>Informe a su médico de todos los medicamentos y suplementos que toma.</p>"
            ),
            "regulatory_note": (
                "<p>La ketamina está aprobada por la Administración de Alimentos y Medicamentos "
                "de los EE. UU. (FDA) como anestésico. No está aprobada por la FDA para la "
                "migraña ni para ninguna afección psiquiátrica, así que su uso para ellas es "
                "fuera de etiqueta: un médico receta un medicamento aprobado para un uso que la "
                "FDA no ha aprobado. En octubre de 2023, la FDA advirtió a pacientes y "
                "profesionales de la salud sobre los riesgos de los productos de ketamina "
                "preparados en farmacias de compuestos, incluidas las formas que se toman en casa "
                "sin un profesional de la salud presente.</p>"
                "<p>Un medicamento relacionado, la esketamina en aerosol nasal (Spravato), está "
                "aprobado por la FDA desde 2019 para la depresión resistente al tratamiento, "
                "usado bajo supervisión en una clínica certificada. Es un tratamiento distinto de "
                "las infusiones de ketamina que se describen en esta página.</p>"
            ),
            "body": [
                (
                    "image",
                    {
                        "image": "infusion-room.jpg",
                        "caption": (
                            "Una sala de infusión: un sillón reclinable, una cobija y luz natural."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<h2>Antes de su primera infusión</h2>"
                    "<p>Su primera cita es una consulta. Un médico revisa su historia clínica, "
                    "los tratamientos que ha probado y los medicamentos que toma, y decide con "
                    "usted si la infusión de ketamina es adecuada. Si lo es, le dirán cómo "
                    "prepararse, por ejemplo, si debe evitar comer y beber antes, y usted deberá "
                    "organizar que alguien lo lleve a casa.</p>"
                    "<h2>Un lugar tranquilo para descansar</h2>"
                    "<p>Cada sala de infusión tiene un sillón reclinable y cobijas. Nuestro perro "
                    "de terapia puede hacerle compañía durante la sesión; díganos si prefiere que "
                    "no lo haga o si tiene alergia.</p>",
                ),
                (
                    "image",
                    {
                        "image": "therapy-dog.jpg",
                        "caption": "Nuestro perro de terapia, descansando entre visitas.",
                    },
                ),
                FIND_AN_OFFICE_ES,
            ],
            "faqs": [
                faq(
                    "¿Está aprobada por la FDA la infusión de ketamina para la migraña?",
                    NOT_FDA_APPROVED_ES.format(condition="la migraña"),
                ),
                faq(
                    "¿Cuánto dura una sesión?",
                    "<p>Depende de su plan de tratamiento. Su médico le dirá cuánto durará su "
                    "infusión; cuente con pasar unas horas en el consultorio, incluido el tiempo "
                    "para descansar hasta que pasen los efectos.</p>",
                ),
                faq(
                    "¿Necesitaré que alguien me lleve a casa?",
                    "<p>Sí. La ketamina puede darle sueño y afectar su juicio y su coordinación "
                    "durante algunas horas. No maneje durante el resto del día, o durante el "
                    "tiempo que le indique su médico, y pida a alguien que lo lleve a casa.</p>",
                ),
                faq(
                    "¿Qué se siente durante la infusión?",
                    "<p>Muchas personas se sienten relajadas, soñolientas o desconectadas de su "
                    "entorno mientras pasa el medicamento. Estas sensaciones suelen desaparecer "
                    "poco después de que termina la infusión. El personal lo acompaña todo el "
                    "tiempo.</p>",
                ),
                faq(
                    "¿Es lo mismo que la esketamina (Spravato)?",
                    "<p>No. La esketamina es un medicamento relacionado que se administra en "
                    "aerosol nasal; la FDA la aprobó en 2019 para la depresión resistente al "
                    "tratamiento, bajo supervisión en una clínica certificada. Esta página "
                    "describe la ketamina administrada como infusión intravenosa.</p>",
                ),
            ],
        },
    ],
}

CONTENT = {"en": EN, "es": ES}


def build(command):
    copy = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    heading(command, "Conditions and treatments")
    reviewer = find_page(*REVIEWER)
    conditions_index = find_page("conditions")
    for condition in copy["conditions"]:
        build_condition(command, conditions_index, condition, reviewer, images)
    treatments_index = find_page("treatments")
    for treatment in copy["treatments"]:
        build_treatment(command, treatments_index, treatment, reviewer, images)


def clinical_words(copy, images):
    """The words conditions and treatments share: listing, SEO, summary, body, FAQs."""
    return {
        "title": copy["title"],
        "listing_title": copy.get("listing_title", ""),
        "listing_summary": copy["listing_summary"],
        "seo_title": copy["seo_title"],
        "search_description": copy["search_description"],
        "summary": copy["summary"],
        "body": resolve_stream(copy["body"], images),
        "faqs": resolve_stream(copy["faqs"], images),
    }


def clinical_fields(copy, reviewer, images):
    """The fields conditions and treatments share: the words, image, review and references."""
    image = images[copy["image"]]
    return {
        **clinical_words(copy, images),
        "listing_image": image,
        "image": image,
        "references": [("reference", REFERENCES[key]) for key in copy["references"]],
        "reviewed_by": reviewer,
        "last_reviewed": LAST_REVIEWED,
    }


def condition_words(copy, images):
    return {
        **clinical_words(copy, images),
        "overview": link_pages(copy["overview"]),
        "symptoms": [("symptom", symptom) for symptom in copy["symptoms"]],
        "key_facts": [("fact", fact) for fact in copy["key_facts"]],
        "who_it_affects": link_pages(copy["who_it_affects"]),
        "when_ketamine_is_considered": link_pages(copy["when_ketamine_is_considered"]),
    }


def build_condition(command, index, copy, reviewer, images):
    return ensure_page(
        command,
        index,
        ConditionPageFactory,
        copy["slug"],
        **{**clinical_fields(copy, reviewer, images), **condition_words(copy, images)},
    )[0]


def treatment_words(copy, images):
    return {
        **clinical_words(copy, images),
        "how_it_works": link_pages(copy["how_it_works"]),
        "session_overview": link_pages(copy["session_overview"]),
        "session_steps": [("step", step) for step in copy["session_steps"]],
        "session_duration": copy["session_duration"],
        "supervision": copy["supervision"],
        "typical_course": link_pages(copy["typical_course"]),
        "side_effects": link_pages(copy["side_effects"]),
        "contraindications": link_pages(copy["contraindications"]),
        "regulatory_note": link_pages(copy["regulatory_note"]),
    }


def build_treatment(command, index, copy, reviewer, images):
    conditions = [find_page("conditions", slug) for slug in copy["conditions"]]
    offices = [find_page("locations", slug) for slug in copy["locations"]]
    return ensure_page(
        command,
        index,
        TreatmentPageFactory,
        copy["slug"],
        **{**clinical_fields(copy, reviewer, images), **treatment_words(copy, images)},
        regulatory_status=copy["regulatory_status"],
        conditions=conditions,
        locations=offices,
    )[0]


def translate(command):
    """The conditions and treatments in each other language the copy is written in, as
    translations of the English pages."""
    source = CONTENT[DEMO_LANGUAGE]
    images = Images(command)
    for language in translation_languages(CONTENT, DEMO_LANGUAGE):
        copy = CONTENT[language]
        heading(command, f"Conditions and treatments in {language}")
        for original, translated in zip(source["conditions"], copy["conditions"], strict=True):
            page = find_page("conditions", original["slug"])
            words = {"slug": translated["slug"], **condition_words(translated, images)}
            translate_page(command, page, words, language)
        for original, translated in zip(source["treatments"], copy["treatments"], strict=True):
            page = find_page("treatments", original["slug"])
            words = {"slug": translated["slug"], **treatment_words(translated, images)}
            translate_page(command, page, words, language)
