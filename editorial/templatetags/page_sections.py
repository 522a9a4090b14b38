"""The "On this page" list of a long clinical page, taken from the headings it shows.

`{% capture as main %}…{% endcapture %}` renders a part of the template once and keeps it;
`main|page_sections` lists its second-level headings that carry an `id` (each section's own
heading, in the visitor's language), so the list always matches what the page shows, whatever
sections an editor filled in. `main|with_heading_ids` first gives the plain `<h2>` headings an
editor wrote in rich text an `id`, so an article's own sections are listed too.
"""

import re
from html.parser import HTMLParser

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context))
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render the contents into `name`, output nothing."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class _HeadingFinder(HTMLParser):
    """The `<h2 id="…">` headings of an HTML fragment, with their text; a heading marked
    `data-toc-skip` (e.g. the closing call to action) is left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []
        self.current = None

    def handle_starttag(self, tag, attrs):
        if tag != "h2":
            return
        attributes = dict(attrs)
        if attributes.get("id") and "data-toc-skip" not in attributes:
            self.current = {"id": attributes["id"], "parts": []}

    def handle_endtag(self, tag):
        if tag == "h2" and self.current is not None:
            title = " ".join("".join(self.current["parts"]).split())
            if title:
                self.sections.append({"id": self.current["id"], "title": title})
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["parts"].append(data)


@register.filter
def page_sections(html):
    """`[{"id": …, "title": …}, …]`: the sections of `html` to list under "On this page"."""
    finder = _HeadingFinder()
    finder.feed(str(html or ""))
    finder.close()
    return finder.sections


# A heading as rich text writes it: `<h2>` without attributes (the templates' own headings have
# an id, a block's heading a class; neither is touched).
BARE_H2 = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)


@register.filter
def with_heading_ids(html):
    """`html` with an `id` on each plain `<h2>` (from its text: "section-why-it-matters"),
    unique within the page."""
    html = str(html or "")
    taken = set(re.findall(r'\bid="([^"]+)"', html))

    def add_id(match):
        base = "section-" + (slugify(strip_tags(match.group(1)), allow_unicode=True) or "part")
        anchor, number = base, 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        return f'<h2 id="{anchor}">{match.group(1)}</h2>'

    return mark_safe(BARE_H2.sub(add_id, html))
