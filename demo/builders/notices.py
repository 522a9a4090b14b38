"""What the clinic owes its patients in writing (`notices.toml`, `taglines.toml`): the costs and
payment page, the notice of nondiscrimination, the language assistance page and its taglines,
and the patient notices that every footer shows; then their translations."""

from demo.content import load, source_language, stream, translation_languages
from demo.helpers import (
    Images,
    demo_locale,
    ensure_page,
    find_path,
    heading,
    link_pages,
    report_created,
    report_existing,
    require_home_page,
    resolve_stream,
)
from demo.translation import translate as translate_object
from home.models import StandardPage
from notices.models import CostsPage, LanguageAssistancePage, LanguageTagline, PatientNotices


def cost_words(copy, words):
    prices = [
        ("price", {**numbers, **row})
        for numbers, row in zip(copy["prices"], words["prices"], strict=True)
    ]
    return {
        "title": words["title"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "listing_summary": words["listing_summary"],
        "intro": words["intro"],
        "prices": prices,
        "prices_note": words["prices_note"],
        "session_includes": words["session_includes"],
        "payment": words["payment"],
        "insurance": words["insurance"],
    }


def notice_page_words(words, images):
    fields = {
        "title": words["title"],
        "search_description": words["search_description"],
        "intro": link_pages(words["intro"]),
        "body": resolve_stream(stream(words["body"]), images),
    }
    if "taglines_heading" in words:
        fields["taglines_heading"] = words["taglines_heading"]
    return fields


def notices_words(words):
    return {
        "gfe_heading": words["gfe_heading"],
        "gfe_summary": words["gfe_summary"],
        "gfe_text": words["gfe_text"],
    }


def build(command):
    copy, taglines = load("notices"), load("taglines")
    images = Images(command)
    language = source_language()
    heading(command, "Patient notices: costs, Good Faith Estimate, nondiscrimination, languages")
    home = require_home_page()
    costs = ensure_page(
        command,
        home,
        CostsPage,
        copy["costs_page"]["slug"],
        **cost_words(copy["costs_page"], copy["costs_page"][language]),
    )[0]
    # The two notices link to each other: the language page is made first without its body,
    # which is added once the nondiscrimination notice exists.
    language_words = notice_page_words(copy["language_page"][language], images)
    languages, created = ensure_page(
        command,
        home,
        LanguageAssistancePage,
        copy["language_page"]["slug"],
        **{**language_words, "body": []},
    )
    nondiscrimination = ensure_page(
        command,
        home,
        StandardPage,
        copy["nondiscrimination_page"]["slug"],
        **notice_page_words(copy["nondiscrimination_page"][language], images),
    )[0]
    if created:
        languages.body = notice_page_words(copy["language_page"][language], images)["body"]
        languages.save_revision().publish()
    locale = demo_locale()
    if PatientNotices.objects.filter(locale=locale).exists():
        report_existing(command, "snippet", f"patient notices ({locale.language_code})")
    else:
        PatientNotices.objects.create(
            locale=locale,
            costs_page=costs,
            nondiscrimination_page=nondiscrimination,
            language_assistance_page=languages,
            **notices_words(copy["patient_notices"][language]),
        )
        report_created(command, "snippet", f"patient notices ({locale.language_code})")
    build_taglines(command, taglines)


def build_taglines(command, copy):
    if LanguageTagline.objects.exists():
        report_existing(command, "snippets", "language taglines")
        return
    LanguageTagline.objects.bulk_create(
        LanguageTagline(
            language=row["language"],
            native_name=row["native_name"],
            language_code=row["code"],
            direction=row.get("dir", "ltr"),
            text=row["text"],
            source=copy["source"],
            sort_order=order,
        )
        for order, row in enumerate(copy["taglines"])
    )
    # bulk_create sends no post_save: the visitors' content version moves once, here.
    LanguageTagline.objects.first().save()
    report_created(command, "snippets", f"{len(copy['taglines'])} language taglines")


def translate(command):
    """The notices' pages and words in each other language."""
    copy = load("notices")
    images = Images(command)
    for language in translation_languages():
        heading(command, f"Patient notices in {language}")
        costs = copy["costs_page"]
        translate_object(
            command,
            find_path(costs["slug"]),
            {"slug": costs[language]["slug"], **cost_words(costs, costs[language])},
            language,
        )
        for key in ("language_page", "nondiscrimination_page"):
            words = copy[key][language]
            fields = {"slug": words["slug"], **notice_page_words(words, images)}
            translate_object(command, find_path(copy[key]["slug"]), fields, language)
        notices = PatientNotices.objects.get(locale=demo_locale())
        translate_object(
            command,
            notices,
            notices_words(copy["patient_notices"][language]),
            language,
            label="patient notices",
        )
