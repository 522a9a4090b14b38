"""Translations of the demo pages and snippets, made the way the admin makes them.

Each translated page is a wagtail-localize translation of its English page: it shares the English
page's translation key, its synchronised fields (images, relations, addresses, hours) follow the
English page, and each of its translated strings is stored in wagtail-localize's translation memory.
So when marketing staff edit an English page and sync its translations, the strings they did not
change keep their Spanish text and the new ones show up for translation, as for any page
translated in the admin.

The builders give the translated copy in the same shape as the original copy; the two are paired
string by string (a heading with its heading, a list item with its list item), and a copy whose
structure differs from the original's is refused rather than mistranslated.
"""

import re
from collections import defaultdict

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from demo.helpers import report_created, report_existing
from editorial.models import MedicalReviewMixin

# Block ids in StreamField paths differ between the original and the copy built for pairing.
BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class TranslationCopyError(ValueError):
    """The translated copy does not have the same shape as the original copy."""


def strings_by_field(instance):
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path.split(".")[0]].append(segment)
    return strings


def pair_strings(original, translated, label):
    """[(segment of the original, translated text)] for every translatable string of `original`,
    taken from `translated` (the same object with the translated copy set on it)."""
    originals, translations = strings_by_field(original), strings_by_field(translated)
    pairs = []
    for field, segments in originals.items():
        others = translations.get(field, [])
        shape = [BLOCK_ID.sub("*", segment.path) for segment in segments]
        other_shape = [BLOCK_ID.sub("*", segment.path) for segment in others]
        if shape != other_shape:
            raise TranslationCopyError(
                f"{label}: the translated copy of {field!r} has {len(others)} strings where the "
                f"original has {len(segments)} (or they are in a different order)."
            )
        pairs.extend(
            (segment, other.string.data) for segment, other in zip(segments, others, strict=True)
        )
    return pairs


def translate(command, instance, copy_fields, language_code, label=None):
    """Make `instance` (a page or translatable snippet in the source language) exist in
    `language_code`, with `copy_fields` (field name → translated value, as the builders give
    them, or for child rows a function of the original's rows that gives the translated ones) as
    its translated strings, and publish it. An existing translation is left as it is.

    Returns the translated object.
    """
    locale = Locale.objects.get(language_code=language_code)
    if isinstance(instance, Page):
        instance = instance.specific
    label = label or str(instance)
    kind = "page" if isinstance(instance, Page) else "snippet"
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        shown = (existing.get_url() or existing.url_path) if kind == "page" else str(existing)
        report_existing(command, kind, shown)
        return existing

    source, _created = TranslationSource.update_or_create_from_instance(instance)
    original = source.as_instance()
    translated = source.as_instance()
    for name, value in copy_fields.items():
        if callable(value):  # the translated child rows, made from the original's (closures)
            value = value(getattr(translated, name))
        setattr(translated, name, value)
        stream = getattr(translated, name)
        if isinstance(stream, StreamValue):
            # Give the new blocks their ids, as saving would, so their strings have paths.
            block = stream.stream_block
            setattr(translated, name, block.to_python(block.get_prep_value(stream)))

    for segment, text in pair_strings(original, translated, label):
        string = String.from_value(source.locale, segment.string)
        context = TranslationContext.objects.get(object_id=source.object_id, path=segment.path)
        string_translation, _created = StringTranslation.objects.update_or_create(
            translation_of=string,
            locale=locale,
            context=context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
            },
        )
        if string_translation.has_error:
            raise TranslationCopyError(
                f"{label}: the translation of {segment.path!r} does not keep the original's "
                f"links or markup: {text!r}"
            )

    Translation.objects.get_or_create(source=source, target_locale=locale)
    # Every string must have its translation: nothing falls back to the source language here.
    # Pages are saved as a draft first and then published, like an editor's translation.
    is_page = isinstance(instance, Page)
    result, _created = source.create_or_update_translation(
        locale, publish=not is_page, fallback=False
    )
    if is_page:
        if isinstance(result, MedicalReviewMixin):
            # Each language records its own review; the demo's translated copy was reviewed by
            # the physician who reviewed the original, on the same day.
            result.reviewed_by_id = instance.reviewed_by_id
            result.last_reviewed = instance.last_reviewed
            result.save_revision()
        result.get_latest_revision().publish()
        result.refresh_from_db()
        report_created(command, "page", f"{result.title} ({result.get_url() or result.url_path})")
    else:
        report_created(command, "snippet", str(result))
    return result
