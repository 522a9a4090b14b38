"""StreamField blocks shared by every page type.

Each block has a template, a description and a preview value, so editors see what a block does in
the block picker before they use it.
"""


from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from home.api import image_renditions, related_page

# Links to pages and documents, headings below the page title, lists: what clinical copy needs.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Short prose fields (answers, captions, intros): no headings.
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(ImageChooserBlock):
    """Chooses an image; the API shows it as renditions with alt text, never a bare id."""

    def bulk_to_python(self, values):
        # The images of a whole StreamField are read together; their renditions too.
        images = super().bulk_to_python(values)
        prefetch_related_objects([image for image in images if image is not None], "renditions")
        return images

    def get_api_representation(self, value, context=None):
        return image_renditions(value)


class PageLinkBlock(blocks.PageChooserBlock):
    """Chooses a page; the API shows it as a small nested object with its URL."""

    def get_api_representation(self, value, context=None):
        return related_page(value) if value else None


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
