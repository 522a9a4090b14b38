"""Webhooks reach a real HTTP receiver on loopback (tests/partners/receiver.py), signed so that a
partner verifies them with the `standardwebhooks` library, from the real database task worker
(django-tasks-db's worker taking and running the queued tasks, here in the test's process and
transaction); retried with the
same `webhook-id`; given up, disabled and reported when they keep failing.

Nothing here stands in for HTTP or for the task queue: the editor's publish writes rows, the
worker reads them and POSTs over a socket. The worker's own process, restarted while the receiver
is down, is in test_webhook_worker.py."""

import time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook
from wagtail.models import Page

from partners import webhooks
from partners.models import WebhookDelivery, WebhookSubscription
from tests.editorial.roles import spanish
from tests.partners.receiver import Receiver

pytestmark = pytest.mark.django_db

ALL_EVENTS = ["page.published", "page.unpublished", "page.deleted", "page.moved"]
Status = WebhookDelivery.Status


def run_worker(seconds=15):
    """Runs the queued webhook tasks as django-tasks-db's worker does (its `ready()` queue,
    `claim` and `Worker.run_task`), until no delivery is left to try, waiting out the short test
    back-off. Its loop itself (`Worker.run`) closes the database connection between tasks, which
    would end the test's transaction on PostgreSQL: test_webhook_worker.py runs that loop, in
    the real `db_worker` process."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="webhooks",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while True:
            with transaction.atomic():
                task = DBTaskResult.objects.ready().filter(backend_name="webhooks").get_locked()
                if task is not None:
                    task.claim(worker.worker_id)
            if task is None:
                break
            worker.run_task(task)
        if not WebhookDelivery.objects.filter(status__in=webhooks.OPEN).exists():
            return
        time.sleep(0.05)
    raise AssertionError("deliveries still open after the worker ran")


def subscribe(url, events=("page.published",), **fields):
    return WebhookSubscription.objects.create(url=url, events=list(events), **fields)


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).specific.save_revision().publish()


def verified(subscription, request):
    return Webhook(subscription.secret).verify(request.body, request.headers)


def test_a_publish_reaches_the_receiver_signed_and_verifiable(
    demo, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        subscription = subscribe(receiver.url)
        assert subscription.secret.startswith("whsec_")
        publish(demo.about, django_capture_on_commit_callbacks)
        assert receiver.requests == []  # nothing is sent from the editor's request
        run_worker()
        [request] = receiver.wait_for(1)

    payload = verified(subscription, request)
    assert payload["type"] == "page.published"
    assert payload["data"] == {
        "id": demo.about.pk,
        "type": "home.StandardPage",
        "locale": "en",
        "translation_key": str(demo.about.translation_key),
        "url": Page.objects.get(pk=demo.about.pk).get_full_url(),
        "detail_url": f"http://127.0.0.1:8000/api/v2/pages/{demo.about.pk}/",
        "change_id": payload["data"]["change_id"],
    }
    assert payload["data"]["url"].startswith("http")
    assert request.headers["content-type"] == "application/json"
    assert request.headers["webhook-id"].startswith("msg_")
    assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 60
    assert request.headers["webhook-signature"].startswith("v1,")
    # Signed with this subscription's secret, not another one.
    other = WebhookSubscription(url=receiver.url)
    with pytest.raises(Exception, match="signature"):
        Webhook(other.secret).verify(request.body, request.headers)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (
        Status.SUCCEEDED,
        1,
        200,
    )
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None
    assert request.headers["webhook-id"] == delivery.message_id


def test_a_receiver_failing_twice_gets_the_same_webhook_id_three_times(
    demo, django_capture_on_commit_callbacks
):
    with Receiver(answers=[500, 500]) as receiver:
        subscription = subscribe(receiver.url)
        publish(demo.migraine, django_capture_on_commit_callbacks)
        run_worker()
        requests = receiver.wait_for(3)

    assert len(requests) == 3
    assert len({r.headers["webhook-id"] for r in requests}) == 1
    assert {verified(subscription, r)["data"]["id"] for r in requests} == {demo.migraine.pk}
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (
        Status.SUCCEEDED,
        3,
        200,
    )
    subscription.refresh_from_db()
    assert subscription.consecutive_failures == 0 and subscription.active


def test_unpublish_delete_and_move_reach_the_webhooks(demo, django_capture_on_commit_callbacks):
    migraine_es = spanish(demo.migraine)
    with Receiver() as receiver:
        subscription = subscribe(receiver.url, ALL_EVENTS)
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=demo.ketamine.pk).specific.unpublish()
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=migraine_es.pk).delete()
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=demo.anxiety.pk).move(
                Page.objects.get(pk=demo.home.pk), pos="last-child"
            )
        run_worker()
        requests = receiver.wait_for(3)

    got = {
        (p["type"], p["data"]["id"]): p["data"] for p in map(verified, [subscription] * 9, requests)
    }
    assert ("page.unpublished", demo.ketamine.pk) in got
    assert ("page.deleted", migraine_es.pk) in got
    moved = got[("page.moved", demo.anxiety.pk)]
    assert moved["url"] == Page.objects.get(pk=demo.anxiety.pk).get_full_url()
    assert got[("page.deleted", migraine_es.pk)]["url"] is None
    assert got[("page.deleted", migraine_es.pk)]["locale"] == "es"
    assert got[("page.unpublished", demo.ketamine.pk)]["url"] is None


def test_subscriptions_get_only_the_events_types_and_languages_they_chose(
    demo, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        spanish_conditions = subscribe(
            receiver.url + "?who=es",
            ALL_EVENTS,
            page_types=["treatments.ConditionPage"],
            locales=["es"],
        )
        removals = subscribe(receiver.url + "?who=removals", ["page.unpublished"])
        subscribe(receiver.url + "?who=off", ALL_EVENTS, active=False)
        publish(spanish(demo.migraine), django_capture_on_commit_callbacks)
        publish(demo.migraine, django_capture_on_commit_callbacks)  # English: not asked for
        publish(spanish(demo.ketamine), django_capture_on_commit_callbacks)  # a treatment
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=demo.about.pk).specific.unpublish()
        run_worker()
        time.sleep(0.2)
        requests = list(receiver.requests)

    by_path = sorted((r.path.split("=")[1], verified_any(r)["data"]["id"]) for r in requests)
    assert by_path == sorted([("es", spanish(demo.migraine).pk), ("removals", demo.about.pk)])
    assert spanish_conditions.deliveries.count() == 1 and removals.deliveries.count() == 1


def verified_any(request):
    for subscription in WebhookSubscription.objects.all():
        try:
            return verified(subscription, request)
        except Exception:
            continue
    raise AssertionError("no subscription's secret verifies this request")


def test_queueing_costs_the_same_few_queries_however_many_subscriptions(
    demo, django_capture_on_commit_callbacks
):
    def queries_to_delete_a_section():
        """Queries to delete the conditions (in both languages' feed) and deliveries queued."""
        with transaction.atomic():
            with (
                CaptureQueriesContext(connection) as queries,
                django_capture_on_commit_callbacks(execute=False),
            ):
                Page.objects.get(pk=demo.conditions.pk).delete()
            queued = WebhookDelivery.objects.count()
            transaction.set_rollback(True)
        return len(queries), queued

    subscribe("http://127.0.0.1:9/a", ALL_EVENTS)
    queries_to_delete_a_section()  # reads the content types into Django's per-process cache
    few, queued = queries_to_delete_a_section()
    for each in range(10):
        subscribe(f"http://127.0.0.1:9/{each}", ALL_EVENTS)
    many, queued_to_many = queries_to_delete_a_section()
    assert queued >= 5 and queued_to_many == 11 * queued
    assert many == few


def test_a_receiver_that_keeps_failing_is_given_up_disabled_and_reported(
    demo, settings, django_capture_on_commit_callbacks, django_user_model
):
    settings.WEBHOOK_RETRY_SCHEDULE = [0.05] * 7
    settings.WEBHOOK_DISABLE_AFTER_SECONDS = 0
    django_user_model.objects.create_superuser("root", "root@example.org", "x" * 12)
    with Receiver(then=503) as receiver:
        subscription = subscribe(receiver.url + "?token=partner-token", name="Referral network")
        publish(demo.about, django_capture_on_commit_callbacks)
        run_worker()
        requests = receiver.wait_for(8)
        publish(demo.privacy, django_capture_on_commit_callbacks)
        run_worker()
        time.sleep(0.2)
        assert len(receiver.requests) == 8  # a disabled subscription is sent nothing

    assert len({r.headers["webhook-id"] for r in requests}) == 1
    [first] = WebhookDelivery.objects.all()  # nothing is queued for a disabled subscription
    assert (first.status, first.attempts, first.response_code) == (Status.GIVEN_UP, 8, 503)
    assert first.last_error == "HTTP 503."
    subscription.refresh_from_db()
    assert not subscription.active and subscription.disabled_at is not None
    assert "8 or more failed attempts" in subscription.disabled_reason
    [message] = mail.outbox
    assert "root@example.org" in message.to
    assert "Referral network" in message.subject
    edit_url = reverse("partners_webhooksubscription:edit", args=[subscription.pk])
    assert f"http://testserver{edit_url}" in message.body
    for secret in (subscription.secret, "partner-token", str(demo.about.translation_key)):
        assert secret not in message.body


def test_redirects_are_not_followed_and_only_http_is_sent_to(
    demo, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_RETRY_SCHEDULE = []
    with Receiver() as elsewhere, Receiver(then=302, redirect_to=elsewhere.url) as receiver:
        subscribe(receiver.url)
        WebhookSubscription.objects.create(url="file:///etc/passwd", events=["page.published"])
        publish(demo.about, django_capture_on_commit_callbacks)
        run_worker()
        receiver.wait_for(1)
        time.sleep(0.2)
        assert elsewhere.requests == []
    redirected, local_file = WebhookDelivery.objects.order_by("pk")
    assert redirected.status == Status.GIVEN_UP and redirected.response_code == 302
    assert "redirects are not followed" in redirected.last_error
    assert local_file.status == Status.GIVEN_UP
    assert local_file.last_error == "Only http and https addresses are sent to."


def test_a_refused_connection_and_a_timeout_are_failures_that_are_retried(
    demo, settings, django_capture_on_commit_callbacks
):
    import socket

    settings.WEBHOOK_RETRY_SCHEDULE = [0.05]
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.3
    silent = socket.socket()  # accepts connections and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    with Receiver() as down:
        pass  # its port is free again: nothing listens there
    try:
        subscribe(down.url)
        subscribe(f"http://127.0.0.1:{silent.getsockname()[1]}/")
        publish(demo.about, django_capture_on_commit_callbacks)
        run_worker()
    finally:
        silent.close()
    refused, timed_out = WebhookDelivery.objects.order_by("pk")
    assert refused.status == Status.GIVEN_UP and refused.attempts == 2
    assert refused.last_error.startswith("Could not connect")
    assert timed_out.status == Status.GIVEN_UP and timed_out.attempts == 2
    assert timed_out.last_error == "No answer within 0.3 s."


def test_redeliver_sends_the_same_message_again(demo, django_capture_on_commit_callbacks):
    with Receiver() as receiver:
        subscription = subscribe(receiver.url)
        publish(demo.about, django_capture_on_commit_callbacks)
        run_worker()
        delivery = WebhookDelivery.objects.get()
        with django_capture_on_commit_callbacks(execute=True):
            webhooks.redeliver(delivery)
        run_worker()
        first, again = receiver.wait_for(2)
    assert first.headers["webhook-id"] == again.headers["webhook-id"] == delivery.message_id
    assert verified(subscription, again) == verified(subscription, first)
    delivery.refresh_from_db()
    assert delivery.status == Status.SUCCEEDED and delivery.attempts == 2


def test_a_lost_task_is_queued_again_by_the_sweep(demo, django_capture_on_commit_callbacks):
    with Receiver() as receiver:
        subscribe(receiver.url)
        with django_capture_on_commit_callbacks(execute=False):  # the process died at commit
            Page.objects.get(pk=demo.about.pk).specific.save_revision().publish()
        assert not DBTaskResult.objects.exists()
        assert webhooks.sweep() == 0  # not overdue yet: its own task may still come
        WebhookDelivery.objects.update(next_attempt_at=timezone.now() - webhooks.SWEEP_GRACE * 2)
        assert webhooks.sweep() == 1
        run_worker()
        [request] = receiver.wait_for(1)
    assert WebhookDelivery.objects.get().status == Status.SUCCEEDED
    assert request.headers["webhook-id"] == WebhookDelivery.objects.get().message_id


def test_a_repeated_task_sends_nothing_twice(demo, django_capture_on_commit_callbacks):
    with Receiver() as receiver:
        subscribe(receiver.url)
        publish(demo.about, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        webhooks.deliver.enqueue(delivery.pk, 0)  # the same attempt queued twice
        run_worker()
        time.sleep(0.2)
        assert len(receiver.requests) == 1


def test_image_changes_reach_the_subscriptions_that_asked_for_them(
    demo, django_capture_on_commit_callbacks
):
    from home.factories import ClinicImageFactory

    with Receiver() as receiver:
        subscription = subscribe(receiver.url, ["image.saved", "image.deleted"], locales=["es"])
        subscribe(receiver.url + "?pages-only", ALL_EVENTS)
        with django_capture_on_commit_callbacks(execute=True):
            image = ClinicImageFactory(title="Infusion room", file__width=60, file__height=40)
        image_id = image.pk
        with django_capture_on_commit_callbacks(execute=True):
            image.file_size = None
            image.get_file_size()  # Wagtail filling in its own field: no change
        with django_capture_on_commit_callbacks(execute=True):
            image.delete()
        run_worker()
        time.sleep(0.2)
        requests = list(receiver.requests)

    payloads = [verified(subscription, request) for request in requests]
    assert [(p["type"], p["data"]["id"]) for p in payloads] == [
        ("image.saved", image_id),
        ("image.deleted", image_id),
    ]
    assert payloads[0]["data"] == {
        "id": image_id,
        "title": "Infusion room",
        "detail_url": f"http://127.0.0.1:8000/api/v2/images/{image_id}/",
    }


def test_topic_changes_reach_the_subscriptions_of_their_language(
    demo, django_capture_on_commit_callbacks
):
    """Partners see an article's topics by name: a renamed or deleted topic is news to them."""
    from articles.models import ArticleTopic

    english = ArticleTopic.objects.get(locale__language_code="en", slug="migraine")
    spanish = ArticleTopic.objects.get(
        translation_key=english.translation_key, locale__language_code="es"
    )
    with Receiver() as receiver:
        subscription = subscribe(receiver.url, ["topic.saved", "topic.deleted"], locales=["es"])
        subscribe(receiver.url + "?pages-only", ALL_EVENTS)
        with django_capture_on_commit_callbacks(execute=True):
            english.name = "Migraine and headache"
            english.save()  # English: not for this subscription
        with django_capture_on_commit_callbacks(execute=True):
            spanish.name = "Migraña y cefalea"
            spanish.save()
        spanish_id = spanish.pk
        with django_capture_on_commit_callbacks(execute=True):
            ArticleTopic.objects.filter(pk=spanish_id).delete()
        run_worker()
        time.sleep(0.2)
        requests = list(receiver.requests)

    assert len(requests) == 2
    payloads = [verified(subscription, request) for request in requests]
    assert [(p["type"], p["data"]["name"]) for p in payloads] == [
        ("topic.saved", "Migraña y cefalea"),
        ("topic.deleted", None),
    ]
    assert payloads[0]["data"] == {
        "id": spanish_id,
        "locale": "es",
        "translation_key": str(english.translation_key),
        "name": "Migraña y cefalea",
        "slug": spanish.slug,
    }


def test_a_subscription_to_an_unknown_event_is_refused():
    subscription = WebhookSubscription(url="https://partner.example/hook", events=["topic.renamed"])
    with pytest.raises(ValidationError) as error:
        subscription.full_clean()
    assert "topic.saved" in str(error.value)  # the message lists the events there are
