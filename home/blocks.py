"""StreamField blocks shared by every page type.

Each block has a template, a description and a preview value, so editors see what a block does in
the block picker before they use it.
"""

import contextvars
import copy
import re
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from home.api import image_renditions, related_page

# Links to pages and documents, headings below the page title, lists: what clinical copy needs.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Short prose fields (answers, captions, intros): no headings.
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


# Chosen pages and images read in advance for a whole API listing, by model and id (None for an id
# that no longer exists): each page's StreamFields would otherwise read their own, a query or two
# each, so a listing of 100 pages with `fields=*` cost 149 queries against 93 for 20 (measured).
# Wagtail has no public way to hand a StreamField the objects it chooses; the blocks' own
# `bulk_to_python` looks here first. Pages served to visitors do not use it (one stream, one
# query per model).
_chosen = contextvars.ContextVar("clinic_chosen_objects", default=None)


@contextmanager
def chosen_objects_scope(chosen=None):
    """Within this block, `prefetch_chosen_objects` keeps what it reads for the chooser blocks
    in the dict it yields; `chosen`, such a dict kept from before, is used again."""
    memo = {} if chosen is None else chosen
    token = _chosen.set(memo)
    try:
        yield memo
    finally:
        _chosen.reset(token)


def chosen_in_advance(model):
    """{id: object, or None where it no longer exists} of `model` read by the open scope."""
    return (_chosen.get() or {}).get(model, {})


def in_advance(block, values):
    """The objects chosen by `values` as the open scope read them, or None when it did not
    read them all (or no scope is open)."""
    values = list(values)
    known = chosen_in_advance(block.model_class)
    if not known or any(value not in known for value in values if value is not None):
        return None
    return [copy.copy(known[value]) if value is not None else None for value in values]


class ImageBlock(ImageChooserBlock):
    """Chooses an image; the API shows it as renditions with alt text, never a bare id."""

    def bulk_to_python(self, values):
        known = in_advance(self, values)
        if known is not None:
            return known
        # The images of a whole StreamField are read together; their renditions too.
        images = super().bulk_to_python(values)
        prefetch_related_objects([image for image in images if image is not None], "renditions")
        return images

    def get_api_representation(self, value, context=None):
        return image_renditions(value)


class PageLinkBlock(blocks.PageChooserBlock):
    """Chooses a page; the API shows it as a small nested object with its URL."""

    def bulk_to_python(self, values):
        known = in_advance(self, values)
        return known if known is not None else super().bulk_to_python(values)

    def get_api_representation(self, value, context=None):
        return related_page(value, (context or {}).get("request")) if value else None


def _chosen_ids(block, raw, found):
    """Collect {model: ids} of the chooser blocks in a StreamField's stored (raw) value."""
    if isinstance(block, ImageBlock | PageLinkBlock):
        if isinstance(raw, int):
            found.setdefault(block.model_class, set()).add(raw)
    elif isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
        _linked_page_ids(raw, found)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                _chosen_ids(block.child_blocks[item["type"]], item.get("value"), found)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            _chosen_ids(child, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            _chosen_ids(block.child_block, value, found)


_PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
_ID = re.compile(r"\bid=\"(\d+)\"")


def _linked_page_ids(html, found):
    """Collect the ids of the pages a stored rich text links to."""
    for tag in _PAGE_LINK.findall(html):
        if match := _ID.search(tag):
            found.setdefault(Page, set()).add(int(match.group(1)))


def prefetch_chosen_objects(pages, renditions="renditions", fields=None):
    """Read the pages and images chosen in these pages' StreamFields, one query per model (and
    one for the images' renditions, or those a `Prefetch` of `renditions` selects), for the
    chooser blocks to use while the scope is open.

    The images and pages the pages' own fields point at (listing, social and hero images, a
    call to action's page) are read in the same queries and set on the pages, which then need
    none of their own. With `fields` (an API response's), only the fields named there."""
    memo = _chosen.get()
    if memo is None:
        return
    image_model = get_image_model()
    found, own_objects = {}, []
    for page in pages:
        for field in page._meta.concrete_fields:
            if fields is not None and field.name not in fields:
                continue
            if isinstance(field, StreamField):
                _chosen_ids(field.stream_block, list(getattr(page, field.name).raw_data), found)
            elif isinstance(field, RichTextField):
                _linked_page_ids(getattr(page, field.name) or "", found)
            elif field.many_to_one and field.related_model in (image_model, Page):
                object_id = getattr(page, field.attname)
                if object_id is not None and not field.is_cached(page):
                    found.setdefault(field.related_model, set()).add(object_id)
                    own_objects.append((page, field, object_id))
    for model, ids in found.items():
        known = memo.setdefault(model, {})
        wanted = ids - known.keys()
        objects = model.objects.in_bulk(wanted)
        if hasattr(model, "renditions"):
            prefetch_related_objects(list(objects.values()), renditions)
        for pk in wanted:
            known[pk] = objects.get(pk)
    for page, field, object_id in own_objects:
        if (chosen := memo[field.related_model].get(object_id)) is not None:
            field.set_cached_value(page, chosen)


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = "Text with headings, lists and links."
        preview_value = (
            "<h2>What to expect</h2><p>Your first visit starts with a conversation with the "
            "physician about your history and the treatments you have tried.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text="The image's alt text is set on the image itself.")
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        description = "An image across the text column, with an optional caption."
        preview_value = {"caption": "A quiet infusion room with a reclining chair."}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A short quotation set apart from the text, with who said it."
        preview_value = {
            "quote": "We take the time to understand each patient's history before any treatment.",
            "attribution": "The clinic's care team",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    button_label = blocks.CharBlock(max_length=60)
    page = PageLinkBlock(required=False, help_text="Link to a page of this site…")
    url = blocks.URLBlock(required=False, help_text="…or to another address.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose either a page or an address for the button, not both."
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        description = "A highlighted box that invites the reader to take the next step."
        preview_value = {
            "heading": "Talk to us about your options",
            "text": "Request an appointment online or call either office.",
            "button_label": "Request an appointment",
            "url": "https://example.org/",
        }


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255)
    answer = blocks.RichTextBlock(features=INLINE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        label = "FAQ"
        description = "A question and its answer. Also published to search engines as an FAQ."
        preview_value = {
            "question": "How long does an infusion take?",
            "answer": "<p>Plan on being with us for about two hours.</p>",
        }


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=40, help_text='The number or short fact, e.g. "40 million".'
    )
    label = blocks.CharBlock(max_length=200, help_text="What the figure means, in a sentence.")
    source_title = blocks.CharBlock(max_length=200, help_text="Where the figure comes from.")
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "tick-inverse"
        template = "blocks/key_fact.html"


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/key_facts.html"
        description = "Figures with their sources, shown side by side."
        preview_value = {
            "heading": "Migraine in numbers",
            "facts": [
                {
                    "figure": "40 million",
                    "label": "people in the United States live with migraine.",
                    "source_title": "American Migraine Foundation",
                }
            ],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "list-ol"
        template = "blocks/step.html"
        description = "One step of a visit or a process, in order."
        preview_value = {
            "title": "Arrive and settle in",
            "text": "A nurse checks your blood pressure and places a small IV line in your arm.",
        }


class ReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=300)
    publisher = blocks.CharBlock(max_length=200, required=False)
    date = blocks.DateBlock(required=False, help_text="Publication date, if the source has one.")
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/reference.html"
        description = "A source the page's facts rely on."
        preview_value = {
            "title": "Migraine facts",
            "publisher": "American Migraine Foundation",
            "url": "https://americanmigrainefoundation.org/",
        }


class BodyBlock(blocks.StreamBlock):
    """The body of every page type."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    key_facts = KeyFactsBlock()


class TrustPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=60, help_text='A short fact, e.g. "Physician-led".')
    text = blocks.CharBlock(
        required=False, max_length=160, help_text="One line that backs it up (optional)."
    )

    class Meta:
        icon = "success"


class TrustStripBlock(blocks.StructBlock):
    """What the clinic is, in a few short facts a visitor takes in at a glance."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Read by screen readers only, e.g. “Why patients choose us”.",
    )
    points = blocks.ListBlock(TrustPointBlock(), min_num=2, max_num=6)

    class Meta:
        icon = "success"
        template = "blocks/trust_strip.html"
        label = "Trust strip"
        description = "A row of short facts about the clinic, e.g. physician-led, two offices."
        preview_value = {
            "heading": "Why patients choose us",
            "points": [
                {"title": "Physician-led", "text": "A physician sees you before any treatment."},
                {"title": "Two offices", "text": "Stamford and Westport, Connecticut."},
            ],
        }


class HowItWorksBlock(blocks.StructBlock):
    """The path from the first call to follow-up, as numbered steps."""

    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(required=False, max_length=300)
    steps = blocks.ListBlock(StepBlock(), min_num=2, max_num=6)

    class Meta:
        icon = "list-ol"
        template = "blocks/how_it_works.html"
        label = "How it works"
        description = "Numbered steps from the first consultation to follow-up."
        preview_value = {
            "heading": "How it works",
            "steps": [
                {"title": "Consultation", "text": "A physician reviews your history with you."},
                {"title": "Your plan", "text": "You decide together whether treatment fits."},
            ],
        }


class HomeBodyBlock(BodyBlock):
    """The home page's body: the blocks of every page, and the trust strip and "how it works"
    sequence that belong near the top of the home page."""

    trust_strip = TrustStripBlock()
    how_it_works = HowItWorksBlock()
