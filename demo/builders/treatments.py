"""Conditions and treatments (`conditions.toml`, `treatments.toml`), then their translations.

The reviewer, review date, references, images and relations follow the first language's pages, so
the other languages' copy holds only the words.
"""

from demo.content import (
    faqs,
    load,
    page_path,
    references,
    source_language,
    stream,
    translation_languages,
)
from demo.helpers import Images, ensure_page, find_page, heading, link_pages, resolve_stream
from demo.translation import translate as translate_object
from treatments.models import ConditionPage, TreatmentPage


def build(command):
    images = Images(command)
    heading(command, "Conditions and treatments")
    conditions_index = find_page("conditions")
    for condition in load("conditions")["conditions"]:
        build_condition(command, conditions_index, condition, images)
    treatments_index = find_page("treatments")
    for treatment in load("treatments")["treatments"]:
        build_treatment(command, treatments_index, treatment, images)


def clinical_words(words, images):
    """The words conditions and treatments share: listing, SEO, summary, body, FAQs."""
    return {
        "title": words["title"],
        "listing_title": words.get("listing_title", ""),
        "listing_summary": words["listing_summary"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "summary": words["summary"],
        "body": resolve_stream(stream(words["body"]), images),
        "faqs": resolve_stream(faqs(words["faqs"]), images),
    }


def clinical_facts(copy, images):
    """What conditions and treatments share in every language: image, review and references."""
    image = images[copy["image"]]
    return {
        "listing_image": image,
        "image": image,
        "references": references(copy["references"]),
        "reviewed_by": find_page(*page_path(copy["reviewed_by"])),
        "last_reviewed": copy["last_reviewed"],
    }


def condition_words(words, images):
    return {
        **clinical_words(words, images),
        "overview": link_pages(words["overview"]),
        "symptoms": [("symptom", symptom) for symptom in words["symptoms"]],
        "key_facts": [("fact", fact) for fact in words["key_facts"]],
        "who_it_affects": link_pages(words["who_it_affects"]),
        "when_ketamine_is_considered": link_pages(words["when_ketamine_is_considered"]),
    }


def build_condition(command, index, copy, images):
    return ensure_page(
        command,
        index,
        ConditionPage,
        copy["slug"],
        **clinical_facts(copy, images),
        **condition_words(copy[source_language()], images),
    )[0]


def treatment_words(words, images):
    return {
        **clinical_words(words, images),
        "how_it_works": link_pages(words["how_it_works"]),
        "session_overview": link_pages(words["session_overview"]),
        "session_steps": [("step", step) for step in words["session_steps"]],
        "session_duration": words["session_duration"],
        "supervision": words["supervision"],
        "typical_course": link_pages(words["typical_course"]),
        "side_effects": link_pages(words["side_effects"]),
        "contraindications": link_pages(words["contraindications"]),
        "regulatory_note": link_pages(words["regulatory_note"]),
    }


def build_treatment(command, index, copy, images):
    conditions = [find_page("conditions", slug) for slug in copy["conditions"]]
    offices = [find_page("locations", slug) for slug in copy["locations"]]
    return ensure_page(
        command,
        index,
        TreatmentPage,
        copy["slug"],
        rows={
            "condition_links": [{"condition": condition} for condition in conditions],
            "location_links": [{"location": office} for office in offices],
        },
        **clinical_facts(copy, images),
        **treatment_words(copy[source_language()], images),
        regulatory_status=copy["regulatory_status"],
    )[0]


def translate(command):
    """The conditions and treatments in each other language, as translations of the first
    ones."""
    images = Images(command)
    conditions, treatments = load("conditions"), load("treatments")
    for language in translation_languages():
        heading(command, f"Conditions and treatments in {language}")
        for condition in conditions["conditions"]:
            words = condition[language]
            fields = {"slug": words["slug"], **condition_words(words, images)}
            page = find_page("conditions", condition["slug"])
            translate_object(command, page, fields, language)
        for treatment in treatments["treatments"]:
            words = treatment[language]
            fields = {"slug": words["slug"], **treatment_words(words, images)}
            page = find_page("treatments", treatment["slug"])
            translate_object(command, page, fields, language)
