"""Only what is public reaches partners; bad queries get clear JSON errors; HTTP conventions."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, PageViewRestriction

from home.factories import ClinicImageFactory
from locations.factories import LocationPageFactory
from treatments.factories import ConditionPageFactory, TreatmentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def ids_in(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return {item["id"] for item in response.json()["items"]}


def hidden_pages(demo):
    draft = ConditionPageFactory(parent=demo.conditions, title="Cluster headache draft")
    draft.unpublish()
    private = ConditionPageFactory(parent=demo.conditions, title="Private staff notes")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return draft, private


LISTINGS = [
    "/api/v2/pages/",
    "/api/v2/pages/?type=treatments.ConditionPage",
    "/api/v2/pages/?search=headache",
    "/api/v2/pages/?search=staff",
    "/api/v3/pages/",
    "/api/v3/pages/?type=treatments.ConditionPage",
]


def test_drafts_and_private_pages_are_in_no_listing_detail_or_search(client, demo):
    draft, private = hidden_pages(demo)
    for url in LISTINGS:
        ids = ids_in(client, url)
        assert draft.pk not in ids and private.pk not in ids, url
    for page in (draft, private):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404


def test_unpublished_changes_are_not_served(client, demo):
    demo.migraine.summary = "UNPUBLISHED DRAFT WORDING"
    demo.migraine.save_revision()  # saved, not published
    for url in [
        f"/api/v2/pages/{demo.migraine.pk}/",
        "/api/v2/pages/?type=treatments.ConditionPage&fields=summary",
        f"/api/v3/pages/{demo.migraine.pk}/",
    ]:
        assert "UNPUBLISHED DRAFT WORDING" not in client.get(url).content.decode(), url


BAD_QUERIES = [
    "/api/v2/pages/?fields=no_such_field",
    "/api/v2/pages/?fields=no_such_field&limit=0",  # refused even when no page is listed
    "/api/v2/pages/?rich_text_format=nope&offset=100000",
    "/api/v2/pages/?type=treatments.NoSuchPage",
    "/api/v2/pages/?type=notamodel",
    "/api/v2/pages/?limit=1000",
    "/api/v2/pages/?limit=-1",
    "/api/v2/pages/?offset=abc",
    "/api/v2/pages/?order=no_such_field",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?descendant_of=999999",
    "/api/v2/pages/?translation_of=abc",
    "/api/v2/pages/?locale=xx",
    "/api/v2/pages/?unknown_parameter=1",
    "/api/v2/pages/?type=treatments.TreatmentPage&condition=abc",
    "/api/v2/pages/?type=treatments.ConditionPage&condition=1",
    "/api/v2/pages/?changed_since=yesterday",
    "/api/v2/pages/?changed_since=2026-13-45T99:00:00",
    "/api/v2/pages/not-an-id/",
    "/api/v2/pages/99999999/",
    "/api/v2/images/?fields=file_hash_nope",
    "/api/v3/pages/?limit=1000",
    "/api/v3/pages/?type=treatments.NoSuchPage",
    "/api/v3/pages/?child_of=abc",
    "/api/v3/pages/not-an-id/",
    "/api/v3/pages/99999999/",
]


@pytest.mark.parametrize("url", BAD_QUERIES)
def test_bad_queries_get_a_json_4xx(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert response["Content-Type"].split(";")[0] in (
        "application/json",
        "application/problem+json",
    ), url
    assert response.json()


@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/images/"])
@pytest.mark.parametrize(
    "search", ["%00", "%22", "%20", '"""', "migraine%22", "(migraine", "NEAR("]
)
def test_search_with_engine_syntax_or_control_characters_answers_results(
    client, demo, endpoint, search
):
    # Quotes, a lone space or a NUL once reached the search engine as they were: 500 (503 on
    # SQLite). They are read as the plain words around them, as the site's search reads them.
    response = client.get(f"{endpoint}?search={search}")
    assert response.status_code == 200, (search, response.content[:300])
    found = {item["id"] for item in response.json()["items"]}
    if "migraine" in search and endpoint.endswith("pages/"):
        assert demo.migraine.pk in found


def test_filters_partners_use(client, demo):
    treatments_for_migraine = ids_in(
        client,
        f"/api/v2/pages/?type=treatments.TreatmentPage&condition={demo.migraine.pk}&locale=en",
    )
    assert treatments_for_migraine == {demo.ketamine.pk}
    other = ConditionPageFactory(parent=demo.conditions)
    assert not ids_in(client, f"/api/v2/pages/?type=treatments.TreatmentPage&condition={other.pk}")
    assert demo.ketamine.pk in ids_in(
        client, f"/api/v2/pages/?type=treatments.TreatmentPage&location={demo.westport.pk}"
    )
    assert ids_in(
        client,
        f"/api/v2/pages/?type=locations.PhysicianPage&location={demo.stamford.pk}&locale=en",
    ) == {demo.mcallister.pk}
    # Without a locale, a page is listed in every language it is published in.
    assert ids_in(
        client, f"/api/v2/pages/?type=locations.PhysicianPage&location={demo.stamford.pk}"
    ) == {page.pk for page in demo.mcallister.get_translations(inclusive=True).live()}
    assert ids_in(client, "/api/v2/pages/?slug=chronic-migraine") == {demo.migraine.pk}
    assert demo.migraine.pk in ids_in(client, "/api/v2/pages/?locale=en")
    assert demo.migraine.pk in ids_in(client, "/api/v2/pages/?search=migraine")


def test_changed_since_lists_only_newer_pages_oldest_first(client, demo):
    demo.stamford.save_revision().publish()
    demo.stamford.refresh_from_db()
    response = client.get(
        "/api/v2/pages/?fields=last_published_at&changed_since="
        + demo.stamford.last_published_at.isoformat().replace("+", "%2B")
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [demo.stamford.pk]


def test_listing_queries_do_not_grow_with_the_number_of_pages(client, demo):
    offices = [LocationPageFactory(parent=demo.locations) for _ in range(3)]

    def add(count):
        for _ in range(count):
            TreatmentPageFactory(
                parent=demo.treatments,
                listing_image=ClinicImageFactory(file__width=400, file__height=300),
                conditions=[ConditionPageFactory(parent=demo.conditions)],
                locations=offices,
            )

    url = "/api/v2/pages/?type=treatments.TreatmentPage&fields=*&limit=100&locale=en"

    def count():
        client.get(url)  # warm: renditions are made once
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), len(response.json()["items"])

    add(4)
    few, listed_few = count()
    add(45)
    many, listed_many = count()
    assert (listed_few, listed_many) == (5, 50)
    assert many <= few, f"{few} queries for 5 pages, {many} for 50"


def test_a_listing_reads_only_the_relations_of_the_fields_it_shows(client, demo):
    # A listing of titles reads no office's hours, physicians or treatments, and no StreamField's
    # chosen images: with every relation read for every field, it cost what `fields=*` did.
    for _ in range(3):
        LocationPageFactory(parent=demo.locations)

    def tables(fields):
        url = f"/api/v2/pages/?type=locations.LocationPage&fields={fields}&locale=en"
        client.get(url)  # warm
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured), " ".join(query["sql"] for query in captured)

    relations = ("locations_openinghours", "locations_physicianlocation", "treatmentlocation")
    titles, sql = tables("_,title")
    assert not [table for table in relations if table in sql]
    everything, sql = tables("*")
    assert all(table in sql for table in relations)
    hours, sql = tables("_,title,opening_hours")
    assert "locations_openinghours" in sql and "locations_physicianlocation" not in sql
    assert titles < hours < everything


def test_conditional_get_returns_304(client, demo):
    url = f"/api/v2/pages/{demo.migraine.pk}/"
    response = client.get(url)
    assert response["Cache-Control"].startswith("public")
    etag = response["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_anonymous_clients_are_rate_limited_per_address(client, settings):
    settings.API_RATE_LIMIT_ANONYMOUS = 3
    for _ in range(3):
        assert client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1").status_code == 200
    limited = client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1")
    assert limited.status_code == 429
    assert "Retry-After" in limited
    assert client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_partner_tokens_get_their_own_higher_limit_and_can_be_revoked(client, settings):
    settings.API_RATE_LIMIT_ANONYMOUS = 1
    settings.API_RATE_LIMIT_TOKEN = 3
    out = io.StringIO()
    call_command("api_token", "issue", "Fairfield Referral Network", stdout=out)
    token = [line for line in out.getvalue().splitlines() if line.startswith("wagtail_")][0]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}", "REMOTE_ADDR": "10.0.0.3"}
    for _ in range(3):
        response = client.get("/api/v3/pages/", **auth)
        assert response.status_code == 200
        assert response.json()["items"], "a partner token reads the public pages"
        assert response["Cache-Control"].startswith("private")
    assert client.get("/api/v3/pages/", **auth).status_code == 429
    assert client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.4").status_code == 200

    token_row = APIToken.objects.get(name="Fairfield Referral Network")
    call_command("api_token", "revoke", str(token_row.pk), stdout=io.StringIO())
    assert APIToken.objects.get(pk=token_row.pk).revoked_at is not None


def test_cors_allows_configured_partner_origins_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.org"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/changes/"])
@pytest.mark.parametrize(
    "header",
    [
        "Bearer not-a-token",
        "Bearer wagtail_" + "0" * 40,
        "Basic cGFydG5lcjpzZWNyZXQ=",
        "Bearer",
        "revoked",
    ],
)
def test_a_token_that_is_not_live_is_refused_not_read_as_anonymous(client, path, header):
    if header == "revoked":
        out = io.StringIO()
        call_command("api_token", "issue", "Former partner", stdout=out)
        token = [line for line in out.getvalue().splitlines() if line.startswith("wagtail_")][0]
        assert client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
        row = APIToken.objects.get(name="Former partner")
        call_command("api_token", "revoke", str(row.pk), stdout=io.StringIO())
        header = f"Bearer {token}"
    response = client.get(path, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert "not valid" in (body.get("message") or body.get("detail"))
    assert client.get(path).status_code == 200  # without a token, the public reads


@pytest.mark.parametrize("path", ["/api/v2/pages/abc/", "/api/v2/nothing/", "/api/v3/pages/abc/"])
def test_unknown_api_addresses_answer_json(client, path):
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert response["Content-Type"].startswith(("application/json", "application/problem+json"))


def test_every_v3_error_is_problem_details_and_every_v2_error_a_message(client):
    """A 404 on an address no view answers, a write, a refused token: each in its version's shape."""
    for answer, status in (
        (client.get("/api/v3/nothing/"), 404),
        (client.get("/api/v3/snippets/"), 404),
        (client.post("/api/v3/pages/"), 405),
        (client.get("/api/v3/pages/", HTTP_AUTHORIZATION="Bearer nothing"), 401),
    ):
        assert answer.status_code == status
        assert answer["Content-Type"] == "application/problem+json"
        body = answer.json()
        assert body["status"] == status and body["title"] and body["detail"]
    # Wagtail's own v3 endpoints for editors' tokens refuse anyone else, saying which scheme.
    for path in ("/api/v3/whoami/", "/api/v3/sites/"):
        answer = client.get(path)
        assert answer.status_code == 401
        assert answer["WWW-Authenticate"] == "Bearer"
        assert answer["Content-Type"] == "application/problem+json"
    for answer, status in (
        (client.get("/api/v2/nothing/"), 404),
        (client.get("/api/v2/pages/abc/"), 404),
        (client.post("/api/v2/pages/"), 405),
    ):
        assert answer.status_code == status
        assert answer["Content-Type"] == "application/json"
        assert answer.json()["message"]
