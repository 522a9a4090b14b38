"""Anonymous visitors are answered from the cache; what editors publish shows on the next request;
the admin, previews, forms and signed-in visitors never get a stored response."""

import time
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from home.factories import ClinicImageFactory, SiteAlertFactory
from home.models import ContentVersion
from locations.factories import PhysicianPageFactory
from locations.models import HoursException
from search.models import ZeroResultQuery
from treatments.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def test_a_repeated_anonymous_request_is_answered_from_the_cache(client, demo, settings):
    first = client.get(demo.migraine.url)
    assert first["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(demo.migraine.url)
    assert second["X-Cache"] == "hit"
    # The content version, by primary key, unless the cache lends it (Redis).
    assert len(queries) == (0 if settings.CONTENT_VERSION_LEASE_SECONDS else 1)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_published_change_shows_on_the_next_anonymous_request(client, demo, language):
    page = demo.migraine if language == "en" else spanish(demo.migraine)
    client.get(page.url)
    client.get(demo.about.url)
    publish(page, title="Migraine that will not let go")
    response = client.get(page.url)
    assert "Migraine that will not let go" in response.content.decode()
    # Other pages list it too (cards, related reading): they are rebuilt as well.
    assert (
        client.get(demo.conditions.url if language == "en" else page.get_parent().url)["X-Cache"]
        == "miss"
    )


def test_a_published_change_shows_in_the_api_at_once(client, demo):
    url = f"/api/v2/pages/{demo.migraine.pk}/"
    assert client.get(url).json()["title"] == demo.migraine.title
    assert client.get(url)["X-Cache"] == "hit"
    publish(demo.migraine, title="Chronic migraine, explained")
    assert client.get(url).json()["title"] == "Chronic migraine, explained"
    listing = client.get("/api/v2/pages/?type=treatments.ConditionPage&fields=title").json()
    assert "Chronic migraine, explained" in [item["title"] for item in listing["items"]]


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-pages.xml?p=1"])
def test_the_sitemap_is_kept_and_a_publish_shows_in_it_at_once(client, demo, url):
    first = client.get(url)
    assert first["X-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    page = ConditionPageFactory(parent=demo.conditions, slug="cluster-headache")
    listed = client.get("/sitemap-pages.xml?p=1")
    assert listed["X-Cache"] == "miss"
    assert f"{page.url}</loc>" in listed.content.decode()


def test_unpublish_move_and_delete_show_at_once(client, demo):
    url = demo.anxiety.url
    assert client.get(url).status_code == 200
    demo.anxiety.unpublish()
    assert client.get(url).status_code == 404
    demo.anxiety.save_revision().publish()
    assert client.get(url).status_code == 200

    old_url = demo.first_visit.url
    assert client.get(old_url).status_code == 200
    Page.objects.get(pk=demo.first_visit.pk).move(demo.about, pos="last-child")
    moved = Page.objects.get(pk=demo.first_visit.pk)
    old = client.get(old_url)
    assert old.status_code == 301 and old["Location"] == moved.url  # Wagtail's own redirect
    assert client.get(moved.url).status_code == 200

    about_url = demo.accessibility.url
    assert client.get(about_url).status_code == 200
    Page.objects.get(pk=demo.accessibility.pk).delete()
    assert client.get(about_url).status_code == 404
    assert (
        "Accessibility" not in client.get(demo.home.url).content.decode().split("site-footer")[-1]
    )


def test_a_new_site_alert_shows_on_cached_pages(client, demo):
    client.get(demo.home.url)
    SiteAlertFactory(title="Westport closed today for snow")
    assert "Westport closed today for snow" in client.get(demo.home.url).content.decode()


def test_signed_in_visitors_are_never_served_from_the_cache(client, editor_client, demo):
    anonymous = Client()
    anonymous.get(demo.migraine.url)
    assert anonymous.get(demo.migraine.url)["X-Cache"] == "hit"
    response = editor_client.get(demo.migraine.url)
    assert "X-Cache" not in response
    # The editor's own page (with the Wagtail user bar) is not stored for others either.
    assert 'id="wagtail-userbar' not in anonymous.get(demo.migraine.url).content.decode()


def test_the_admin_and_previews_are_never_cached(editor_client, demo):
    edit = f"/admin/pages/{demo.migraine.pk}/edit/"
    assert "X-Cache" not in editor_client.get(edit)
    preview = f"/admin/pages/{demo.migraine.pk}/edit/preview/"
    response = editor_client.get(preview, {"mode": ""})
    assert "X-Cache" not in response
    assert "X-Cache" not in Client().get("/admin/login/")


def test_a_form_with_a_csrf_token_is_never_shared(client, demo):
    url = Page.objects.get(slug="request-an-appointment", locale=demo.home.locale).url
    first = client.get(url)
    second = Client().get(url)
    assert "X-Cache" not in first and "X-Cache" not in second
    token = 'name="csrfmiddlewaretoken" value="'
    assert token in first.content.decode()
    # Each visitor gets a token of their own, never another visitor's.
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_search_answered_from_the_cache_is_still_counted(client, demo):
    assert client.get("/search/?q=migraine")["X-Cache"] == "miss"
    assert client.get("/search/?q=migraine")["X-Cache"] == "hit"
    assert Query.get("migraine").hits == 2  # the editors' statistics see both
    for _ in range(2):
        client.get("/es/search/?q=qwxyz")
    assert ZeroResultQuery.objects.get(query_string="qwxyz", language_code="es").hits == 2


def test_a_cdn_may_keep_pages_but_never_searches(client, demo, settings):
    """Wagtail purges a page's addresses on publish; nothing would purge a search's."""
    settings.CDN_MAX_AGE = 120
    page = client.get(demo.migraine.url)
    assert "s-maxage=120" in page["Cache-Control"] and "public" in page["Cache-Control"]
    for _ in range(2):  # built, then from the cache
        search = client.get("/search/?q=migraine")
        assert "s-maxage" not in search.get("Cache-Control", "")
    assert "s-maxage" not in client.get(f"/api/v2/pages/{demo.migraine.pk}/")["Cache-Control"]


def seconds_kept(fragment):
    """How long the shared cache will still keep each entry whose key holds `fragment`."""
    cache = caches["default"]
    if hasattr(cache, "ttl"):  # django-redis: Redis keeps its own clock
        return {key: cache.ttl(key) for key in cache.keys(f"*{fragment}*")}
    return {
        key: expiry - time.time() for key, expiry in cache._expire_info.items() if fragment in key
    }


def test_a_search_is_kept_a_minute_at_most(client, demo):
    """A search engine such as OpenSearch shows a publish a moment after the content version
    moves on: a search's response is kept a minute at most, pages longer."""
    caches["default"].clear()
    client.get(demo.migraine.url)
    page_kept = seconds_kept("kept:")
    client.get("/search/?q=migraine")
    assert client.get("/search/?q=migraine")["X-Cache"] == "hit"
    searches_kept = [left for key, left in seconds_kept("kept:").items() if key not in page_kept]
    assert len(page_kept) == 1 and list(page_kept.values())[0] > 60  # pages are kept longer
    assert len(searches_kept) == 1 and 0 < searches_kept[0] <= 60


def test_a_deleted_rendition_is_not_shown_from_a_kept_page(client, demo):
    """Pages are kept with their images' renditions; deleting one deletes its file, so pages
    are built again. Making one (every first view of an image size) changes nothing shown."""
    image = ClinicImageFactory(file__width=1600, file__height=1000)
    page = ConditionPageFactory(parent=demo.conditions, image=image, listing_image=image)
    client.get(page.url)  # its renditions are made
    assert client.get(page.url)["X-Cache"] == "hit"
    image.get_rendition("width-90")
    assert client.get(page.url)["X-Cache"] == "hit"
    image.renditions.first().delete()
    assert client.get(page.url)["X-Cache"] == "miss"


def test_a_page_published_shows_in_the_next_search(client, demo):
    assert "Ketamine and cluster headache" not in client.get("/search/?q=ketamine").content.decode()
    ConditionPageFactory(parent=demo.conditions, title="Ketamine and cluster headache")
    response = client.get("/search/?q=ketamine")
    assert response["X-Cache"] == "miss"
    assert "Ketamine and cluster headache" in response.content.decode()


def test_turned_off_by_setting(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(demo.migraine.url)
    assert "X-Cache" not in client.get(demo.migraine.url)


def test_searching_does_not_empty_the_cache(client, demo):
    """Every search saves its query's hit count; that must not count as a content change."""
    client.get(demo.migraine.url)
    client.get("/search/?q=ketamine")
    assert client.get(demo.migraine.url)["X-Cache"] == "hit"


@pytest.mark.parametrize("language", ["en", "es"])
def test_related_cards_show_a_published_change_with_the_page_cache_off(
    client, demo, settings, language
):
    settings.PAGE_CACHE_SECONDS = 0
    treatment = demo.ketamine if language == "en" else spanish(demo.ketamine)
    condition = demo.migraine if language == "en" else spanish(demo.migraine)
    assert treatment.title in client.get(condition.url).content.decode()
    publish(treatment, title="Ketamine, given slowly")
    assert "Ketamine, given slowly" in client.get(condition.url).content.decode()
    treatment.unpublish()
    assert "Ketamine, given slowly" not in client.get(condition.url).content.decode()


def test_a_fragment_is_kept_until_a_change_and_never_from_a_preview(rf, demo):
    from django.template import Context, Template

    from home import caching

    template = Template(
        '{% load clinic_tags %}{% fragment "probe" page.pk %}<p>{{ value }}</p>{% endfragment %}'
    )

    def render(value, preview=False):
        request = rf.get(demo.migraine.url)  # a request reads the content version once
        request.is_preview = preview
        return template.render(Context({"request": request, "page": demo.migraine, "value": value}))

    assert render("one") == "<p>one</p>"
    assert render("two") == "<p>one</p>"
    caching.content_changed()
    assert render("three", preview=True) == "<p>three</p>"
    assert render("four") == "<p>four</p>"
    assert render("five", preview=True) == "<p>five</p>"
    assert render("six") == "<p>four</p>"


def test_with_the_page_cache_off_a_page_and_its_api_detail_show_a_change_at_once(
    client, demo, settings
):
    """A change to a page or to what it shows (hero image, reviewer, parent, the pages it
    lists) shows on the next request, on the page and in the API."""
    settings.PAGE_CACHE_SECONDS = 0
    reviewer = PhysicianPageFactory(parent=demo.physicians, title="Ines Carvalho")
    url = f"/api/v2/pages/{demo.migraine.pk}/"
    assert client.get(url).json()["meta"]["parent"]["id"] == demo.conditions.pk
    assert demo.mcallister.title in client.get(demo.migraine.url).content.decode()
    publish(demo.migraine, title="Migraine, day after day", reviewed_by=reviewer)
    html = client.get(demo.migraine.url).content.decode()
    assert "Migraine, day after day" in html and "Ines Carvalho" in html
    detail = client.get(url).json()
    assert detail["title"] == "Migraine, day after day"
    assert detail["reviewed_by"]["id"] == reviewer.pk
    assert demo.ketamine.title in [t["title"] for t in detail["treatments"]]
    publish(demo.ketamine, title="Ketamine infusions, explained")  # a page it lists
    detail = client.get(url).json()
    assert "Ketamine infusions, explained" in [t["title"] for t in detail["treatments"]]
    demo.conditions.unpublish()  # the section's index, not the page: it stays live
    assert client.get(url).json()["meta"]["parent"] is None


def test_with_the_page_cache_off_an_api_listing_shows_a_change_at_once(client, demo, settings):
    """A change to a page or to a page it lists shows in the next listing, whatever the
    listing (its offset, order or filters), and the items follow the fields and language
    asked for."""
    settings.PAGE_CACHE_SECONDS = 0
    url = "/api/v2/pages/?type=treatments.ConditionPage&fields=*&locale=en"

    def migraine(url):
        items = client.get(url).json()["items"]
        return next((item for item in items if item["id"] == demo.migraine.pk), None)

    assert migraine(url)["title"] == demo.migraine.title
    assert migraine(url + "&order=-title")["title"] == demo.migraine.title
    publish(demo.migraine, title="Migraine, day after day")
    assert migraine(url)["title"] == "Migraine, day after day"
    publish(demo.ketamine, title="Ketamine infusions, explained")  # a page it lists
    assert "Ketamine infusions, explained" in [t["title"] for t in migraine(url)["treatments"]]
    assert set(migraine(url.replace("fields=*", "fields=title"))) == {"id", "meta", "title"}
    assert migraine(url.replace("fields=*", "fields=title,title"))["title"]
    assert migraine(url.replace("locale=en", "locale=es")) is None
    demo.migraine.unpublish()
    assert migraine(url) is None


def test_a_closure_leaves_the_api_listing_once_its_day_has_passed(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    today = timezone.localdate()
    HoursException.objects.create(location=demo.stamford, date=today, reason="Staff training day")
    url = "/api/v2/pages/?type=locations.LocationPage&fields=hours_exceptions"

    def reasons():
        items = client.get(url).json()["items"]
        stamford = next(item for item in items if item["id"] == demo.stamford.pk)
        return [row["reason"] for row in stamford["hours_exceptions"]]

    assert "Staff training day" in reasons()  # with the demo's holidays
    with patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=1)):
        assert "Staff training day" not in reasons()


def test_a_change_made_on_another_server_shows_at_once(client, demo, settings):
    """The content version lives in the database: a publish on another server (here, the
    version moved on behind this process's back) makes every kept response stale, at once when
    no version is lent, within the lease when one is."""
    client.get(demo.migraine.url)
    assert client.get(demo.migraine.url)["X-Cache"] == "hit"
    ContentVersion.objects.update(number=F("number") + 1)
    time.sleep(settings.CONTENT_VERSION_LEASE_SECONDS)
    assert client.get(demo.migraine.url)["X-Cache"] == "miss"


def test_what_visitors_cannot_see_leaves_the_cache_alone(client, demo, editor):
    """Draft saves, autosaves, revisions, workflow steps, comments, locks, log entries, search
    counts and appointment requests change nothing a visitor sees: every page stays cached."""
    from wagtail.models import Comment, PageLogEntry

    urls = [demo.migraine.url, demo.home.url, spanish(demo.migraine).url, "/api/v2/pages/"]
    for url in urls:
        client.get(url)
    page = demo.migraine.specific
    user = editor
    page.title = "A title nobody has approved"
    revision = page.save_revision(user=user)  # Save draft, and what the editor autosaves
    page.save_revision(user=user, clean=False)
    page.locked, page.locked_by = True, user
    page.save(update_fields=["locked", "locked_by"])  # a lock
    Comment.objects.create(
        page=page,
        user=user,
        text="Is this dose right?",
        contentpath="title",
        revision_created=revision,
    )
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=user)
    client.get("/search/?q=ketamine")  # counted
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "hit", url
        assert "A title nobody has approved" not in response.content.decode()
    # Reading the admin and its previews changes nothing either.
    admin = Client()
    admin.force_login(editor)
    assert admin.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert all(client.get(url)["X-Cache"] == "hit" for url in urls)


def test_what_visitors_see_outside_pages_shows_at_once(client, demo):
    """A snippet, an image, a site setting or a redirect changed: every kept page is stale."""
    from wagtail.contrib.redirects.models import Redirect

    from home.models import ClinicSettings, FooterContent

    def changes_the_cache(change):
        client.get(demo.about.url)
        assert client.get(demo.about.url)["X-Cache"] == "hit"
        change()
        assert client.get(demo.about.url)["X-Cache"] == "miss"

    footer = FooterContent.objects.filter(locale__language_code="en").first()
    footer.save()
    changes_the_cache(footer.save)
    changes_the_cache(lambda: ClinicImageFactory().delete())
    settings_row = ClinicSettings.objects.first()
    changes_the_cache(settings_row.save)
    changes_the_cache(
        lambda: Redirect.objects.create(old_path="/old-about", redirect_link="/about/")
    )


def test_a_publish_while_the_cache_is_down_is_not_undone_when_it_returns(client, demo, settings):
    """The version moves on in the database: a cache that missed the publish (down, or
    restored with its old entries) never answers with what was kept before it."""
    client.get(demo.migraine.url)
    assert client.get(demo.migraine.url)["X-Cache"] == "hit"
    cache = caches["default"]
    with (
        patch.object(type(cache), "set", side_effect=ConnectionError),
        patch.object(type(cache), "delete", side_effect=ConnectionError),
    ):
        publish(demo.migraine, title="Migraine, published during the outage")
    # A version lent before the outage expires within its lease.
    time.sleep(settings.CONTENT_VERSION_LEASE_SECONDS)
    response = client.get(demo.migraine.url)
    assert response["X-Cache"] == "miss"
    assert "Migraine, published during the outage" in response.content.decode()


def test_creating_an_alias_of_a_live_page_shows_at_once(client, demo):
    """An alias is live as it is made (Wagtail's "Create alias", wagtail-localize's synchronised
    locales), with no `page_published`: the section that lists it shows it on the next request."""
    assert client.get(demo.conditions.url)["X-Cache"] == "miss"
    alias = demo.migraine.create_alias(update_slug="migraine-elsewhere")
    assert alias.live and client.get(alias.url).status_code == 200
    response = client.get(demo.conditions.url)
    assert response["X-Cache"] == "miss"
    assert "migraine-elsewhere" in response.content.decode()


def test_an_alias_of_an_alias_keeps_the_originals_view_restriction(demo):
    """Wagtail follows an alias chain to the original page's restrictions; so does the site."""
    from wagtail.models import PageViewRestriction

    first = demo.migraine.create_alias(parent=demo.about, update_slug="migraine-alias")
    second = Page.objects.get(pk=first.pk).create_alias(
        parent=demo.about, update_slug="migraine-alias-2"
    )
    first_alias = Page.objects.get(pk=first.pk)
    PageViewRestriction.objects.create(
        page=demo.migraine, restriction_type=PageViewRestriction.LOGIN
    )
    for page in (Page.objects.get(pk=second.pk), first_alias):
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert wagtails  # Wagtail: private
        ours = set(page.specific.get_view_restrictions().values_list("pk", flat=True))
        assert ours == wagtails
        assert Client().get(page.url).status_code == 302  # to the login page


def test_todays_hours_follow_the_day(client, demo, settings):
    """Office cards say today's hours ("Closed" on a Saturday): nothing kept outlives the day."""
    import datetime

    from cms.middleware import seconds_to_midnight

    settings.PAGE_CACHE_SECONDS = 0  # fragments only
    # Noon on a Friday and on a Saturday in Connecticut.
    friday = datetime.datetime(2027, 1, 1, 17, 0, tzinfo=datetime.UTC)
    saturday = datetime.datetime(2027, 1, 2, 17, 0, tzinfo=datetime.UTC)
    with patch("django.utils.timezone.now", return_value=friday):
        on_friday = client.get(demo.home.url).content.decode()
    with patch("django.utils.timezone.now", return_value=saturday):
        on_saturday = client.get(demo.home.url).content.decode()

    assert offices_section(on_saturday) != offices_section(on_friday)
    # Whole responses too are kept until midnight in the clinic's time zone at the latest.
    late = timezone.make_aware(datetime.datetime(2027, 1, 1, 23, 59, 0))
    with patch("django.utils.timezone.now", return_value=late):
        assert 1 <= seconds_to_midnight() <= 61


def offices_section(html):
    return html.split('id="offices-heading"')[1].split("</section>")[0]


def test_an_offices_card_follows_the_day_where_the_office_is(client, demo, settings):
    """An office in Los Angeles starts its Saturday three hours after Connecticut: its card's
    hours change then, though the clinic's date does not."""
    import datetime

    from cms.middleware import seconds_to_midnight

    settings.PAGE_CACHE_SECONDS = 0  # fragments only
    demo.stamford.time_zone = "America/Los_Angeles"
    demo.stamford.save_revision().publish()
    # Saturday 01:00 and 04:00 in Connecticut; Friday 22:00, then Saturday 01:00 in Los Angeles.
    friday_there = datetime.datetime(2027, 1, 2, 6, 0, tzinfo=datetime.UTC)
    saturday_there = datetime.datetime(2027, 1, 2, 9, 0, tzinfo=datetime.UTC)
    with patch("django.utils.timezone.now", return_value=friday_there):
        before = offices_section(client.get(demo.home.url).content.decode())
        # A kept page ends no later than Los Angeles' Friday.
        assert seconds_to_midnight() <= 2 * 3600 + 1
    with patch("django.utils.timezone.now", return_value=saturday_there):
        after = offices_section(client.get(demo.home.url).content.decode())
    assert before != after
    assert after.count("Closed") == 1  # Stamford closes on Saturdays; Westport opens


@pytest.fixture
def lent_version(settings):
    """The content version lent to the cache, as in production with Redis."""
    settings.CONTENT_VERSION_LEASE_SECONDS = 1
    return settings.CONTENT_VERSION_LEASE_SECONDS


@pytest.mark.parametrize("path", ["/", "/conditions/chronic-migraine/", "/api/v2/pages/"])
def test_with_a_lent_version_a_kept_response_costs_no_query(client, demo, lent_version, path):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response["X-Cache"] == "hit"
    assert [query["sql"] for query in captured] == []


def test_with_a_lent_version_a_publish_shows_on_the_next_request(
    client, demo, lent_version, django_capture_on_commit_callbacks
):
    """Withdrawn inside the publish's transaction, lent again once it commits: the next
    request reads the new number from the cache, without a query, and builds the page anew."""
    client.get(demo.migraine.url)
    assert client.get(demo.migraine.url)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        publish(demo.migraine, title="Migraine, published with a lent version")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(demo.migraine.url)
    assert response["X-Cache"] == "miss"
    assert "Migraine, published with a lent version" in response.content.decode()
    assert not [query for query in captured if "home_contentversion" in query["sql"]]
    assert client.get(demo.migraine.url)["X-Cache"] == "hit"


def test_with_a_lent_version_a_change_is_withdrawn_before_its_commit(client, demo, lent_version):
    """The lent number is withdrawn inside the change's transaction: requests read the number
    from the database until the change commits (here the test's transaction, which never
    commits, so they read the change's own number and never the old lent one)."""
    client.get(demo.migraine.url)
    assert client.get(demo.migraine.url)["X-Cache"] == "hit"
    publish(demo.migraine, title="Migraine, not yet committed")
    response = client.get(demo.migraine.url)
    assert response["X-Cache"] == "miss"
    assert "Migraine, not yet committed" in response.content.decode()
