"""Articles by the clinic's physicians: the demo posts, the links between articles and the condition,
treatment and physician pages, the section's list and filters, the RSS feed, and articles in the
API, search, the sitemap, structured data, translations and the review-due report."""

import datetime
import email.utils
import html as html_lib
import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.factories import ArticlePageFactory, ArticleTopicFactory
from articles.models import ArticleIndexPage, ArticlePage
from home.factories import ClinicImageFactory
from home.models import HomePage
from tests.seo.test_seo import json_ld, link_href, nodes, report_rows, sitemap_locations, the_node
from treatments.models import ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def text_of(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def section(html, element_id):
    """The HTML of the page section with this id."""
    match = re.search(rf'<section [^>]*id="{element_id}".*?</section>', html, re.S)
    assert match, f"no section #{element_id}"
    return match.group(0)


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def card_links(html):
    """The addresses of the article cards a list shows, in order."""
    return re.findall(
        r'<article class="card card--article">.*?<a class="card__link" href="([^"]+)"', html, re.S
    )


def draft_article(demo, title="Zygomorphic draft about migraine"):
    article = ArticlePageFactory(
        parent=demo.articles,
        title=title,
        summary="A zygomorphic summary.",
        author=demo.mcallister,
        conditions=[demo.migraine],
        published_on=timezone.localdate(),
    )
    article.unpublish()
    return article


# ---------------------------------------------------------------------------------------------
# The demo article and the pages it is linked with
# ---------------------------------------------------------------------------------------------
def test_the_demo_article_names_author_and_reviewer_with_dates(client, demo):
    article = demo.article
    html = get_html(client, article.url)
    text = text_of(html)
    author = demo.mcallister
    assert article.author_id == article.reviewed_by_id == author.pk
    assert f"By {author.display_name}" in text
    assert f'<a href="{author.url}" rel="author">{author.display_name}</a>' in html_lib.unescape(
        html
    )
    reviewed = date_format(article.last_reviewed, "DATE_FORMAT")
    assert f"Medically reviewed by {author.display_name} on {reviewed}" in text
    assert f"Published {date_format(article.published_on, 'DATE_FORMAT')}" in text
    assert f"Updated {date_format(article.updated_on, 'DATE_FORMAT')}" in text
    assert re.search(r"\b\d+ min read\b", text)
    assert '<time datetime="2026-06-09">' in html
    # It ends with what it is about and an invitation to request an appointment.
    subjects = section(html, "article-subjects")
    assert f'href="{demo.migraine.url}"' in subjects
    assert f'href="{demo.ketamine.url}"' in subjects
    request_link = re.search(r'<a class="button" href="(/request-an-appointment/[^"]*)"', html)
    assert request_link, "the article invites readers to request an appointment"
    assert client.get(html_lib.unescape(request_link.group(1))).status_code == 200
    # FAQs and numbered references, like every clinical page.
    assert "Frequently asked questions" in text
    assert article.references[0].value["title"] in section(html, "references")


def test_the_condition_and_treatment_pages_link_back_to_the_article(client, demo):
    for page in (demo.migraine, demo.ketamine):
        reading = section(get_html(client, page.url), "further-reading")
        assert "Further reading" in reading
        assert f'href="{demo.article.url}"' in reading, page.url
    # The visit article is about the treatment, not the condition.
    assert f'href="{demo.first_visit.url}"' in section(
        get_html(client, demo.ketamine.url), "further-reading"
    )
    assert f'href="{demo.first_visit.url}"' not in get_html(client, demo.migraine.url)


def test_the_physician_page_lists_the_articles_they_wrote_newest_first(client, demo):
    html = section(get_html(client, demo.mcallister.url), "articles")
    assert "Articles by Peter McAllister" in text_of(html)
    assert card_links(html) == [demo.migraine_types.url, demo.first_visit.url, demo.article.url]


def test_further_reading_leaves_out_drafts_and_private_articles(client, demo):
    draft = draft_article(demo)
    private = ArticlePageFactory(
        parent=demo.articles, title="Private article", conditions=[demo.migraine]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = get_html(client, demo.migraine.url)
    assert draft.title not in html and private.title not in html
    assert f'href="{demo.article.url}"' in html


def test_the_spanish_article_links_to_spanish_pages_and_back(client, demo):
    article = spanish(demo.article)
    assert article.url == "/es/articulos/infusion-de-ketamina-para-la-migrana-cronica/"
    html = get_html(client, article.url)
    text = text_of(html)
    assert '<html lang="es"' in html
    assert "Publicado el" in text and "min de lectura" in text
    assert f"Por {demo.mcallister.display_name}" in text
    subjects = section(html, "article-subjects")
    for page in (demo.migraine, demo.ketamine):
        assert f'href="{spanish(page).url}"' in subjects
        assert f'href="{page.url}"' not in subjects
    assert f'href="{spanish(demo.mcallister).url}"' in html
    for page in (demo.migraine, demo.ketamine, demo.mcallister):
        assert f'href="{article.url}"' in get_html(client, spanish(page).url), page.title
    # The topics link to the Spanish list, by their Spanish names.
    assert 'href="/es/articulos/?topic=migrana">Migraña</a>' in html


# ---------------------------------------------------------------------------------------------
# The articles section: newest first, pages of ten, filters
# ---------------------------------------------------------------------------------------------
def test_the_index_lists_the_articles_newest_first(client, demo):
    html = get_html(client, demo.articles.url)
    assert card_links(html) == [demo.migraine_types.url, demo.first_visit.url, demo.article.url]
    assert "By Peter McAllister, MD, FAAN" in text_of(html)


def test_the_index_shows_ten_articles_a_page_and_keeps_the_filters(client, demo):
    today = timezone.localdate()
    articles = [
        ArticlePageFactory(
            parent=demo.articles,
            title=f"Numbered article {number}",
            published_on=today - datetime.timedelta(days=number),
            conditions=[demo.anxiety],
        )
        for number in range(12)
    ]
    first = get_html(client, f"{demo.articles.url}?condition=anxiety")
    assert card_links(first) == [article.url for article in articles[:10]]
    assert 'href="?condition=anxiety&amp;page=2"' in first
    second = get_html(client, f"{demo.articles.url}?condition=anxiety&page=2")
    assert card_links(second) == [article.url for article in articles[10:]]
    # A page number out of range or not a number shows a page of the list, not an error.
    assert card_links(get_html(client, f"{demo.articles.url}?page=99"))
    assert card_links(get_html(client, f"{demo.articles.url}?page=abc"))


def test_filtering_by_a_condition_lists_exactly_the_articles_about_it(client, demo):
    other = ArticlePageFactory(parent=demo.articles, title="On anxiety", conditions=[demo.anxiety])
    also = ArticlePageFactory(
        parent=demo.articles, title="Migraine and sleep", conditions=[demo.anxiety, demo.migraine]
    )
    expected = {
        page.url
        for page in ArticlePage.objects.live().filter(
            locale__language_code="en", condition_links__condition=demo.migraine
        )
    }
    assert expected == {demo.article.url, demo.migraine_types.url, also.url}
    html = get_html(client, f"{demo.articles.url}?condition={demo.migraine.slug}")
    assert set(card_links(html)) == expected
    assert len(card_links(html)) == len(expected)
    assert other.url not in html
    assert "3 articles about Chronic migraine" in text_of(html)
    assert '<option value="chronic-migraine" selected>' in html
    # The Spanish list, with the condition's Spanish address, lists the Spanish articles.
    es_html = get_html(client, f"{spanish(demo.articles).url}?condition=migrana-cronica")
    assert set(card_links(es_html)) == {spanish(demo.article).url, spanish(demo.migraine_types).url}


def test_filtering_by_treatment_and_topic(client, demo):
    html = get_html(client, f"{demo.articles.url}?treatment=ketamine-infusion-therapy")
    assert set(card_links(html)) == {demo.article.url, demo.first_visit.url}
    html = get_html(client, f"{demo.articles.url}?topic=your-visit")
    assert card_links(html) == [demo.first_visit.url]
    html = get_html(
        client, f"{demo.articles.url}?topic=migraine&treatment=ketamine-infusion-therapy"
    )
    assert card_links(html) == [demo.article.url]
    # The article page's topic links lead to these lists.
    article_html = get_html(client, demo.first_visit.url)
    assert 'href="/articles/?topic=your-visit"' in article_html


def test_unknown_filters_get_a_404_not_an_error(client, demo):
    for query in ("condition=no-such-condition", "topic=%00", "treatment=" + "x" * 500):
        assert client.get(f"{demo.articles.url}?{query}").status_code == 404, query


def test_the_index_s_queries_do_not_grow_with_the_articles_on_a_page(
    client, demo, django_assert_max_num_queries
):
    def add(number):
        for _ in range(number):
            image = ClinicImageFactory(file__width=600, file__height=400)
            ArticlePageFactory(
                parent=demo.articles,
                listing_image=image,
                author=demo.mcallister,
                conditions=[demo.migraine],
                topics=[ArticleTopicFactory()],
            )

    def count(url):
        client.get(url)  # warm: renditions are made on first view
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        return len(captured), len(card_links(html))

    for url in (demo.articles.url, f"{demo.articles.url}?condition=chronic-migraine"):
        few, shown = count(url)
        assert shown >= 2
        add(10)
        client.get(url)
        with django_assert_max_num_queries(few):
            html = client.get(url).content.decode()
        assert len(card_links(html)) == 10  # a full page: more cards, not more queries


def test_the_index_reads_whole_only_the_articles_it_shows(client, demo):
    # The list is sorted and paged as ids; the articles' rows (their text counts for the reading
    # time) are read for the ten shown only, not sorted and cut from the whole section: that
    # grew with every article a network holds.
    for _ in range(12):
        ArticlePageFactory(parent=demo.articles)
    client.get(demo.articles.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(f"{demo.articles.url}?page=2").content.decode()
    body_column = f'"{ArticlePage._meta.db_table}"."body"'
    whole = [query["sql"] for query in captured if body_column in query["sql"]]
    assert len(whole) == 1
    assert " IN (" in whole[0]
    assert "LIMIT" not in whole[0] and "OFFSET" not in whole[0]
    listed = ArticlePage.objects.child_of(demo.articles).live().count()
    assert len(card_links(html)) == listed - 10


# ---------------------------------------------------------------------------------------------
# The feed
# ---------------------------------------------------------------------------------------------
def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    items = []
    for item in channel.findall("item"):
        for required in ("title", "link", "description", "pubDate", "guid"):
            assert item.findtext(required), required
        items.append(
            {
                "title": item.findtext("title"),
                "link": item.findtext("link"),
                "pubDate": email.utils.parsedate_to_datetime(item.findtext("pubDate")),
                "author": item.findtext(f"{DC}creator"),
                "categories": [category.text for category in item.findall("category")],
            }
        )
    return channel, items


def test_the_feed_is_rss_with_the_articles_newest_first_and_absolute_links(client, demo):
    channel, items = read_feed(client, "/articles/feed/")
    assert channel.findtext("link") == f"http://testserver{demo.articles.url}"
    assert channel.findtext("language") == "en"
    assert channel.find(f"{ATOM}link").get("href") == "http://testserver/articles/feed/"
    links = [item["link"] for item in items]
    assert links == [
        f"http://testserver{page.url}"
        for page in (demo.migraine_types, demo.first_visit, demo.article)
    ]
    dates = [item["pubDate"] for item in items]
    assert dates == sorted(dates, reverse=True)
    assert timezone.localdate(dates[-1]) == demo.article.published_on
    first_post = items[-1]
    assert first_post["title"] == demo.article.title
    assert first_post["author"] == demo.mcallister.display_name
    assert first_post["categories"] == ["Migraine", "Ketamine infusion"]
    for link in links:
        assert link.startswith("http://testserver/")
        assert client.get(link.removeprefix("http://testserver")).status_code == 200


def test_the_spanish_feed_lists_the_spanish_articles(client, demo):
    index = spanish(demo.articles)
    channel, items = read_feed(client, f"{index.url}feed/")
    assert channel.findtext("language") == "es"
    assert [item["link"] for item in items] == [
        f"http://testserver{spanish(page).url}"
        for page in (demo.migraine_types, demo.first_visit, demo.article)
    ]
    assert items[-1]["categories"] == ["Migraña", "Infusión de ketamina"]


def test_a_new_article_goes_to_the_top_of_the_feed(client, demo):
    new = ArticlePageFactory(parent=demo.articles, title="Cluster headache, explained")
    _, items = read_feed(client, "/articles/feed/")
    assert items[0]["link"] == f"http://testserver{new.url}"
    assert timezone.localdate(items[0]["pubDate"]) == timezone.localdate()


def test_every_page_announces_the_feed_in_its_language(client, demo):
    for page, feed in (
        (demo.home, "/articles/feed/"),
        (demo.article, "/articles/feed/"),
        (demo.migraine, "/articles/feed/"),
        (spanish(demo.home), "/es/articulos/feed/"),
        (spanish(demo.article), "/es/articulos/feed/"),
    ):
        html = get_html(client, page.url)
        tag = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*>', html)
        assert tag, page.url
        assert f'href="http://testserver{feed}"' in tag.group(0), page.url
    assert link_href(get_html(client, demo.articles.url), "canonical")


# ---------------------------------------------------------------------------------------------
# Drafts stay out of everything
# ---------------------------------------------------------------------------------------------
def test_a_draft_article_is_in_no_feed_list_api_or_search(client, demo):
    draft = draft_article(demo)
    assert "Zygomorphic" not in client.get("/articles/feed/").content.decode()
    for url in (demo.articles.url, f"{demo.articles.url}?condition=chronic-migraine"):
        assert "Zygomorphic" not in get_html(client, url)
    assert "Zygomorphic" not in get_html(client, demo.mcallister.url)
    assert client.get(draft.url).status_code == 404
    for url in (
        "/api/v2/pages/?type=articles.ArticlePage",
        "/api/v2/pages/?search=zygomorphic",
        f"/api/v2/pages/?type=articles.ArticlePage&condition={demo.migraine.pk}",
        "/api/v3/pages/?type=articles.ArticlePage",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert draft.pk not in {item["id"] for item in response.json()["items"]}, url
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
    assert "Zygomorphic" not in get_html(client, "/search/?q=zygomorphic")
    assert f"http://testserver{draft.url}" not in sitemap_locations(client)


# ---------------------------------------------------------------------------------------------
# Search, sitemap, API, structured data, review report
# ---------------------------------------------------------------------------------------------
def test_search_finds_articles_and_can_show_only_articles(client, demo):
    html = get_html(client, "/search/?q=glutamate")
    assert f'href="{demo.article.url}"' in html
    only = get_html(client, "/search/?q=infusion&type=articles")
    urls = re.findall(r'class="search-result__title"><a href="([^"]+)"', only)
    assert demo.first_visit.url in urls
    assert all(url.startswith("/articles/") for url in urls)
    es = get_html(client, "/es/search/?q=glutamato")
    assert f'href="{spanish(demo.article).url}"' in es


def test_the_sitemap_lists_the_articles_in_both_languages(client, demo):
    locations = sitemap_locations(client)
    for page in (demo.articles, demo.article, demo.first_visit, demo.migraine_types):
        assert f"http://testserver{page.url}" in locations
        assert f"http://testserver{spanish(page).url}" in locations


def test_the_api_serves_articles_with_author_and_relations_nested(client, demo):
    data = client.get(f"/api/v2/pages/{demo.article.pk}/").json()
    assert data["meta"]["type"] == "articles.ArticlePage"
    assert data["author"]["id"] == demo.mcallister.pk
    assert set(data["author"]) == {"id", "type", "title", "slug", "url", "locale"}
    assert data["reviewed_by"]["id"] == demo.mcallister.pk
    assert data["published_on"] == "2026-06-09"
    assert data["updated_on"] == "2026-10-01"
    assert data["last_reviewed"] == "2026-10-01"
    assert data["reading_minutes"] >= 1
    assert [item["id"] for item in data["conditions"]] == [demo.migraine.pk]
    assert [item["id"] for item in data["treatments"]] == [demo.ketamine.pk]
    assert [topic["slug"] for topic in data["topics"]] == ["migraine", "ketamine-infusion"]
    assert data["image"]["renditions"]["medium_webp"]["url"].startswith("http")
    assert data["references"] and data["faqs"] and data["body"]
    # From the other side: the condition, the treatment and the author list the article.
    for page in (demo.migraine, demo.ketamine, demo.mcallister):
        related = client.get(f"/api/v2/pages/{page.pk}/").json()["articles"]
        assert demo.article.pk in [item["id"] for item in related], page.title
    listing = client.get(
        "/api/v2/pages/?type=articles.ArticlePage&fields=author,conditions,treatments,topics"
        f"&locale=en&treatment={demo.ketamine.pk}"
    ).json()
    assert {item["id"] for item in listing["items"]} == {demo.article.pk, demo.first_visit.pk}
    assert all(item["author"]["id"] == demo.mcallister.pk for item in listing["items"])
    # The Spanish article names its Spanish author and related pages.
    es = client.get(f"/api/v2/pages/{spanish(demo.article).pk}/").json()
    assert es["author"]["id"] == spanish(demo.mcallister).pk
    assert [item["id"] for item in es["conditions"]] == [spanish(demo.migraine).pk]
    assert [topic["slug"] for topic in es["topics"]] == ["migrana", "infusion-de-ketamina"]
    # API v3 serves the same fields, described in its schema.
    v3 = client.get(f"/api/v3/pages/{demo.article.pk}/").json()
    assert v3["author"]["id"] == demo.mcallister.pk
    assert [item["id"] for item in v3["treatments"]] == [demo.ketamine.pk]
    assert "ArticlePage" in " ".join(
        client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    )


def test_api_listing_queries_do_not_grow_with_the_articles(client, demo):
    url = "/api/v2/pages/?type=articles.ArticlePage&fields=*&limit=50"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.get(url)
    few = queries()
    for _ in range(10):
        ArticlePageFactory(
            parent=demo.articles,
            author=demo.mcallister,
            reviewed_by=demo.mcallister,
            conditions=[demo.migraine],
            treatments=[demo.ketamine],
            topics=[ArticleTopicFactory()],
        )
    client.get(url)
    assert queries() <= few


def test_the_structured_data_names_author_reviewer_and_the_dates_shown(client, demo):
    html = get_html(client, demo.article.url)
    article = the_node(html, "Article")
    web_page = the_node(html, "MedicalWebPage")
    author_url = f"http://testserver{demo.mcallister.url}"
    assert article["author"]["url"] == author_url
    assert article["author"]["@type"] == "IndividualPhysician"
    assert web_page["reviewedBy"]["url"] == author_url
    assert web_page["lastReviewed"] == "2026-10-01"
    assert article["datePublished"] == web_page["datePublished"] == "2026-06-09"
    assert article["dateModified"] == web_page["dateModified"] == "2026-10-01"
    assert article["headline"] == demo.article.title
    about = {item["url"] for item in article["about"]}
    assert about == {
        f"http://testserver{demo.migraine.url}",
        f"http://testserver{demo.ketamine.url}",
    }
    assert article["image"].startswith("http://testserver/") and "fill-1200x630" in article["image"]
    assert sum(node.get("@type") == "Article" for doc in json_ld(html) for node in nodes(doc)) == 1


def test_the_review_due_report_lists_articles_past_their_review(editor_client, demo):
    today = timezone.localdate()
    ConditionPage.objects.update(last_reviewed=today)
    TreatmentPage.objects.update(last_reviewed=today)
    ArticlePage.objects.update(last_reviewed=today)
    stale = ArticlePageFactory(
        parent=demo.articles,
        title="An article reviewed long ago",
        reviewed_by=demo.mcallister,
        last_reviewed=today - datetime.timedelta(days=500),
    )
    _html, listed = report_rows(editor_client)
    assert set(listed) == {stale.pk}
    assert "Peter McAllister" in listed[stale.pk]


def test_reading_time_follows_the_length_of_the_article(client, demo):
    words = " ".join(["word"] * 1000)
    article = ArticlePageFactory(
        parent=demo.articles, title="A long read", body=[("paragraph", f"<p>{words}</p>")]
    )
    assert article.reading_minutes == 5
    assert "5 min read" in text_of(get_html(client, article.url))
    short = ArticlePageFactory(parent=demo.articles, title="A short read")
    assert short.reading_minutes == 1
    assert "1 min read" in text_of(get_html(client, short.url))


def test_an_article_without_its_own_date_shows_the_day_it_went_live(client, demo):
    article = ArticlePageFactory(parent=demo.articles, title="Undated")
    assert article.published_on is None
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Published {today}" in text_of(get_html(client, article.url))
    assert "Updated" not in text_of(get_html(client, article.url)).split("min read")[0]


# ---------------------------------------------------------------------------------------------
# The page tree and the admin
# ---------------------------------------------------------------------------------------------
class ArticleAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = cls.create_superuser("article-editor")

    def setUp(self):
        self.client.force_login(self.user)

    def test_articles_live_only_in_the_articles_section(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        home = HomePage.objects.get(locale__language_code="en")
        self.assertFalse(ArticleIndexPage.can_create_at(home))  # the demo has one already

    def test_an_editor_creates_an_article_with_its_relations(self):
        index = ArticleIndexPage.objects.get(locale__language_code="en")
        migraine = ConditionPage.objects.get(slug="chronic-migraine")
        physician = Page.objects.get(slug="peter-mcallister", locale__language_code="en")
        topic = ArticleTopicFactory(name="Headache diaries", slug="headache-diaries")
        self.assertCanCreate(
            index,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Keeping a headache diary",
                    "summary": "Why a diary helps your physician see the pattern.",
                    "author": physician.pk,
                    "published_on": "2026-11-02",
                    "updated_on": "",
                    "body": streamfield([("paragraph", rich_text("Write down each day."))]),
                    "faqs": streamfield([]),
                    "references": streamfield([]),
                    "topic_links": inline_formset([{"topic": topic.pk}]),
                    "condition_links": inline_formset([{"condition": migraine.pk}]),
                    "treatment_links": inline_formset([]),
                }
            ),
        )
        article = ArticlePage.objects.get(slug="keeping-a-headache-diary")
        self.assertEqual(article.author_id, physician.pk)
        self.assertIn(article, migraine.get_articles())
        self.assertEqual([t.pk for t in article.get_topics()], [topic.pk])
