"""The physician directory: the physicians of a section, narrowed by office, specialty, language
spoken and whether they accept new patients (`?office=<id>&specialty=…&language=<code>&accepting=1`).
The content API filters physicians with the same comparisons (`physicians_matching`).

What the filters offer comes from the physicians themselves (each specialty and language at least
one of them has, the offices they see patients at), so a choice never leads to an empty list by
itself. Specialties and languages are lists on each page (StreamFields), read as the JSON they
are stored as and compared in Python over one narrow query; the offices are found by the database
in a query with the physicians as a subquery, and "accepting" is a column of that narrow query.
Three queries whatever the number of physicians (four with an office chosen), and the cards'
photos.
"""

import json
from collections import namedtuple
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.translation import gettext as _

from home.caching import public_q

MAX_VALUE_LENGTH = 100

# What the filters read of each physician: plain values, not pages (a network has 1,000).
Row = namedtuple("Row", "pk translation_key specialties languages accepting_new_patients")
PHYSICIANS_PER_PAGE = 24


@dataclass
class Directory:
    physicians: object  # the page of the list shown (a Django Page of physician pages)
    count: int  # physicians matching the filters, on every page of the list
    specialties: list  # [(name, selected)]
    languages: list  # [(code, selected)]
    offices: list  # [(office page, selected)]
    accepting: bool
    errors: list = field(default_factory=list)
    filter_query: str = ""  # the filters, to keep them when moving between pages of the list

    @property
    def filtered(self):
        return bool(
            self.accepting
            or any(selected for _, selected in self.specialties)
            or any(selected for _, selected in self.languages)
            or any(selected for _, selected in self.offices)
        )


def folded(text):
    return " ".join(str(text).split()).casefold()


def specialties_of(physician):
    return stored_values(physician.specialties)


def languages_of(physician):
    return stored_values(physician.languages)


def stored_values(blocks):
    """A list field's values as stored: its blocks are plain text and codes, and reading them
    as blocks would check each language against the list of every language (0.6 s for a
    network's 1,000 physicians, against 10 ms this way)."""
    return [block["value"] for block in blocks]


def physician_rows(physicians):
    """What the filters read of each physician of a queryset, in its order: plain values, the
    specialties and languages as the block lists stored in their JSON columns (read as text and
    parsed here: a StreamField's own conversion made each row a stream, 1,000 of them in a
    network)."""
    raw = {
        "specialties": Cast("specialties", TextField()),
        "languages": Cast("languages", TextField()),
    }
    return [
        Row(pk, key, json.loads(specialties or "[]"), json.loads(languages or "[]"), accepting)
        for pk, key, specialties, languages, accepting in physicians.annotate(
            raw_specialties=raw["specialties"], raw_languages=raw["languages"]
        ).values_list(
            "pk", "translation_key", "raw_specialties", "raw_languages", "accepting_new_patients"
        )
    ]


def lists_specialty(physician, specialty):
    """Whether the physician lists `specialty`, in any case and spacing."""
    return any(folded(name) == folded(specialty) for name in specialties_of(physician))


def physicians_matching(physicians, specialty=None, language=None):
    """The ids of the physicians (a queryset) who list `specialty` and consult in `language` (a
    code), as the directory filters them: one narrow query, compared in Python."""
    return [
        row.pk
        for row in physician_rows(physicians)
        if (specialty is None or lists_specialty(row, specialty))
        and (language is None or language in languages_of(row))
    ]


def directory(index, query, physician_model, office_model, link_model):
    """The directory of `index`'s physicians for the filters in `query` (a QueryDict)."""
    errors = []
    wanted = {}
    for name in ("office", "specialty", "language"):
        value = query.get(name, "")
        if len(value) > MAX_VALUE_LENGTH or not value.isprintable():
            errors.append(_("One of the filters could not be read: it was left out."))
            value = ""
        wanted[name] = value
    accepting = query.get("accepting") in ("1", "on", "true")

    physicians = physician_model.objects.child_of(index).live().filter(public_q())
    rows = physician_rows(physicians.order_by("title"))
    # The offices they see patients at, in the directory's language where translated.
    links = link_model.objects.filter(physician__in=physicians.values("pk"))
    office_rows = {}
    for pk, title, key, locale_id in (
        office_model.objects.live()
        .filter(public_q(), translation_key__in=links.values("location__translation_key"))
        .order_by("path")
        .values_list("pk", "title", "translation_key", "locale_id")
    ):
        if key not in office_rows or locale_id == index.locale_id:
            office_rows[key] = (pk, title, key)
    office_rows = list(office_rows.values())

    office_key = None
    if wanted["office"]:
        if wanted["office"].isdigit() and len(wanted["office"]) < 10:
            office_key = next(
                (key for pk, _title, key in office_rows if pk == int(wanted["office"])), None
            )
        if office_key is None:
            errors.append(_("That office is not in the list: showing every office."))
    at_office = None
    if office_key is not None:
        at_office = set(
            links.filter(location__translation_key=office_key).values_list(
                "physician_id", flat=True
            )
        )

    specialty_names = sorted(
        {name for row in rows for name in specialties_of(row) if name}, key=folded
    )
    language_codes = sorted({code for row in rows for code in languages_of(row) if code})
    specialty = next(
        (name for name in specialty_names if folded(name) == folded(wanted["specialty"])), None
    )
    if wanted["specialty"] and specialty is None:
        errors.append(_("No physician lists that specialty: showing every specialty."))
    language = wanted["language"] if wanted["language"] in language_codes else None
    if wanted["language"] and language is None:
        errors.append(_("No physician lists that language: showing every language."))

    chosen = [
        row.pk
        for row in rows
        if (not accepting or row.accepting_new_patients)
        and (at_office is None or row.pk in at_office)
        and (specialty is None or lists_specialty(row, specialty))
        and (language is None or language in languages_of(row))
    ]
    # One page of cards at a time: a network's directory lists hundreds.
    shown = Paginator(chosen, PHYSICIANS_PER_PAGE).get_page(query.get("page"))
    if shown.object_list:
        order = {pk: position for position, pk in enumerate(shown.object_list)}
        shown.object_list = sorted(
            physician_model.for_cards().filter(pk__in=shown.object_list),
            key=lambda page: order[page.pk],
        )
    kept = QueryDict(mutable=True)
    for name, value in (
        ("office", wanted["office"] if office_key else ""),
        ("specialty", specialty or ""),
        ("language", language or ""),
        ("accepting", "1" if accepting else ""),
    ):
        if value:
            kept[name] = value
    return Directory(
        physicians=shown,
        count=len(chosen),
        filter_query=kept.urlencode(),
        specialties=[(name, name == specialty) for name in specialty_names],
        languages=[(code, code == language) for code in language_codes],
        offices=[((pk, title), key == office_key) for pk, title, key in office_rows],
        accepting=accepting,
        errors=list(dict.fromkeys(errors)),
    )
