"""Marketing's numbers without tracking anyone: a first-party beacon counts page views and
referring sites, searches and appointment requests are counted per day, nothing about a visitor
is kept anywhere, no cookie is set, and the "Site traffic" report shows the counts in the admin."""

import time
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models.functions import Cast
from django.test import Client

from appointments.forms import form_timestamp
from insights import counting
from insights.models import PageViewCount, ReferrerCount, RequestCount, SearchCount

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"
VISITOR_IP = "203.0.113.77"
HIT = "/insights/hit"


@pytest.fixture(autouse=True)
def nothing_pending():
    counting.flush()  # whatever earlier tests left in this process
    PageViewCount.objects.all().delete()
    ReferrerCount.objects.all().delete()
    SearchCount.objects.all().delete()
    RequestCount.objects.all().delete()
    yield
    counting.flush()


def beacon(client, data, **headers):
    headers = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_USER_AGENT": BROWSER, **headers}
    return client.post(HIT, data, REMOTE_ADDR=VISITOR_IP, **headers)


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(username=name, password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def test_pages_carry_their_id_for_the_beacon_and_the_script_sends_it_to_this_site(client, demo):
    html = client.get(demo.migraine.url).content.decode()
    assert f'data-page-id="{demo.migraine.pk}"' in html
    script = (Path(settings.BASE_DIR) / "static" / "js" / "site.js").read_text()
    assert 'navigator.sendBeacon("/insights/hit"' in script


def test_a_view_and_its_referring_site_are_counted_once_written(client, demo):
    response = beacon(client, {"page": demo.migraine.pk, "ref": "www.Google.com"})
    assert response.status_code == 204
    assert not response.cookies
    assert PageViewCount.objects.count() == 0  # held in memory until the batch is written
    beacon(client, {"page": demo.migraine.pk})
    counting.flush()
    assert list(PageViewCount.objects.values_list("page_id", "views")) == [(demo.migraine.pk, 2)]
    assert list(ReferrerCount.objects.values_list("domain", "visits")) == [("google.com", 1)]


def test_a_beacon_from_the_visitors_browser_without_fetch_metadata_needs_this_sites_origin(
    client, demo
):
    same = client.post(
        HIT, {"page": demo.home.pk}, HTTP_ORIGIN="http://testserver", HTTP_USER_AGENT=BROWSER
    )
    other = client.post(
        HIT, {"page": demo.home.pk}, HTTP_ORIGIN="https://evil.example", HTTP_USER_AGENT=BROWSER
    )
    assert (same.status_code, other.status_code) == (204, 403)
    assert (
        beacon(client, {"page": demo.home.pk}, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    )
    counting.flush()
    assert PageViewCount.objects.get().views == 1


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
        "python-requests/2.32",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) preview",
    ],
)
def test_robots_are_not_counted(client, demo, agent):
    assert beacon(client, {"page": demo.home.pk}, HTTP_USER_AGENT=agent).status_code == 204
    counting.flush()
    assert not PageViewCount.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"page": ""},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "1\x00"},
        {"page": "٣"},  # an Arabic-Indic digit: isdigit() but not a page id
        {"page": "9" * 19},
        {"page": "9" * 400},
        {"page": "1e9"},
    ],
)
def test_hostile_beacons_are_refused_and_counted_nowhere(client, demo, data):
    assert beacon(client, data).status_code == 400
    counting.flush()
    assert not PageViewCount.objects.exists()


def test_a_beacon_for_a_page_that_does_not_exist_is_dropped_when_written(client, demo):
    assert beacon(client, {"page": 2**62}).status_code == 204
    assert beacon(client, {"page": 987654321}).status_code == 204
    counting.flush()
    assert not PageViewCount.objects.exists()


@pytest.mark.parametrize(
    "referrer",
    ["testserver", "localhost", "evil.example/path", "<script>", "a\x00b.com", "x" * 300, "..com"],
)
def test_a_bad_or_own_referrer_counts_the_view_only(client, demo, referrer):
    assert beacon(client, {"page": demo.home.pk, "ref": referrer}).status_code == 204
    counting.flush()
    assert PageViewCount.objects.get().views == 1
    assert not ReferrerCount.objects.exists()


def test_only_small_posts_are_read(client, demo):
    big = client.post(
        HIT,
        "page=1&ref=" + "a" * 2000,
        content_type="application/x-www-form-urlencoded",
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_USER_AGENT=BROWSER,
    )
    assert big.status_code == 413
    assert client.get(HIT).status_code == 405


def test_searches_and_searches_without_results_are_counted_per_language(client, demo):
    client.get("/search/?q=migraine")
    client.get("/search/?q=zzqxjv")
    client.get("/es/search/?q=migraña")
    counting.flush()
    rows = {
        row.language_code: (row.searches, row.without_results) for row in SearchCount.objects.all()
    }
    assert rows == {"en": (2, 1), "es": (1, 0)}


def test_a_request_is_counted_for_the_page_it_came_from_and_its_topic(client, demo):
    html = client.get(demo.migraine.url).content.decode()
    assert f"from={demo.migraine.pk}" in html
    form_url = f"/request-an-appointment/?topic={demo.migraine.pk}&from={demo.migraine.pk}"
    assert f'name="source" value="{demo.migraine.pk}"' in client.get(form_url).content.decode()
    data = {
        "name": "Ana Pereira",
        "phone": "(203) 555-0177",
        "preferred_contact_method": "phone",
        "preferred_time": "any",
        "office": demo.stamford.pk,
        "topic": demo.migraine.pk,
        "consent": "on",
        "website": "",
        "started": form_timestamp(time.time() - 30),
        "source": str(demo.migraine.pk),
    }
    response = client.post("/request-an-appointment/", data)
    assert response.status_code == 302
    assert client.post("/request-an-appointment/", {**data, "source": "x\x00"}).status_code == 302
    counting.flush()
    rows = sorted(
        RequestCount.objects.values_list("source_page_id", "topic_id", "requests"),
        key=str,
    )
    assert rows == sorted(
        [(demo.migraine.pk, demo.migraine.pk, 1), (None, demo.migraine.pk, 1)], key=str
    )


def text_columns(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | models.GenericIPAddressField):
            yield field.attname, False
        elif isinstance(field, models.JSONField):
            yield field.attname, True


def test_after_visits_searches_and_a_request_no_table_holds_the_visitors_address(client, demo):
    extra = {
        "REMOTE_ADDR": VISITOR_IP,
        "HTTP_X_FORWARDED_FOR": VISITOR_IP,
        "HTTP_USER_AGENT": BROWSER,
    }
    for url in (demo.home.url, demo.migraine.url, "/es/", "/search/?q=ketamine", "/search/?q=qqq"):
        client.get(url, **extra)
        beacon(client, {"page": demo.home.pk, "ref": "news.example.org"})
    client.get("/request-an-appointment/", **extra)
    client.post(
        "/request-an-appointment/",
        {
            "name": "Ana Pereira",
            "phone": "(203) 555-0177",
            "preferred_contact_method": "phone",
            "preferred_time": "any",
            "office": demo.stamford.pk,
            "consent": "on",
            "website": "",
            "started": form_timestamp(time.time() - 30),
            "source": str(demo.migraine.pk),
        },
        **extra,
    )
    counting.flush()
    assert PageViewCount.objects.exists() and SearchCount.objects.exists()
    found = []
    for model in apps.get_models():
        for column, is_json in text_columns(model):
            if is_json:
                matches = model.objects.annotate(as_text=Cast(column, models.TextField())).filter(
                    as_text__contains=VISITOR_IP
                )
            else:
                matches = model.objects.filter(**{f"{column}__contains": VISITOR_IP})
            if matches.exists():
                found.append(f"{model._meta.label}.{column}")
    assert found == []


def test_public_pages_set_no_cookie_but_the_forms_csrf_token(client, demo):
    urls = [
        demo.home.url,
        demo.migraine.url,
        demo.ketamine.url,
        demo.stamford.url,
        demo.about.url,
        "/es/",
        "/costs-and-payment/",
        "/language-assistance/",
        "/search/?q=migraine",
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        assert not response.cookies, url
    form = client.get("/request-an-appointment/", HTTP_USER_AGENT=BROWSER)
    assert set(form.cookies) <= {"csrftoken"}
    assert not beacon(Client(), {"page": demo.home.pk}).cookies


def test_the_report_shows_the_counts_to_marketing_and_site_administrators_only(
    client, demo, django_user_model, django_assert_max_num_queries
):
    for _ in range(3):
        beacon(client, {"page": demo.migraine.pk, "ref": "news.example.org"})
    client.get("/search/?q=zzqxjv")
    counting.flush()
    RequestCount.objects.create(
        day=PageViewCount.objects.get().day,
        source_page=demo.migraine,
        topic=demo.migraine,
        requests=1,
    )
    marketing = member(django_user_model, "marketing-writer", "Marketing editors")
    with django_assert_max_num_queries(30):
        response = marketing.get("/admin/reports/site-traffic/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Site traffic" in html and "news.example.org" in html
    assert demo.migraine.title in html and "<svg" in html
    assert "33.3" in html  # one request per three views of the page
    siteadmin = member(django_user_model, "site-admin", "Site administrators")
    assert siteadmin.get("/admin/reports/site-traffic/?days=7").status_code == 200
    assert siteadmin.get("/admin/reports/site-traffic/?days=abc%00").status_code == 200
    intake = member(django_user_model, "intake-clerk", "Intake")
    assert intake.get("/admin/reports/site-traffic/").status_code in (302, 403)
    assert "Site traffic" not in intake.get("/admin/").content.decode()
    assert "Site traffic" in marketing.get("/admin/").content.decode()


def test_counts_the_database_refuses_are_kept_for_the_next_write(demo, monkeypatch):
    from django.db import DatabaseError

    counting.count_view(demo.home.pk)
    calls = {"n": 0}
    real = counting.PENDING.prepare

    def failing(batch):
        calls["n"] += 1
        raise DatabaseError("down")

    monkeypatch.setattr(counting.PENDING, "prepare", failing)
    counting.flush()
    assert not PageViewCount.objects.exists()
    monkeypatch.setattr(counting.PENDING, "prepare", real)
    counting.flush()
    assert PageViewCount.objects.get().views == 1
