"""The queries a page costs do not grow with the number of things it lists.

Each scenario builds a page with few and with many related items (each with its own image), asks
for it once to warm the image renditions, then counts the queries of the next anonymous request.
"""

from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from articles.factories import ArticlePageFactory, ArticleTopicFactory
from home import caching
from home.factories import ClinicImageFactory
from locations.factories import LocationPageFactory, PhysicianPageFactory
from treatments.factories import ConditionPageFactory, TreatmentPageFactory

pytestmark = pytest.mark.django_db

# A page's budget: what a request may cost at most, whatever it lists, with the page cache off.
# Between two changes the pieces built from other pages (menu, footer, cards of related pages) are
# kept as text; the first request after a change builds them all again. Measured: 9 to 21 between
# changes (the demo's article, with its author, reviewer, topics, conditions, treatments and
# references), 12 to 26 after one (a treatment with its conditions and offices). Of those, the
# menu, footer, offices, alerts, settings and language links are 8 (the footer's patient notices,
# issue 24, are one of them: the Good Faith Estimate and the civil-rights links with the pages
# they name) and Wagtail's finding of the page and its view restrictions 4 to 6; a condition's
# or treatment's testimonials (issue 24) are one more, kept with the page's other fragments.
# Issue 19 aims at 15 after a change; not reached yet.
BUDGET = 21
BUDGET_AFTER_A_CHANGE = 26


def queries_for(client, url, after_a_change=False):
    """The queries of a request for `url` once renditions are made. `after_a_change`: as the
    first request after an editor publishes, when every shared fragment is built again."""
    assert client.get(url).status_code == 200  # warm: renditions are made on first view
    if after_a_change:
        caching.content_changed()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def image():
    return ClinicImageFactory(file__width=600, file__height=400)


def condition_with_treatments(demo, n):
    condition = ConditionPageFactory(parent=demo.conditions, listing_image=image())
    for _ in range(n):
        TreatmentPageFactory(parent=demo.treatments, listing_image=image(), conditions=[condition])
    return condition.url


def treatment_with_conditions_and_offices(demo, n):
    conditions = [
        ConditionPageFactory(parent=demo.conditions, listing_image=image()) for _ in range(n)
    ]
    offices = [LocationPageFactory(parent=demo.locations, listing_image=image()) for _ in range(n)]
    return TreatmentPageFactory(
        parent=demo.treatments, conditions=conditions, locations=offices
    ).url


def location_with_physicians_and_treatments(demo, n):
    office = LocationPageFactory(parent=demo.locations)
    for _ in range(n):
        PhysicianPageFactory(parent=demo.physicians, photo=image(), locations=[office])
        TreatmentPageFactory(parent=demo.treatments, listing_image=image(), locations=[office])
    return office.url


def physician_with_offices(demo, n):
    offices = [LocationPageFactory(parent=demo.locations, listing_image=image()) for _ in range(n)]
    return PhysicianPageFactory(parent=demo.physicians, locations=offices).url


def treatment_index(demo, n):
    for _ in range(n):
        TreatmentPageFactory(parent=demo.treatments, listing_image=image())
    return demo.treatments.url


def condition_index(demo, n):
    for _ in range(n):
        ConditionPageFactory(parent=demo.conditions, listing_image=image())
    return demo.conditions.url


def location_index(demo, n):
    for _ in range(n):
        LocationPageFactory(parent=demo.locations, listing_image=image())
    return demo.locations.url


def physician_index(demo, n):
    for _ in range(n):
        PhysicianPageFactory(parent=demo.physicians, photo=image())
    return demo.physicians.url


def home_page(demo, n):
    # The home page features at most six pages; what grows is the number of offices it lists.
    for _ in range(n):
        LocationPageFactory(parent=demo.locations, listing_image=image())
    return demo.home.url


def standard_page(demo, n):
    # Every page lists the offices in its footer.
    for _ in range(n):
        LocationPageFactory(parent=demo.locations)
    return demo.about.url


def article_index(demo, n):
    # The index shows ten articles a page: 3 against a full page of 10.
    for _ in range(n):
        ArticlePageFactory(
            parent=demo.articles,
            listing_image=image(),
            author=demo.mcallister,
            topics=[ArticleTopicFactory()],
            conditions=[demo.migraine],
        )
    return demo.articles.url


def article_with_relations(demo, n):
    conditions = [
        ConditionPageFactory(parent=demo.conditions, listing_image=image()) for _ in range(n)
    ]
    treatments = [
        TreatmentPageFactory(parent=demo.treatments, listing_image=image()) for _ in range(n)
    ]
    return ArticlePageFactory(
        parent=demo.articles,
        author=demo.mcallister,
        reviewed_by=demo.mcallister,
        conditions=conditions,
        treatments=treatments,
        topics=[ArticleTopicFactory() for _ in range(n)],
    ).url


def condition_with_articles(demo, n):
    condition = ConditionPageFactory(parent=demo.conditions)
    for _ in range(n):
        ArticlePageFactory(
            parent=demo.articles,
            listing_image=image(),
            author=demo.mcallister,
            conditions=[condition],
        )
    return condition.url


def physician_with_articles(demo, n):
    physician = PhysicianPageFactory(parent=demo.physicians)
    for _ in range(n):
        ArticlePageFactory(parent=demo.articles, listing_image=image(), author=physician)
    return physician.url


def article_feed(demo, n):
    for _ in range(n):
        ArticlePageFactory(
            parent=demo.articles, author=demo.mcallister, topics=[ArticleTopicFactory()]
        )
    return f"{demo.articles.url}feed/"


SCENARIOS = [
    condition_with_treatments,
    treatment_with_conditions_and_offices,
    location_with_physicians_and_treatments,
    physician_with_offices,
    treatment_index,
    condition_index,
    location_index,
    physician_index,
    home_page,
    standard_page,
    article_index,
    article_with_relations,
    condition_with_articles,
    physician_with_articles,
    article_feed,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__)
def test_queries_do_not_grow_with_the_items_listed(
    client, demo, scenario, django_assert_max_num_queries
):
    few_url = scenario(demo, 3)
    few = queries_for(client, few_url)
    few_after_a_change = queries_for(client, few_url, after_a_change=True)
    many_url = scenario(demo, 30)
    client.get(many_url)
    with django_assert_max_num_queries(max(few, 1)):
        client.get(many_url)
    caching.content_changed()
    with django_assert_max_num_queries(few_after_a_change):
        client.get(many_url)
    assert few <= BUDGET
    assert few_after_a_change <= BUDGET_AFTER_A_CHANGE


def bare_and_dressed(demo):
    """Pairs of pages of one type: one without the images and people its own template shows, one
    with all of them."""
    yield (
        ConditionPageFactory(parent=demo.conditions),
        ConditionPageFactory(
            parent=demo.conditions,
            image=image(),
            social_image=image(),
            listing_image=image(),
            reviewed_by=demo.mcallister,
        ),
    )
    yield (
        ArticlePageFactory(parent=demo.articles),
        ArticlePageFactory(
            parent=demo.articles, image=image(), author=demo.mcallister, reviewed_by=demo.mcallister
        ),
    )
    yield (
        LocationPageFactory(parent=demo.locations),
        LocationPageFactory(parent=demo.locations, image=image()),
    )
    yield (
        PhysicianPageFactory(parent=demo.physicians),
        PhysicianPageFactory(parent=demo.physicians, photo=image()),
    )


def test_a_page_brings_the_images_and_people_it_shows(client, demo):
    """Serving a page reads its own images (hero, listing, social, photo) together, with their
    renditions (`BasePage.serve`): two queries however many it has; the reviewer and author
    come with the page itself (`serve_select_related`), and the home page's call to action
    with the images."""
    for bare, dressed in bare_and_dressed(demo):
        assert queries_for(client, dressed.url) <= queries_for(client, bare.url) + 2, type(bare)
    without = queries_for(client, demo.home.url)
    demo.home.hero_image = image()
    demo.home.hero_cta_page = demo.stamford
    demo.home.save_revision().publish()
    assert 'fetchpriority="high"' in client.get(demo.home.url).content.decode()
    assert queries_for(client, demo.home.url) == without


API_LISTINGS = [
    "fields=*",
    "type=treatments.ConditionPage&fields=*",
    "type=treatments.TreatmentPage&fields=*",
    "type=locations.LocationPage&fields=*",
    "type=locations.PhysicianPage&fields=*",
    "type=articles.ArticlePage&fields=*",
]
# An API listing with every field of every page, uncached, whatever its length.
API_LISTING_BUDGET = 30


def body_with_choices(demo):
    """A body that chooses an image and a page and links to a page in its text."""
    return [
        ("image", {"image": image(), "caption": "The waiting room"}),
        (
            "call_to_action",
            {"heading": "Visit us", "button_label": "Directions", "page": demo.stamford, "url": ""},
        ),
        ("paragraph", f'<p>Or see <a linktype="page" id="{demo.westport.pk}">Westport</a>.</p>'),
    ]


def test_what_a_body_chooses_costs_the_same_however_much_it_chooses(client, demo):
    """The images (with their renditions) and pages a body's blocks choose, and the pages its
    text links to, are read together, in the visitor's language."""
    short = ConditionPageFactory(
        parent=demo.conditions, listing_image=image(), body=body_with_choices(demo)
    )
    body = [block for _ in range(5) for block in body_with_choices(demo)]
    full = ConditionPageFactory(parent=demo.conditions, listing_image=image(), body=body)
    html = client.get(full.url).content.decode()
    assert html.count("The waiting room") == 5 and demo.westport.url in html
    assert queries_for(client, full.url) == queries_for(client, short.url)


def test_api_listings_cost_the_same_for_20_and_100_items(client, demo):
    for _ in range(30):
        body = body_with_choices(demo)
        ConditionPageFactory(parent=demo.conditions, listing_image=image(), body=body)
        TreatmentPageFactory(parent=demo.treatments, listing_image=image(), body=body)
        LocationPageFactory(parent=demo.locations, listing_image=image(), body=body)
        PhysicianPageFactory(parent=demo.physicians, photo=image())
    for _ in range(25):
        ArticlePageFactory(
            body=body_with_choices(demo),
            parent=demo.articles,
            author=demo.mcallister,
            reviewed_by=demo.mcallister,
            conditions=[demo.migraine],
            treatments=[demo.ketamine],
            topics=[ArticleTopicFactory()],
        )
    growing = []
    for version in ("v2", "v3"):
        for query in API_LISTINGS:
            counts = {}
            for limit in (20, 100):
                # One language: each relation is localized with one query per language listed.
                # v3 answers every field it has and refuses `fields` (v2's way of asking).
                asked = [
                    part for part in query.split("&") if version == "v2" or "fields" not in part
                ]
                url = f"/api/{version}/pages/?{'&'.join([*asked, 'locale=en', f'limit={limit}'])}"
                response = client.get(url)
                assert response.status_code == 200, response.content
                assert len(response.json()["items"]) > 20 if limit == 100 else 20
                counts[limit] = queries_for(client, url, after_a_change=True)
            print(version, query, counts)  # shown with -s
            if not counts[100] <= counts[20] <= API_LISTING_BUDGET:
                growing.append((version, query, counts))
    assert not growing


def test_api_detail_has_a_budget(client, demo):
    # Measured: v2 12 to 21 (the page, its parent, relations, images and chosen objects, one
    # query each kind); v3, Wagtail's own views, 14 to 21.
    budgets = {"v2": 22, "v3": 25}
    counts = {}
    for version in ("v2", "v3"):
        for page in (demo.migraine, demo.ketamine, demo.stamford, demo.mcallister, demo.article):
            url = f"/api/{version}/pages/{page.pk}/"
            counts[version, page.slug] = queries_for(client, url)
            assert counts[version, page.slug] <= budgets[version]
    print(counts)  # shown with -s


def test_api_detail_costs_the_same_for_a_short_and_a_long_body(client, demo):
    counts = {}
    for n in (1, 10):
        body = [block for _ in range(n) for block in body_with_choices(demo)]
        page = ConditionPageFactory(parent=demo.conditions, listing_image=image(), body=body)
        for version in ("v2", "v3"):
            url = f"/api/{version}/pages/{page.pk}/"
            response = client.get(url)
            assert len(response.json()["body"]) == 3 * n
            counts[version, n] = queries_for(client, url, after_a_change=True)
    print(counts)  # shown with -s
    assert counts["v2", 10] <= counts["v2", 1] <= 30
    # API v3 serializes after its view returns, beyond the reach of the prefetch: each image
    # chosen in a body costs it a query. Measured here: 15 with one of each block, 24 with ten.
    assert counts["v3", 1] <= 30


def test_a_request_reads_the_sites_and_the_content_version_once(client, demo, settings):
    """However many pages a response lists: Wagtail reads the sites' root paths anew for every
    page instance without a request, and the visitors' cache reads the content version."""
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(25):
        ConditionPageFactory(parent=demo.conditions, listing_image=image())
    urls = [
        "/api/v2/pages/?fields=*&limit=100",
        "/api/v2/pages/?type=treatments.ConditionPage&fields=*&limit=30",
        f"/api/v2/pages/{demo.migraine.pk}/",
        demo.conditions.url,
    ]
    for url in urls:
        with (
            patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths) as sites,
            CaptureQueriesContext(connection) as captured,
        ):
            assert client.get(url).status_code == 200
        versions = [q for q in captured if "home_contentversion" in q["sql"]]
        assert sites.call_count <= 2 and len(versions) == 1, url


def test_an_api_request_reads_the_view_restrictions_once(client, demo):
    """Which pages are public (every view restriction, and the root's translations) is read
    once a request, however many times the listing, its type, count and parents ask."""
    urls = [
        "/api/v2/pages/?fields=*&limit=20",
        "/api/v2/pages/?type=treatments.ConditionPage&fields=*&child_of=" + str(demo.conditions.pk),
        f"/api/v2/pages/{demo.migraine.pk}/",
        "/api/v3/pages/?limit=20",
    ]
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        restrictions = [
            q for q in captured if q["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
        ]
        assert len(restrictions) == 1, (url, len(restrictions))


def test_the_measured_pages_really_list_their_items(client, demo):
    """Guards the budget test: the items it creates do appear on the pages it measures."""
    office = LocationPageFactory(parent=demo.locations)
    physicians = [
        PhysicianPageFactory(parent=demo.physicians, photo=image(), locations=[office])
        for _ in range(30)
    ]
    html = client.get(office.url).content.decode()
    for physician in physicians:
        assert f'href="{physician.url}"' in html
    condition = ConditionPageFactory(parent=demo.conditions)
    treatments = [
        TreatmentPageFactory(parent=demo.treatments, listing_image=image(), conditions=[condition])
        for _ in range(30)
    ]
    html = client.get(condition.url).content.decode()
    for treatment in treatments:
        assert f'href="{treatment.url}"' in html


def test_cards_leave_the_long_text_of_the_pages_they_list_unread(client, demo):
    """A card shows a title, a summary and an image: the StreamFields and rich text of the pages
    listed (most of their rows' bytes) are not read, on the page or in its structured data."""
    url = condition_with_treatments(demo, 3)
    client.get(url)
    caching.content_changed()  # the cards' fragments are built again
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    card_reads = [
        query["sql"] for query in captured if 'FROM "treatments_treatmentpage"' in query["sql"]
    ]
    assert card_reads
    for column in ("body", "how_it_works", "side_effects", "references"):
        assert not any(f'"treatments_treatmentpage"."{column}"' in sql for sql in card_reads)
