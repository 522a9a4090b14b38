"""Plain text from rich text, for feeds, structured data and descriptions."""

import html

from django.utils.html import strip_tags


def plain_text(rich_text):
    """The words of a rich-text value, without markup, entities or runs of white space."""
    return " ".join(html.unescape(strip_tags(str(rich_text or ""))).split())
