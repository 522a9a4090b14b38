"""What search engines and patients notice: titles and descriptions, canonical and social tags,
schema.org structured data, the medical-review signals, the sitemap, robots.txt and the admin's
"medical review due" report."""

import datetime
import html as html_lib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Locale, Page, PageViewRestriction

from articles.models import ArticlePage
from home.factories import StandardPageFactory
from seo.sitemaps import PageSitemap
from tests.seo import schemaorg
from treatments.factories import ConditionPageFactory
from treatments.models import ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


# ---------------------------------------------------------------------------------------------
# Reading a page as a search engine does
# ---------------------------------------------------------------------------------------------
def live_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")


def json_ld(html):
    """Every JSON-LD document of a page, parsed."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(script) for script in scripts]


def nodes(value):
    """Every typed node of a JSON-LD value, nested ones included."""
    if isinstance(value, list):
        for item in value:
            yield from nodes(item)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        for key, item in value.items():
            if not key.startswith("@"):
                yield from nodes(item)
        yield from nodes(value.get("@graph", []))


def has_type(node, name):
    return name in schemaorg.types_of(node)


def the_node(html, type_name):
    """The page's node of a type: its own subject (which names the page as its main entity of
    page) rather than a short reference to it, else the fullest node of the type."""
    found = [node for doc in json_ld(html) for node in nodes(doc) if has_type(node, type_name)]
    assert found, f"no {type_name} in the page's structured data"
    own = [node for node in found if "mainEntityOfPage" in node]
    return (own or sorted(found, key=len, reverse=True))[0]


def meta(html, name):
    match = re.search(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)"', html)
    return html_lib.unescape(match.group(1)) if match else None


def link_href(html, rel):
    match = re.search(rf'<link rel="{rel}" href="([^"]+)"', html)
    return html_lib.unescape(match.group(1)) if match else None


def text_of(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def fetch(client, url):
    """Ask for an absolute address the way a crawler would, host and all."""
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.netloc, f"{url} is not absolute"
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https")


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def spanish_translation(page):
    """A live Spanish translation of `page` (made here when the demo has none yet)."""
    spanish = Locale.objects.get(language_code="es")
    translation = page.get_translation_or_none(spanish)
    if translation is None:
        translation = page.copy_for_translation(spanish, copy_parents=True)
        translation.title = f"{page.title} (es)"
    return publish(translation.specific)


# ---------------------------------------------------------------------------------------------
# Structured data
# ---------------------------------------------------------------------------------------------
def test_the_vocabulary_check_catches_what_schema_org_does_not_define():
    """Guards the check below: invented types, misplaced properties and wrong enum values fail."""
    bad = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "MedicalClinic", "reviewedBy": {"@type": "Person", "name": "X"}},
            {"@type": "MedicalTherapy", "legalStatus": "https://schema.org/Monday"},
            {"@type": "OffLabelTherapy", "name": "x"},
            {"@type": "OpeningHoursSpecification", "opens": "eight"},
            {"@type": "IndividualPhysician", "jobTitle": "Neurologist"},
        ],
    }
    found = "\n".join(schemaorg.problems(bad))
    assert "MedicalClinic.reviewedBy: not a property of MedicalClinic" in found
    assert "Monday is not a member" in found
    assert "OffLabelTherapy is not a schema.org type" in found
    assert "'eight' is not one of ['Time']" in found
    assert "IndividualPhysician.jobTitle: not a property" in found
    good = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": ["MedicalWebPage", "FAQPage"], "lastReviewed": "2026-10-01"},
            {"@type": "IndividualPhysician", "practicesAt": {"@id": "https://x.test/#c"}},
        ],
    }
    assert schemaorg.problems(good) == []
    assert schemaorg.VOCABULARY["schema_org_version"]


def test_every_page_s_structured_data_uses_only_what_schema_org_defines(client):
    checked = 0
    for page in live_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        documents = json_ld(response.content.decode())
        assert documents, f"{page.url} has no structured data"
        for document in documents:
            assert schemaorg.problems(document) == [], page.url
            checked += 1
        types = {
            name for doc in documents for node in nodes(doc) for name in schemaorg.types_of(node)
        }
        assert "BreadcrumbList" in types, page.url
    assert checked >= 16


def test_every_demo_page_has_its_structured_data(client, demo):
    """Each kind of page says what it is: office, physician, condition, treatment, clinic."""
    expected = {
        demo.home: {"MedicalOrganization", "WebSite", "WebPage"},
        demo.stamford: {"MedicalClinic", "OpeningHoursSpecification", "PostalAddress"},
        demo.westport: {"MedicalClinic", "GeoCoordinates"},
        demo.mcallister: {"IndividualPhysician", "EducationalOccupationalCredential"},
        demo.migraine: {"MedicalWebPage", "MedicalCondition", "MedicalSignOrSymptom", "FAQPage"},
        demo.ketamine: {"MedicalWebPage", "MedicalTherapy", "DrugLegalStatus", "FAQPage"},
        demo.about: {"WebPage", "BreadcrumbList"},
        demo.article: {"MedicalWebPage", "Article", "IndividualPhysician", "FAQPage"},
    }
    for page, wanted in expected.items():
        documents = json_ld(client.get(page.url).content.decode())
        types = set()
        for document in documents:
            for node in nodes(document):
                types.update(schemaorg.types_of(node))
        assert wanted <= types, (page.url, wanted - types)


def test_office_data_matches_the_address_phone_and_hours_on_the_page(client, demo):
    html = client.get(demo.stamford.url).content.decode()
    clinic = the_node(html, "MedicalClinic")
    address = clinic["address"]
    visible_address = text_of(re.search(r"<address.*?</address>", html, re.S).group(0))
    assert address["streetAddress"] in visible_address
    assert f"{address['addressLocality']}, {address['addressRegion']}" in visible_address
    assert address["postalCode"] in visible_address
    assert re.sub(r"\D", "", clinic["telephone"]).endswith(re.sub(r"\D", "", demo.stamford.phone))
    assert clinic["geo"]["latitude"] == float(demo.stamford.latitude)
    assert clinic["geo"]["longitude"] == float(demo.stamford.longitude)

    # The hours: each day in the data shows those hours in the page's table, and every day the
    # table shows open is in the data.
    rows = dict(
        re.findall(
            r'<th scope="row">(\w+).*?</th>\s*<td>(.*?)</td>', html.split('id="hours"')[1], re.S
        )
    )
    days_in_data = set()
    for spec in clinic["openingHoursSpecification"]:
        opens = datetime.time.fromisoformat(spec["opens"])
        closes = datetime.time.fromisoformat(spec["closes"])
        shown = f"{date_format(opens, 'TIME_FORMAT')}–{date_format(closes, 'TIME_FORMAT')}"
        for day in spec["dayOfWeek"]:
            name = day.removeprefix("https://schema.org/")
            days_in_data.add(name)
            assert shown in text_of(rows[name]), name
    open_days = {day for day, cell in rows.items() if "Closed" not in text_of(cell)}
    assert days_in_data == open_days
    assert clinic["openingHoursSpecification"], "the office has opening hours"

    services = {service["url"] for service in clinic["availableService"]}
    assert f"http://testserver{demo.ketamine.url}" in services
    assert f'href="{demo.ketamine.url}"' in html
    assert "https://schema.org/Neurologic" in clinic["medicalSpecialty"]


def test_physician_data_matches_the_profile(client, demo):
    html = client.get(demo.mcallister.url).content.decode()
    physician = the_node(html, "IndividualPhysician")
    assert physician["name"] == demo.mcallister.title
    practices_at = {place["url"] for place in physician["practicesAt"]}
    assert practices_at == {
        f"http://testserver{demo.stamford.url}",
        f"http://testserver{demo.westport.url}",
    }
    assert {credential["name"] for credential in physician["hasCredential"]} >= {"MD", "FAAN"}
    assert "MD, FAAN" in text_of(html)
    assert physician["knowsLanguage"] == [block.value for block in demo.mcallister.languages]
    assert "https://schema.org/Neurologic" in physician["medicalSpecialty"]
    assert physician["isAcceptingNewPatients"] is True
    assert "Accepting new patients" in text_of(html)


def test_clinical_page_data_names_the_reviewer_and_date_the_page_shows(client, demo):
    for page in (demo.migraine, demo.depression, demo.anxiety, demo.bipolar, demo.ketamine):
        html = client.get(page.url).content.decode()
        web_page = the_node(html, "MedicalWebPage")
        review = re.search(r'<p class="medical-review">.*?</p>', html, re.S).group(0)
        shown_date = re.search(r'<time datetime="([\d-]+)"', review).group(1)
        shown_link = re.search(r'<a href="([^"]+)">([^<]+)</a>', review)
        assert web_page["lastReviewed"] == shown_date == page.last_reviewed.isoformat()
        assert web_page["reviewedBy"]["url"] == f"http://testserver{shown_link.group(1)}"
        assert html_lib.unescape(shown_link.group(2)).startswith(web_page["reviewedBy"]["name"])
        assert web_page["reviewedBy"]["@type"] == "IndividualPhysician"
        cited = [work["name"] for work in web_page["citation"]]
        assert cited == [block.value["title"] for block in page.references]
        for title in cited:
            assert title in text_of(html)


def test_condition_data_lists_its_symptoms_and_treatments(client, demo):
    html = client.get(demo.migraine.url).content.decode()
    condition = the_node(html, "MedicalCondition")
    symptoms = [symptom["name"] for symptom in condition["signOrSymptom"]]
    assert symptoms == [block.value for block in demo.migraine.symptoms]
    for symptom in symptoms:
        assert symptom in text_of(html)
    treatments = [therapy["url"] for therapy in condition["possibleTreatment"]]
    assert treatments == [f"http://testserver{demo.ketamine.url}"]
    assert all(therapy["@type"] == "MedicalTherapy" for therapy in condition["possibleTreatment"])


def test_treatment_data_states_risks_and_the_off_label_status(client, demo):
    html = client.get(demo.ketamine.url).content.decode()
    therapy = the_node(html, "MedicalTherapy")
    status = therapy["legalStatus"]
    assert status["@type"] == "DrugLegalStatus"
    assert status["name"] == demo.ketamine.get_regulatory_status_display()
    assert status["name"] in text_of(html)  # the same words the regulatory box shows
    assert "off-label" in status["name"].lower()
    assert "nausea" in [outcome["name"] for outcome in therapy["adverseOutcome"]]
    assert "a history of psychosis" in therapy["contraindication"]
    for outcome in therapy["adverseOutcome"]:
        assert outcome["name"] in text_of(html)
    conditions = {
        node["url"]
        for document in json_ld(html)
        for node in nodes(document)
        if has_type(node, "MedicalCondition")
        and node.get("possibleTreatment", {}).get("@id") == therapy["@id"]
    }
    assert f"http://testserver{demo.migraine.url}" in conditions


def test_faq_data_has_the_questions_and_answers_the_page_shows(client, demo):
    html = client.get(demo.ketamine.url).content.decode()
    faq_page = the_node(html, "FAQPage")
    questions = [question["name"] for question in faq_page["mainEntity"]]
    assert questions == [block.value["question"] for block in demo.ketamine.faqs]
    shown = re.findall(r'<summary class="faq__question">(.*?)</summary>', html, re.S)
    assert [html_lib.unescape(question) for question in shown] == questions
    for question in faq_page["mainEntity"]:
        assert question["acceptedAnswer"]["text"] in text_of(html)
    # One FAQPage per page: the page is the FAQPage, there is no second one.
    count = sum(has_type(n, "FAQPage") for d in json_ld(html) for n in nodes(d))
    assert count == 1


def test_breadcrumb_data_follows_the_visible_breadcrumbs(client, demo):
    html = client.get(demo.migraine.url).content.decode()
    trail = the_node(html, "BreadcrumbList")["itemListElement"]
    nav = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    shown = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
    assert [item["name"] for item in trail] == [html_lib.unescape(name) for _, name in shown]
    assert [item["item"]["@id"] for item in trail] == [f"http://testserver{u}" for u, _ in shown]
    assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))


def test_home_page_describes_the_clinic_and_its_offices(client, demo):
    html = client.get(demo.home.url).content.decode()
    clinic = the_node(html, "MedicalOrganization")
    assert clinic["name"] == "Ki Ketamine"
    assert clinic["logo"].startswith("http://testserver/")
    offices = {office["url"] for office in clinic["subOrganization"]}
    assert offices == {
        f"http://testserver{demo.stamford.url}",
        f"http://testserver{demo.westport.url}",
    }


def test_editor_text_cannot_end_the_structured_data_script(client, demo):
    page = demo.migraine
    hostile = 'Pain & </script><script>alert("x")</script> <!-- "quoted"'
    page.summary = hostile
    page.faqs = [("faq", {"question": hostile, "answer": "<p>An answer.</p>"})]
    publish(page)
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    condition = the_node(html, "MedicalCondition")
    assert condition["description"] == hostile  # the text survives, escaped, not cut
    faq_page = the_node(html, "FAQPage")
    assert faq_page["mainEntity"][0]["name"] == hostile


# ---------------------------------------------------------------------------------------------
# Titles, descriptions, canonical, social tags, noindex
# ---------------------------------------------------------------------------------------------
def test_title_description_canonical_and_social_tags(client, demo):
    page = demo.ketamine
    html = client.get(page.url).content.decode()
    assert f"<title>{page.seo_title} | Ki Ketamine</title>" in html_lib.unescape(html)
    assert meta(html, "description") == page.search_description
    assert meta(html, "og:description") == page.search_description
    assert meta(html, "twitter:description") == page.search_description
    assert meta(html, "og:title") == meta(html, "twitter:title") == page.seo_title
    canonical = link_href(html, "canonical")
    assert canonical == f"http://testserver{page.url}" == meta(html, "og:url")
    image = meta(html, "og:image")
    assert image.startswith("http://testserver/") and "fill-1200x630" in image
    assert meta(html, "og:image:width") == "1200" and meta(html, "og:image:height") == "630"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == image
    assert meta(html, "og:image:alt") == page.get_social_image().alt_text
    # Media is served by the web server, not Django: the rendition file must exist on disk.
    media_path = urlsplit(image).path.removeprefix(settings.MEDIA_URL)
    assert Path(settings.MEDIA_ROOT, media_path).is_file()
    assert meta(html, "robots") is None


def test_meta_description_falls_back_to_the_listing_summary_then_the_summary(client, demo):
    page = demo.anxiety
    page.search_description = ""
    page = publish(page)
    html = client.get(page.url).content.decode()
    assert page.listing_summary
    assert meta(html, "description") == " ".join(page.listing_summary.split())
    page.listing_summary = ""
    page = publish(page)
    html = client.get(page.url).content.decode()
    assert meta(html, "description") == " ".join(page.summary.split())
    assert meta(html, "og:description") == " ".join(page.summary.split())


def test_a_page_without_a_social_image_gets_a_small_card(client, demo):
    page = StandardPageFactory(parent=demo.home, title="Careers")
    html = client.get(page.url).content.decode()
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"


def test_noindex_pages_ask_search_engines_to_stay_away_and_leave_the_sitemap(client, demo):
    page = demo.notice
    page.noindex = True
    publish(page)
    html = client.get(page.url).content.decode()
    assert meta(html, "robots") == "noindex"
    assert f"http://testserver{page.url}" not in sitemap_locations(client)


def test_canonical_and_hreflang_links_are_absolute_and_answer(client, demo):
    spanish_translation(demo.migraine)
    for page in live_pages():
        html = client.get(page.url).content.decode()
        canonical = link_href(html, "canonical")
        assert canonical == f"http://testserver{page.url}", page.url
        assert fetch(client, canonical).status_code == 200, canonical
        for tag in re.findall(r"<link\b[^>]*\bhreflang=[^>]*>", html):
            href = html_lib.unescape(re.search(r'href="([^"]+)"', tag).group(1))
            assert fetch(client, href).status_code == 200, (page.url, href)
    # The alternates may come from the templates or only from the sitemap; both are checked.
    for url in sitemap_locations(client):
        assert fetch(client, url).status_code == 200, url


# ---------------------------------------------------------------------------------------------
# Visible trust signals
# ---------------------------------------------------------------------------------------------
def clinical_pages():
    # The English pages; tests/home/test_translations.py checks their Spanish translations.
    for model in (ConditionPage, TreatmentPage, ArticlePage):
        yield from model.objects.live().public().filter(locale__language_code="en")


def test_every_clinical_page_shows_reviewer_date_references_and_the_crisis_notice(client):
    pages = list(clinical_pages())
    assert len(pages) >= 8
    for page in pages:
        html = client.get(page.url).content.decode()
        reviewer = page.reviewed_by.localized
        review = text_of(re.search(r'<p class="medical-review">.*?</p>', html, re.S).group(0))
        shown_date = date_format(page.last_reviewed, "DATE_FORMAT")
        assert f"Medically reviewed by {reviewer.display_name} on {shown_date}" in review, page.url
        assert f'<a href="{reviewer.url}">{reviewer.display_name}</a>' in html_lib.unescape(html)
        references = re.search(r'<ol class="references">(.*?)</ol>', html, re.S)
        assert references, f"{page.url} has no numbered references"
        items = re.findall(r"<li class=\"reference\">(.*?)</li>", references.group(1), re.S)
        assert len(items) == len(page.references) >= 1
        for item, block in zip(items, page.references, strict=True):
            assert block.value["title"] in html_lib.unescape(item)
            if block.value["url"]:
                assert f'href="{block.value["url"]}"' in item
        text = text_of(html)
        assert "is not medical advice" in text
        assert "988" in text and "911" in text


def test_the_ketamine_page_shows_its_off_label_status(client, demo):
    html = client.get(demo.ketamine.url).content.decode()
    box = text_of(re.search(r'<section class="regulatory-box".*?</section>', html, re.S).group(0))
    assert "Off-label use of an FDA-approved medicine" in box
    assert "not for this one" in box


# ---------------------------------------------------------------------------------------------
# Sitemap and robots.txt
# ---------------------------------------------------------------------------------------------
def sitemap_files(client):
    """The files /sitemap.xml, an index, names; each must answer."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{SITEMAP_NS['sm']}}}sitemapindex"
    return [
        entry.findtext("sm:loc", namespaces=SITEMAP_NS)
        for entry in root.findall("sm:sitemap", SITEMAP_NS)
    ]


def sitemap_entries(client):
    entries = {}
    for location in sitemap_files(client):
        response = fetch(client, location)
        assert response.status_code == 200, location
        root = ElementTree.fromstring(response.content)
        for url in root.findall("sm:url", SITEMAP_NS):
            entries[url.findtext("sm:loc", namespaces=SITEMAP_NS)] = {
                "lastmod": url.findtext("sm:lastmod", namespaces=SITEMAP_NS),
                "alternates": {
                    link.get("hreflang"): link.get("href")
                    for link in url.findall("xhtml:link", SITEMAP_NS)
                },
            }
    return entries


def sitemap_locations(client):
    return set(sitemap_entries(client))


def test_sitemap_lists_every_live_public_page_of_every_language_and_nothing_else(client, demo):
    spanish = spanish_translation(demo.migraine)
    draft = ConditionPageFactory(parent=demo.conditions, title="Draft condition")
    draft.unpublish()
    private = StandardPageFactory(parent=demo.home, title="Staff only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="staff"
    )
    under_private = StandardPageFactory(parent=private, title="Staff rota")

    entries = sitemap_entries(client)
    expected = {
        f"http://testserver{page.url}"
        for page in live_pages()
        if page.alias_of_id is None and not page.noindex
    }
    assert set(entries) == expected
    assert {Page.objects.get(pk=spanish.pk).locale.language_code} == {"es"}
    for page in (demo.home, demo.migraine, demo.ketamine, demo.stamford, spanish):
        assert f"http://testserver{page.url}" in entries, page.url
    for page in (draft, private, under_private):
        assert f"http://testserver{page.url}" not in entries, page.title

    english = entries[f"http://testserver{demo.migraine.url}"]
    assert english["lastmod"] == timezone.localdate(demo.migraine.last_published_at).isoformat()
    alternates = {
        "en": f"http://testserver{demo.migraine.url}",
        "es": f"http://testserver{spanish.url}",
        "x-default": f"http://testserver{demo.migraine.url}",
    }
    assert spanish.url.startswith("/es/")
    assert english["alternates"] == alternates
    assert entries[f"http://testserver{spanish.url}"]["alternates"] == alternates


def test_sitemap_queries_do_not_grow_with_the_pages_listed(client, demo):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
            assert client.get("/sitemap-pages.xml?p=1").status_code == 200
        return len(captured)

    queries()
    few = queries()
    for number in range(20):
        ConditionPageFactory(parent=demo.conditions, title=f"Condition {number}")
    queries()  # the site for the host is looked up again after a change
    assert queries() <= few


def test_the_sitemap_index_counts_the_pages_and_their_newest_change_in_one_scan(
    client, demo, monkeypatch
):
    monkeypatch.setattr(PageSitemap, "limit", 7)
    newest = max(page.last_published_at for page in Page.objects.live().exclude(depth=1))
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    scans = [q["sql"] for q in captured if 'FROM "wagtailcore_page"' in q["sql"]]
    counting = [sql for sql in scans if "COUNT(" in sql or "MAX(" in sql]
    assert len(counting) == 1, counting
    root = ElementTree.fromstring(response.content)
    files = root.findall("sm:sitemap", SITEMAP_NS)
    assert len(files) == -(-len(sitemap_entries(client)) // 7) > 1
    lastmods = {
        datetime.datetime.fromisoformat(item.findtext("sm:lastmod", namespaces=SITEMAP_NS))
        for item in files
    }
    assert lastmods == {newest}, lastmods


def test_the_sitemap_is_split_into_files_of_bounded_size(client, demo, monkeypatch):
    """However many pages the site has, no file lists more than the limit, and together they list
    each page once, its alternates included even when they are in another file."""
    spanish = spanish_translation(demo.migraine)
    everything = sitemap_entries(client)
    monkeypatch.setattr(PageSitemap, "limit", 7)
    files = sitemap_files(client)
    assert files[0] == "http://testserver/sitemap-pages.xml"
    assert files[1:] == [
        f"http://testserver/sitemap-pages.xml?p={number}" for number in range(2, len(files) + 1)
    ]
    assert len(files) == -(-len(everything) // 7)
    seen = []
    for location in files:
        root = ElementTree.fromstring(fetch(client, location).content)
        urls = root.findall("sm:url", SITEMAP_NS)
        assert 1 <= len(urls) <= 7, location
        seen += [url.findtext("sm:loc", namespaces=SITEMAP_NS) for url in urls]
    assert sorted(seen) == sorted(everything)
    assert sitemap_entries(client) == everything
    assert everything[f"http://testserver{spanish.url}"]["alternates"]["en"] == (
        f"http://testserver{demo.migraine.url}"
    )


@pytest.mark.parametrize("query", ["p=0", "p=99", "p=abc", "p=99999999999999999999999", "p=%00"])
def test_a_sitemap_page_that_does_not_exist_answers_404(client, demo, query):
    assert client.get(f"/sitemap-pages.xml?{query}").status_code == 404


def test_an_unknown_sitemap_answers_404(client, demo):
    assert client.get("/sitemap-images.xml").status_code == 404


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_search_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    robots = RobotFileParser()
    robots.parse(lines)
    for path in ("/admin/", "/admin/pages/", "/search/?q=migraine", "/es/search/?q=migraña"):
        assert not robots.can_fetch("Googlebot", f"http://testserver{path}"), path
    for path in ("/", "/conditions/chronic-migraine/", "/es/", "/sitemap.xml"):
        assert robots.can_fetch("Googlebot", f"http://testserver{path}"), path
    sitemap = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap:")]
    assert fetch(client, sitemap[0]).status_code == 200


def test_sitemap_and_robots_live_outside_the_language_prefix(client):
    assert reverse("sitemap") == "/sitemap.xml"
    assert reverse("robots_txt") == "/robots.txt"
    assert client.get("/es/robots.txt").status_code == 404


# ---------------------------------------------------------------------------------------------
# The admin: the missing-description warning and the review-due report
# ---------------------------------------------------------------------------------------------
MISSING_DESCRIPTION = "This clinical page has no meta description"


def test_editors_are_warned_when_a_clinical_page_has_no_meta_description(editor_client, demo):
    edit_url = reverse("wagtailadmin_pages:edit", args=[demo.migraine.pk])
    assert MISSING_DESCRIPTION not in editor_client.get(edit_url).content.decode()

    demo.migraine.search_description = ""
    demo.migraine.save_revision()  # a draft without a description is what the editor sees
    html = editor_client.get(edit_url).content.decode()
    assert MISSING_DESCRIPTION in html
    # The warning names the field as the form labels it.
    assert "Promote → “Meta description”" in html
    assert re.search(r"<label[^>]*>\s*Meta description\s*<", html)

    about = demo.about
    about.search_description = ""
    about.save_revision()
    about_url = reverse("wagtailadmin_pages:edit", args=[about.pk])
    assert MISSING_DESCRIPTION not in editor_client.get(about_url).content.decode()


def report_rows(editor_client):
    html = editor_client.get(reverse("review_due_report")).content.decode()
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S) if body else []
    listed = {}
    for row in rows:
        page_id = int(re.search(r"/admin/pages/(\d+)/edit/", row).group(1))
        listed[page_id] = text_of(row)
    return html, listed


def test_review_due_report_lists_exactly_the_pages_past_the_allowed_age(
    editor_client, demo, settings
):
    today = timezone.localdate()
    ConditionPage.objects.update(last_reviewed=today)
    TreatmentPage.objects.update(last_reviewed=today)
    ArticlePage.objects.update(last_reviewed=today)
    stale = ConditionPageFactory(
        parent=demo.conditions,
        title="Reviewed long ago",
        last_reviewed=today - datetime.timedelta(days=400),
        reviewed_by=demo.mcallister,
    )
    recent = ConditionPageFactory(
        parent=demo.conditions,
        title="Reviewed recently",
        last_reviewed=today - datetime.timedelta(days=10),
        reviewed_by=demo.mcallister,
    )
    never = ConditionPageFactory(parent=demo.conditions, title="Never reviewed")

    html, listed = report_rows(editor_client)
    assert "Medical review due" in html
    assert set(listed) == {stale.pk, never.pk}
    stale_date = date_format(stale.last_reviewed, "DATE_FORMAT")
    assert "Peter McAllister" in listed[stale.pk] and stale_date in listed[stale.pk]
    assert "Never" in listed[never.pk]
    # The longest-unreviewed first: never, then the oldest review.
    assert list(listed) == [never.pk, stale.pk]

    settings.MEDICAL_REVIEW_MAX_AGE_DAYS = 5
    assert set(report_rows(editor_client)[1]) == {stale.pk, recent.pk, never.pk}


def test_review_due_report_is_in_the_reports_menu_and_exports(editor_client):
    menu = editor_client.get("/admin/").content.decode()
    assert reverse("review_due_report") in menu
    response = editor_client.get(reverse("review_due_report") + "?export=csv")
    assert response.status_code == 200
    header = b"".join(response.streaming_content).decode().splitlines()[0]
    assert header == "Title,Last reviewed by,Last medically reviewed,Status,Language"


def test_review_due_report_is_for_editors_only(client, django_user_model):
    user = django_user_model.objects.create_user(username="visitor", password="x" * 12)
    client.force_login(user)
    response = client.get(reverse("review_due_report"))
    assert response.status_code in (302, 403)
