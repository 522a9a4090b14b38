"""Webhook subscriptions managed by site administrators, in the admin and with
`manage.py webhooks`; bad input gets form errors or a clear CommandError, never a traceback."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook

from partners.models import WebhookDelivery, WebhookSubscription
from tests.editorial.roles import member, refused

pytestmark = pytest.mark.django_db

INDEX = "partners_webhooksubscription:index"
ADD = "partners_webhooksubscription:add"
DELIVERIES = "partners_webhookdelivery:index"


def webhooks(*args):
    out = io.StringIO()
    call_command("webhooks", *args, stdout=out)
    return out.getvalue()


# --- manage.py webhooks -----------------------------------------------------------------------


def test_add_prints_the_id_and_a_secret_that_verifies(demo):
    out = webhooks(
        "add",
        "https://partner.example/hooks",
        "--events",
        "page.published,page.unpublished,page.deleted",
        "--types",
        "treatments.ConditionPage,locations.LocationPage",
        "--locales",
        "en,es",
    )
    subscription = WebhookSubscription.objects.get()
    assert out == f"id: {subscription.pk}\nsecret: {subscription.secret}\n"
    assert subscription.events == ["page.published", "page.unpublished", "page.deleted"]
    assert subscription.page_types == ["treatments.ConditionPage", "locations.LocationPage"]
    assert subscription.locales == ["en", "es"]
    Webhook(subscription.secret)  # a secret the library reads

    listed = webhooks("list")
    assert f"{subscription.pk}\thttps://partner.example/hooks\t" in listed
    assert "types=treatments.ConditionPage" in listed and "active" in listed
    assert subscription.secret not in listed
    assert webhooks("remove", str(subscription.pk)) == (
        f"Removed webhook subscription {subscription.pk}.\n"
    )
    assert not WebhookSubscription.objects.exists()
    assert webhooks("list") == "No webhook subscriptions.\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["ftp://partner.example/", "--events", "page.published"], "url: Enter a valid URL."),
        (["not a url", "--events", "page.published"], "url: Enter a valid URL."),
        (["https://p.example/", "--events", "page.nope"], "events: Unknown event 'page.nope'"),
        (["https://p.example/", "--events", ","], "events: Choose at least one event."),
        (
            ["https://p.example/", "--events", "page.moved", "--types", "home.Nope"],
            "page_types: Unknown page type 'home.Nope'.",
        ),
        (
            ["https://p.example/", "--events", "page.moved", "--locales", "en,xx"],
            "locales: Unknown language 'xx'.",
        ),
    ],
)
def test_add_refuses_bad_input_with_a_clear_error(demo, args, message):
    with pytest.raises(CommandError, match="^" + message.replace("?", r"\?").replace(".", r"\.")):
        webhooks("add", *args)
    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize("id", ["abc", "-1", "0", "99999999999999999999999", "1.5", " "])
def test_remove_refuses_what_is_not_an_id(id):
    with pytest.raises(CommandError, match="is not a subscription id"):
        webhooks("remove", id)


def test_remove_of_an_unknown_id_is_a_clear_error(db):
    with pytest.raises(CommandError, match="There is no webhook subscription 424242"):
        webhooks("remove", "424242")


def test_missing_arguments_are_usage_errors(db):
    for args in ([], ["remove"], ["add", "https://p.example/"]):
        with pytest.raises(CommandError):
            webhooks(*args)


# --- the admin ---------------------------------------------------------------------------------


@pytest.fixture
def administrator(django_user_model):
    return member(django_user_model, "sam-webhooks", "Site administrators")[1]


def form(**fields):
    return {
        "name": "Referral network",
        "url": "https://partner.example/hooks",
        "events": ["page.published", "page.deleted"],
        "active": "on",
        **fields,
    }


def test_a_site_administrator_adds_a_subscription_and_sees_its_secret(demo, administrator):
    assert administrator.get(reverse(INDEX)).status_code == 200
    assert administrator.get(reverse(ADD)).status_code == 200
    answer = administrator.post(reverse(ADD), form(locales=["es"]))
    subscription = WebhookSubscription.objects.get()
    edit = reverse("partners_webhooksubscription:edit", args=[subscription.pk])
    assert answer.status_code == 302 and answer["Location"] == edit
    assert subscription.locales == ["es"] and subscription.page_types == []
    page = administrator.get(edit).content.decode()
    assert subscription.secret in page

    old = subscription.secret
    answer = administrator.post(edit, form(locales=["es"], new_secret="on"))
    assert answer.status_code == 302
    subscription.refresh_from_db()
    assert subscription.secret != old and subscription.secret.startswith("whsec_")


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"url": "ftp://partner.example/"}, "url"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": ""}, "url"),
        ({"events": []}, "events"),
        ({"events": ["page.nope"]}, "events"),
        ({"page_types": ["home.Nope"]}, "page_types"),
        ({"locales": ["xx"]}, "locales"),
    ],
)
def test_bad_input_in_the_admin_form_gets_form_errors(demo, administrator, fields, field):
    answer = administrator.post(reverse(ADD), form(**fields))
    assert answer.status_code == 200
    assert field in answer.context["form"].errors
    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize("group", ["Marketing editors", "Medical reviewers", "Intake"])
def test_other_groups_cannot_see_the_webhooks(demo, django_user_model, group):
    _, client = member(django_user_model, f"someone-{group[:5]}", group)
    subscription = WebhookSubscription.objects.create(
        url="https://p.example/", events=["page.moved"]
    )
    delivery = WebhookDelivery.objects.create(
        subscription=subscription, message_id="msg_x", event="page.moved", payload={}
    )
    for url in (
        reverse(INDEX),
        reverse(ADD),
        reverse("partners_webhooksubscription:edit", args=[subscription.pk]),
        reverse(DELIVERIES),
        reverse("partners_webhookdelivery:inspect", args=[delivery.pk]),
    ):
        assert refused(client.get(url)), url
    redeliver = reverse("partners_webhookdelivery:redeliver", args=[delivery.pk])
    assert client.post(redeliver).status_code in (302, 403)
    assert not DBTaskResult.objects.exists()
    assert subscription.secret not in client.get("/admin/").content.decode()
    assert "Webhooks" not in client.get("/admin/").content.decode()


def test_the_delivery_log_shows_each_delivery_and_redelivers_it(demo, administrator):
    subscription = WebhookSubscription.objects.create(
        url="https://p.example/", events=["page.moved"]
    )
    delivery = WebhookDelivery.objects.create(
        subscription=subscription,
        message_id="msg_log",
        event="page.moved",
        payload={"data": {"id": demo.about.pk}},
        status=WebhookDelivery.Status.GIVEN_UP,
        attempts=8,
        response_code=503,
        last_error="HTTP 503.",
    )
    log = administrator.get(reverse(DELIVERIES), {"subscription": subscription.pk})
    assert log.status_code == 200
    html = log.content.decode()
    for shown in ("msg_log", "Given up", "503", "HTTP 503.", "Redeliver"):
        assert shown in html
    inspect = administrator.get(reverse("partners_webhookdelivery:inspect", args=[delivery.pk]))
    assert inspect.status_code == 200 and "msg_log" in inspect.content.decode()

    redeliver = reverse("partners_webhookdelivery:redeliver", args=[delivery.pk])
    assert administrator.get(redeliver).status_code == 405
    answer = administrator.post(redeliver)
    assert answer.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.PENDING
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [delivery.pk, 8]
    assert (
        administrator.post(reverse("partners_webhookdelivery:redeliver", args=[999999])).status_code
        == 404
    )
    assert administrator.get(reverse(DELIVERIES), {"subscription": "abc"}).status_code == 200


def test_enabling_a_disabled_subscription_clears_its_failures_and_allows_redelivery(
    demo, administrator
):
    subscription = WebhookSubscription.objects.create(
        url="https://partner.example/hooks",
        events=["page.published"],
        active=False,
        disabled_reason="Disabled after 8 or more failed attempts in a row; the last: HTTP 503.",
        consecutive_failures=8,
    )
    delivery = WebhookDelivery.objects.create(
        subscription=subscription,
        message_id="msg_missed",
        event="page.published",
        payload={},
        status=WebhookDelivery.Status.GIVEN_UP,
        attempts=8,
    )
    edit = reverse("partners_webhooksubscription:edit", args=[subscription.pk])
    assert "8 or more failed attempts" in administrator.get(edit).content.decode()
    redeliver = reverse("partners_webhookdelivery:redeliver", args=[delivery.pk])
    administrator.post(redeliver)
    assert not DBTaskResult.objects.exists()  # not while it is disabled

    assert administrator.post(edit, form()).status_code == 302
    subscription.refresh_from_db()
    assert subscription.active and subscription.consecutive_failures == 0
    assert subscription.disabled_reason == "" and subscription.disabled_at is None
    administrator.post(redeliver)
    assert DBTaskResult.objects.count() == 1
