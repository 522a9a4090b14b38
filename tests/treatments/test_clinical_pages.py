"""Long clinical pages read well: an "On this page" list of their own sections in the visitor's
language, FAQs and references behind disclosures that need no JavaScript, the medical review line
at the top, and a closing next step that asks for an appointment about the page's topic."""

import html as html_lib
import re

import pytest
from wagtail.models import Page

from appointments.models import AppointmentRequestPage


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def text_of(fragment):
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def toc_links(html, variant):
    nav = re.search(rf'<nav class="toc toc--{variant}".*?</nav>', html, re.S)
    assert nav, f"no {variant} 'On this page' list"
    return [
        (anchor, text_of(label))
        for anchor, label in re.findall(
            r'<a class="toc__link" href="#([^"]+)">(.*?)</a>', nav.group(0)
        )
    ]


def spanish(page):
    return page.get_translation(Page.objects.get(depth=2, locale__language_code="es").locale)


@pytest.mark.parametrize("name", ["ketamine", "migraine", "article"])
def test_on_this_page_lists_every_section_and_each_link_lands_on_its_heading(client, demo, name):
    page = getattr(demo, name)
    html = get_html(client, page)
    links = toc_links(html, "inline")
    assert toc_links(html, "aside") == links
    assert len(links) >= 4
    for anchor, label in links:
        heading = re.search(rf'<h2 id="{re.escape(anchor)}"[^>]*>(.*?)</h2>', html, re.S)
        assert heading, f"#{anchor} is not a heading on {page.url}"
        assert text_of(heading.group(1)) == label
    labels = [label for _anchor, label in links]
    assert "Frequently asked questions" in labels or not page.faqs
    assert "References" in labels
    # The phone's list is a disclosure: it opens without JavaScript.
    assert re.search(
        r'<nav class="toc toc--inline".*?<details class="toc__disclosure">', html, re.S
    )


def test_an_articles_own_sections_are_listed(client, demo):
    html = get_html(client, demo.article)
    written = [text_of(h) for h in re.findall(r"<h2>(.*?)</h2>", str(demo.article.body))]
    assert written, "the demo article has sections of its own"
    labels = [label for _anchor, label in toc_links(html, "inline")]
    for heading in written:
        assert heading in labels


@pytest.mark.parametrize("name", ["ketamine", "migraine", "article"])
def test_on_this_page_is_in_spanish_on_the_spanish_page(client, demo, name):
    page = spanish(getattr(demo, name))
    html = get_html(client, page)
    assert "En esta página" in html
    labels = [label for _anchor, label in toc_links(html, "inline")]
    assert "Referencias" in labels
    assert "References" not in labels and "Frequently asked questions" not in labels


def test_faqs_and_references_are_disclosures(client, demo):
    html = get_html(client, demo.ketamine)
    faqs = re.findall(
        r'<details class="faq">\s*<summary class="faq__question">(.*?)</summary>', html
    )
    assert [text_of(q) for q in faqs] == [block.value["question"] for block in demo.ketamine.faqs]
    references = re.search(
        r'<section class="page-section references-section".*?<details class="disclosure '
        r'references-disclosure">\s*<summary[^>]*>(.*?)</summary>\s*<ol class="references">',
        html,
        re.S,
    )
    assert references
    assert text_of(references.group(1)) == (
        f"Show the {len(demo.ketamine.references)} sources this page cites"
    )


@pytest.mark.parametrize("name", ["ketamine", "migraine", "article"])
def test_medically_reviewed_by_is_at_the_top(client, demo, name):
    page = getattr(demo, name)
    html = get_html(client, page)
    review = html.index('<p class="medical-review">')
    assert html.index("<h1>") < review < html.index('class="content-layout"')
    line = text_of(re.search(r'<p class="medical-review">.*?</p>', html, re.S).group(0))
    assert f"Medically reviewed by {page.reviewer.display_name}" in line


@pytest.mark.parametrize("name", ["ketamine", "migraine"])
def test_a_clinical_page_ends_with_a_request_about_its_topic(client, demo, name):
    page = getattr(demo, name)
    html = get_html(client, page)
    request_page = AppointmentRequestPage.objects.get(
        slug="request-an-appointment", locale=demo.home.locale
    )
    step = re.search(r'<section class="next-step".*?</section>', html, re.S)
    assert step, "no next step"
    # Nothing of the article follows it but the medical notice.
    after = html[step.end() : html.index('<div class="content-aside">')]
    assert "page-section" not in after and "medical-notice" in after
    assert f"Your request will be about: {page.title}" in text_of(step.group(0))
    link = re.search(r'<a class="button button--large" href="([^"]+)"', step.group(0)).group(1)
    link = html_lib.unescape(link)
    assert link.startswith(f"{request_page.url}?") and f"topic={page.pk}" in link
    # Following it, the form has the topic chosen.
    form = client.get(link)
    assert form.status_code == 200
    assert chosen_topics(form.content.decode()) == [str(page.pk)]


@pytest.mark.parametrize("topic", ["abc", "-1", "99999999999999999999", "1e9", "%00", ""])
def test_a_bad_topic_in_the_link_is_ignored(client, demo, topic):
    request_page = AppointmentRequestPage.objects.get(
        slug="request-an-appointment", locale=demo.home.locale
    )
    response = client.get(f"{request_page.url}?topic={topic}")
    assert response.status_code == 200
    assert chosen_topics(response.content.decode()) in ([], [""])


def chosen_topics(html):
    """The values of the topic list's selected options."""
    topic_select = html.split('name="topic"', 1)[1].split("</select>")[0]
    return re.findall(r'<option value="([^"]*)" selected>', topic_select)


def test_an_office_is_not_a_topic(client, demo):
    request_page = AppointmentRequestPage.objects.get(
        slug="request-an-appointment", locale=demo.home.locale
    )
    html = client.get(f"{request_page.url}?topic={demo.stamford.pk}").content.decode()
    assert chosen_topics(html) in ([], [""])  # the browser shows the first: "Not sure yet"


def test_a_physician_without_a_photo_has_a_drawn_portrait_not_initials(client, demo):
    assert not demo.mcallister.photo
    for page in (demo.mcallister, demo.stamford, demo.physicians, demo.article):
        html = get_html(client, page)
        assert "images/portrait-placeholder" in html, page.url
        assert "avatar--initials" not in html


def test_clinical_pages_load_their_own_stylesheet_and_others_do_not(client, demo):
    for page in (demo.ketamine, demo.migraine, demo.article):
        assert "css/clinical" in get_html(client, page)
    assert "css/clinical" not in get_html(client, demo.home)


def test_each_article_condition_treatment_and_office_has_its_own_picture(demo):
    pages = [demo.migraine, demo.depression, demo.anxiety, demo.bipolar, demo.ketamine]
    pages += [demo.stamford, demo.westport, demo.article, demo.first_visit, demo.migraine_types]
    images = [page.image_id for page in pages]
    assert None not in images
    assert len(set(images)) == len(images)
