"""schema.org structured data (JSON-LD), built from the content of a page, never typed by editors.

Every page gets a `WebPage` and its `BreadcrumbList`; clinical pages (those with a medical review)
become a `MedicalWebPage` with `reviewedBy`, `lastReviewed` and their references as `citation`;
pages with FAQs are also an `FAQPage`; the home page describes the clinic (`MedicalOrganization`)
and the web site. What a page is about (an office, a physician, a condition, a treatment) is
described by a module of this package per topic (`clinical`, `offices`, `articles`):

    @register("locations.LocationPage", "MedicalClinic", "clinic")
    def describe_location(page, node, request, context):
        node["telephone"] = page.phone

This app sits above the content apps and reads them; they know nothing of it. Builders take related
pages from the template context (what the page already fetched to show them), so the data costs
a fixed number of queries however many items a page lists.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page

from editorial.models import MedicalReviewMixin
from home.models import HomePage
from home.navigation import live_ancestors
from home.text import plain_text

SCHEMA_ORG = "https://schema.org"


@dataclass(frozen=True)
class Subject:
    """How a page model is described: its schema.org type and the fragment of its node's @id."""

    schema_type: str
    fragment: str
    build: object


_subjects = {}
_discovered = False


def register(model_label, schema_type, fragment):
    """Describe pages of `model_label` as `schema_type`; the decorated function fills in the node
    (`fn(page, node, request, context)`) and may return further nodes for the graph."""

    def decorator(build):
        _subjects[model_label.lower()] = Subject(schema_type, fragment, build)
        return build

    return decorator


def _subject_for(page):
    global _discovered
    if not _discovered:
        # The describers register themselves on import (they import this module's helpers).
        from seo.structured_data import articles, clinical, offices  # noqa: F401

        _discovered = True
    return _subjects.get(page._meta.label_lower)


# ---------------------------------------------------------------------------------------------
# Small helpers the builders share
# ---------------------------------------------------------------------------------------------
def list_items(rich_text):
    """The text of each list item of a rich-text value; the whole text when it has no list."""
    source = str(rich_text or "")
    items = [
        plain_text(item).rstrip(";,.")
        for item in re.findall(r"<li\b[^>]*>(.*?)</li>", source, re.S)
    ]
    items = [item for item in items if item]
    if items:
        return items
    text = plain_text(source)
    return [text] if text else []


def absolute(request, url):
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def page_url(page, request):
    """The address of `page` with scheme and host, as the canonical link gives it."""
    return absolute(request, page.get_url(request))


def site_url(request):
    return absolute(request, "/")


def organization_id(request):
    return f"{site_url(request)}#organization"


def website_id(request):
    return f"{site_url(request)}#website"


def reference(page, request, **extra):
    """A small node standing for `page`'s subject (an office, a physician…), to link to it from
    another node; the full description is on the page itself under the same @id."""
    subject = _subject_for(page)
    url = page_url(page, request)
    node = {"@type": subject.schema_type if subject else "WebPage"}
    if subject and url:
        node["@id"] = f"{url}#{subject.fragment}"
    node["name"] = page.title
    if url and page.live:
        node["url"] = url
    node.update(extra)
    return node


def international_phone(number):
    """A phone number as written by people, in the international form machines read; US numbers
    get +1."""
    digits = "".join(ch for ch in str(number or "") if ch.isdigit() or ch == "+")
    if digits and not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return digits


def iso_date(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None


def compact(node):
    """`node` without empty values, so the data never claims an empty fact."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


# ---------------------------------------------------------------------------------------------
# The graph of a page
# ---------------------------------------------------------------------------------------------
def page_graph(page, request, context=None):
    """The schema.org nodes describing `page`, as a list for a JSON-LD `@graph`."""
    context = context if context is not None else {}
    url = page_url(page, request)
    published, modified = page.first_published_at, page.last_published_at
    if hasattr(page, "get_publication_dates"):
        # Articles state the dates their readers see, which editors set.
        published, modified = page.get_publication_dates()
    web_page = {
        "@type": ["WebPage"],
        "@id": url,
        "url": url,
        "name": page.seo_title or page.title,
        "description": page.get_meta_description() if hasattr(page, "get_meta_description") else "",
        "inLanguage": translation.get_language(),
        "isPartOf": {"@id": website_id(request)},
        "publisher": {"@id": organization_id(request)},
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
        "datePublished": iso_date(published),
        "dateModified": iso_date(modified),
    }
    graph = [web_page, breadcrumb_list(page, request, url)]

    subject = _subject_for(page)
    if subject is not None:
        node = {
            "@type": subject.schema_type,
            "@id": f"{url}#{subject.fragment}",
            "name": page.title,
            "url": url,
            "description": getattr(page, "summary", "") or web_page["description"],
            "mainEntityOfPage": {"@id": url},
        }
        more = subject.build(page, node, request, context) or []
        web_page["about"] = {"@id": node["@id"]}
        graph.append(node)
        graph.extend(more)

    if isinstance(page, MedicalReviewMixin):
        add_medical_review(web_page, page, request)

    questions = faq_questions(page)
    if questions:
        web_page["@type"].append("FAQPage")
        web_page["mainEntity"] = questions

    if isinstance(page, HomePage):
        graph.extend(clinic_and_website(page, request, context))

    web_page["@type"] = web_page["@type"][0] if len(web_page["@type"]) == 1 else web_page["@type"]
    return [_clean(node) for node in graph]


def _clean(value):
    if isinstance(value, dict):
        return compact({key: _clean(item) for key, item in value.items()})
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def breadcrumb_list(page, request, url):
    """The trail from the home page down to `page`, as the visible breadcrumbs show it."""
    trail = list(live_ancestors(page, request))
    trail.append(page)
    return {
        "@type": "BreadcrumbList",
        "@id": f"{url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": {"@id": page_url(crumb, request)},
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def add_medical_review(web_page, page, request):
    """Who reviewed a clinical page, when, and the sources it cites."""
    web_page["@type"][0] = "MedicalWebPage"
    reviewer = page.reviewer
    if reviewer is not None:
        web_page["reviewedBy"] = reference(reviewer, request)
    web_page["lastReviewed"] = iso_date(page.last_reviewed)
    web_page["citation"] = [
        {
            "@type": "CreativeWork",
            "name": block.value["title"],
            "url": block.value.get("url") or None,
            "publisher": (
                {"@type": "Organization", "name": block.value["publisher"]}
                if block.value.get("publisher")
                else None
            ),
            "datePublished": iso_date(block.value.get("date")),
        }
        for block in page.references
        if block.block_type == "reference"
    ]


def faq_questions(page):
    """The page's FAQ blocks (in its FAQ field and its body) as schema.org questions."""
    questions = []
    for field_name in ("faqs", "body"):
        for block in getattr(page, field_name, None) or []:
            if block.block_type == "faq":
                questions.append(
                    {
                        "@type": "Question",
                        "name": block.value["question"],
                        "acceptedAnswer": {
                            "@type": "Answer",
                            "text": plain_text(block.value["answer"]),
                        },
                    }
                )
    return questions


def clinic_and_website(home, request, context):
    """The clinic as an organisation, with its offices, and the web site it publishes."""
    clinic_settings = context.get("clinic_settings")
    name = getattr(clinic_settings, "clinic_name", "") or home.title
    offices = context.get("offices") or []
    organization = {
        "@type": "MedicalOrganization",
        "@id": organization_id(request),
        "name": name,
        "url": page_url(home, request),
        "logo": context.get("logo_url"),
        "telephone": international_phone(getattr(clinic_settings, "main_phone", "")),
        "description": home.get_meta_description(),
        "subOrganization": [
            reference(office, request, telephone=international_phone(office.phone))
            for office in offices
        ],
    }
    website = {
        "@type": "WebSite",
        "@id": website_id(request),
        "name": name,
        "url": page_url(home, request),
        "inLanguage": translation.get_language(),
        "publisher": {"@id": organization_id(request)},
    }
    return [organization, website]


def json_ld_script(data):
    """`data` as a <script type="application/ld+json"> element that editor text cannot end or
    break out of: <, > and & are written as JSON escapes."""
    payload = (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def page_json_ld(page, request, context=None):
    """The structured data of `page` as one JSON-LD script element ('' for anything not a page)."""
    if not isinstance(page, Page):
        return ""
    return json_ld_script({"@context": SCHEMA_ORG, "@graph": page_graph(page, request, context)})
