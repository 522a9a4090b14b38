"""The change feed tells partners of every change to the pages the API lists, removals included,
so a partner that follows it ends with exactly what the API lists."""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from cms.api_changes import cursor
from partners.models import PageChange
from tests.editorial.roles import spanish

pytestmark = pytest.mark.django_db


def feed(client, since=None):
    """Every change after `since`, page by page as a partner reads them; and the last cursor."""
    items = []
    while True:
        query = {"limit": 20, **({"since": since} if since else {})}
        answer = client.get("/api/v2/changes/", query)
        assert answer.status_code == 200, answer.content
        body = answer.json()
        items += body["items"]
        since = body["next"]
        if not body["has_more"]:
            return items, since


def followed(items, pages=None):
    """What a partner holds after applying `items` to `pages`."""
    pages = set(pages or ())
    for item in items:
        if item["action"] in ("published", "moved"):
            pages.add(item["id"])
        else:
            pages.discard(item["id"])
    return pages


def listed(client):
    ids, offset = set(), 0
    while True:
        answer = client.get("/api/v2/pages/", {"limit": 20, "offset": offset}).json()
        ids |= {item["id"] for item in answer["items"]}
        offset += 20
        if offset >= answer["meta"]["total_count"]:
            return ids


def changes_after(client, since):
    cache.clear()
    return feed(client, since)


def test_a_partner_following_the_feed_from_the_start_holds_what_the_api_lists(demo, client):
    items, _ = feed(client)
    assert followed(items) == listed(client)
    assert len(listed(client)) > 40  # both languages of the demo site
    first = items[0]
    assert set(first) == {"id", "type", "locale", "translation_key", "action", "at"}


def test_unpublish_delete_move_and_privacy_reach_the_feed(demo, client):
    _, since = feed(client)
    migraine_es = spanish(demo.migraine)
    demo.ketamine.specific.unpublish()
    since_unpublished = since
    items, since = changes_after(client, since)
    assert [(i["id"], i["action"]) for i in items] == [(demo.ketamine.pk, "unpublished")]
    assert items[0]["type"] == "treatments.TreatmentPage" and items[0]["locale"] == "en"

    PageViewRestriction.objects.create(page=demo.stamford, restriction_type="login")
    items, since = changes_after(client, since)
    assert {(i["id"], i["action"]) for i in items} == {(demo.stamford.pk, "unpublished")}

    page = Page.objects.get(pk=migraine_es.pk)
    page.delete()
    items, since = changes_after(client, since)
    assert (migraine_es.pk, "deleted") in {(i["id"], i["action"]) for i in items}

    anxiety = Page.objects.get(pk=demo.anxiety.pk)
    anxiety.move(Page.objects.get(pk=demo.home.pk), pos="last-child")
    items, since = changes_after(client, since)
    assert [(i["id"], i["action"]) for i in items] == [(demo.anxiety.pk, "moved")]

    revision = Page.objects.get(pk=demo.ketamine.pk).specific.save_revision()
    revision.publish()
    items, _ = changes_after(client, since)
    assert [(i["id"], i["action"]) for i in items] == [(demo.ketamine.pk, "published")]

    # Everything since the first cursor, applied to what the partner held then, is the listing.
    everything, _ = feed(client)
    held = followed(everything)
    assert held == listed(client)
    assert demo.ketamine.pk in held and demo.stamford.pk not in held
    assert len(changes_after(client, since_unpublished)[0]) >= 5


def test_a_draft_save_is_not_a_change(demo, client):
    _, since = feed(client)
    page = Page.objects.get(pk=demo.migraine.pk).specific
    page.title = "A draft nobody sees"
    page.save_revision()
    items, next_cursor = changes_after(client, since)
    assert items == [] and next_cursor == since


@pytest.mark.parametrize(
    "query",
    [
        {"since": "not-a-cursor"},
        {"since": "%%%"},
        {"since": "cGMxOi0x"},  # a cursor of -1
        {"since": cursor(10**40)},
        {"since": "\x00"},
        {"limit": "0"},
        {"limit": "99999999999999999999999"},
        {"sinse": cursor(1)},
    ],
)
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_bad_cursors_and_parameters_are_refused_by_name(client, query, version):
    answer = client.get(f"/api/{version}/changes/", query)
    assert answer.status_code == 400
    assert answer.json()["parameter"] == next(iter(query))


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_cursor_past_the_newest_change_is_refused(demo, client, version):
    # A partner following it would skip every change up to it.
    _, newest = feed(client)
    assert client.get(f"/api/{version}/changes/", {"since": newest}).status_code == 200
    beyond = client.get(f"/api/{version}/changes/", {"since": cursor(10**6)})
    assert beyond.status_code == 400 and beyond.json()["parameter"] == "since"


def test_the_feed_reads_only_and_answers_in_json(client):
    assert client.post("/api/v2/changes/").status_code == 405
    body = client.get("/api/v3/changes/", {"limit": 1}).json()
    assert len(body["items"]) == 1 and body["has_more"] is True


def test_the_feed_is_read_in_a_fixed_number_of_queries(demo, client, django_assert_max_num_queries):
    total = PageChange.objects.count()
    assert total > 60
    for count in (5, 100):
        cache.clear()
        with django_assert_max_num_queries(4):
            body = client.get("/api/v2/changes/", {"limit": count}).json()
        assert len(body["items"]) == min(count, total)


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["publish", "unpublish", "delete", "move", "restrict", "open"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
    ),
    min_size=1,
    max_size=6,
)


def test_any_sequence_of_changes_followed_ends_with_the_api_listing(demo):
    client = Client()
    _, start = feed(client)
    held_at_start = listed(client)

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(actions=ACTIONS)
    def run(actions):
        for action, first, second in actions:
            pages = list(Page.objects.filter(depth__gt=2).order_by("pk"))
            if not pages:
                return
            page = pages[first % len(pages)].specific
            if action == "publish":
                page.save_revision().publish()
            elif action == "unpublish" and page.live:
                page.unpublish()
            elif action == "delete":
                page.delete()
            elif action == "move":
                targets = [
                    target
                    for target in Page.objects.filter(depth__gt=1)
                    if not target.path.startswith(page.path)
                ]
                page.move(targets[second % len(targets)], pos="last-child")
            elif action == "restrict":
                PageViewRestriction.objects.get_or_create(page=page, restriction_type="login")
            elif action == "open":
                PageViewRestriction.objects.filter(page=page).delete()
        cache.clear()
        items, _ = feed(client, start)
        assert followed(items, held_at_start) == listed(client)

    run()
