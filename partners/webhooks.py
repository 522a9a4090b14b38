"""Webhooks: each change of the change feed, pushed to the partners that subscribed to it.

1. **Queued with the change.** `reconcile` (partners/changes.py) hands us the `PageChange`s it
   wrote; inside the same transaction each active subscription that wants one gets a
   `WebhookDelivery` with its payload (so the payload says what was true when the change was made,
   and a change that rolls back queues nothing). Once the transaction commits, one `deliver` task
   per delivery goes on the `webhooks` task backend (the database: `manage.py db_worker --backend
   webhooks` runs them). Nothing is sent from the editor's request.
2. **Sent by the worker.** `deliver` claims the delivery (a conditional UPDATE on its attempt
   count, so a repeated or stale task sends nothing), POSTs the payload signed with the
   subscription's secret per Standard Webhooks, and records the answer.
3. **Retried.** A failure (an answer other than 2xx, a redirect, a timeout, a refused connection)
   is tried again after `WEBHOOK_RETRY_SCHEDULE`'s next wait with the task framework's
   `run_after`, with the same `webhook-id`; after the last it is given up. A subscription whose
   attempts keep failing (`WEBHOOK_DISABLE_AFTER_FAILURES` in a row over at least
   `WEBHOOK_DISABLE_AFTER_SECONDS`) is disabled and the site administrators are e-mailed.
4. **Swept.** A delivery whose task was lost (the process died between the commit and the
   enqueue, or a worker was killed while sending) is due again once `next_attempt_at` passes:
   `manage.py webhooks sweep` queues every delivery overdue by more than a few minutes.

Payloads carry what the public API shows of a page (id, type, language, translation key, URLs)
and nothing else.
"""

import functools
import http.client
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit
from uuid import uuid4

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import DateTimeField, F, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from standardwebhooks import Webhook
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from articles.models import ArticleTopic
from editorial.governance import SITE_ADMINISTRATORS
from partners.models import PageChange, WebhookDelivery, WebhookSubscription

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status
OPEN = [Status.PENDING, Status.FAILED]  # deliveries that will still be tried
USER_AGENT = "ClinicCMS-Webhooks/1"
# How long past its `next_attempt_at` a delivery must be before `sweep` queues it again: its own
# task normally runs well before that.
SWEEP_GRACE = timedelta(minutes=5)


# ---------------------------------------------------------------------------------------------
# Queueing, inside the change's transaction
# ---------------------------------------------------------------------------------------------


def queue_for_changes(changes):
    """Queue a delivery of each of `changes` (saved `PageChange`s) to each active subscription
    that wants it. Four queries at most, whatever the number of changes and subscriptions."""
    if not changes:
        return []
    subscriptions = list(WebhookSubscription.objects.filter(active=True))
    wanted = [
        (s, c)
        for c in changes
        for s in subscriptions
        if s.wants(f"page.{c.action}", c.page_type, c.locale)
    ]
    if not wanted:
        return []
    urls = page_urls({c.page_id for _, c in wanted if c.action in LIVE_ACTIONS})
    return queue(
        (subscription, page_payload(change, urls.get(change.page_id)))
        for subscription, change in wanted
    )


def queue(deliveries):
    """Save a delivery of each (subscription, payload), and queue their tasks once the
    transaction commits."""
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            subscription=subscription,
            message_id=f"msg_{uuid4().hex}",
            event=payload["type"],
            payload=payload,
            next_attempt_at=now,
        )
        for subscription, payload in deliveries
    )
    ids = [(delivery.pk, 0) for delivery in deliveries]
    transaction.on_commit(functools.partial(enqueue_all, ids))
    return deliveries


LIVE_ACTIONS = {PageChange.Action.PUBLISHED, PageChange.Action.MOVED}


def page_urls(page_ids):
    """The absolute address of each live page, by id (one query; site roots are cached)."""
    return {
        page.pk: page.get_full_url()
        for page in Page.objects.filter(pk__in=page_ids).select_related("locale")
    }


def api_detail_url(page_id):
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + reverse(
        "wagtailapi:pages:detail", args=[page_id]
    )


def page_payload(change, url):
    """A Standard Webhooks payload: `type`, `timestamp` and `data`, what the public API lists of
    the page. `url` is None for a page no longer listed (unpublished or deleted)."""
    return {
        "type": f"page.{change.action}",
        "timestamp": change.at.isoformat().replace("+00:00", "Z"),
        "data": {
            "id": change.page_id,
            "type": change.page_type,
            "locale": change.locale,
            "translation_key": str(change.translation_key),
            "url": url,
            "detail_url": api_detail_url(change.page_id),
            "change_id": change.pk,
        },
    }


def image_saved_or_deleted(sender, instance, created=False, update_fields=None, **kwargs):
    """An image added, changed or deleted: partners see images in `/api/v2/images/` and in
    pages. Wagtail filling in an image's own file size or hash is no change."""
    if kwargs.get("raw") or (update_fields and set(update_fields) <= {"file_size", "file_hash"}):
        return
    deleted = kwargs.get("signal") is post_delete
    event = "image.deleted" if deleted else "image.saved"
    subscriptions = [s for s in WebhookSubscription.objects.filter(active=True) if s.wants(event)]
    if not subscriptions:
        return
    payload = {
        "type": event,
        "timestamp": timezone.now().isoformat().replace("+00:00", "Z"),
        "data": {
            "id": instance.pk,
            "title": None if deleted else instance.title,
            "detail_url": settings.WAGTAILAPI_BASE_URL.rstrip("/")
            + reverse("wagtailapi:images:detail", args=[instance.pk]),
        },
    }
    queue((subscription, payload) for subscription in subscriptions)


def topic_saved_or_deleted(sender, instance, **kwargs):
    """An article topic added, renamed or deleted: partners see topics in articles' `topics`."""
    if kwargs.get("raw"):
        return
    deleted = kwargs.get("signal") is post_delete
    event = "topic.deleted" if deleted else "topic.saved"
    locale = Locale.objects.filter(pk=instance.locale_id).values_list("language_code", flat=True)
    language_code = locale.first()
    subscriptions = [
        s
        for s in WebhookSubscription.objects.filter(active=True)
        if s.wants(event, locale=language_code)
    ]
    if not subscriptions:
        return
    payload = {
        "type": event,
        "timestamp": timezone.now().isoformat().replace("+00:00", "Z"),
        "data": {
            "id": instance.pk,
            "locale": language_code,
            "translation_key": str(instance.translation_key),
            "name": None if deleted else instance.name,
            "slug": instance.slug,
        },
    }
    queue((subscription, payload) for subscription in subscriptions)


def connect():
    image_model = get_image_model()
    post_save.connect(image_saved_or_deleted, sender=image_model, dispatch_uid="webhook-image-s")
    post_delete.connect(image_saved_or_deleted, sender=image_model, dispatch_uid="webhook-image-d")
    post_save.connect(topic_saved_or_deleted, sender=ArticleTopic, dispatch_uid="webhook-topic-s")
    post_delete.connect(topic_saved_or_deleted, sender=ArticleTopic, dispatch_uid="webhook-topic-d")


def enqueue_all(ids):
    for delivery_id, attempts in ids:
        deliver.enqueue(delivery_id, attempts)


# ---------------------------------------------------------------------------------------------
# Sending, in the worker
# ---------------------------------------------------------------------------------------------


@task(backend="webhooks")
def deliver(delivery_id, attempts):
    """Make attempt number `attempts + 1` of a delivery, if nobody has made it yet."""
    return attempt(delivery_id, attempts)


def attempt(delivery_id, attempts):
    now = timezone.now()
    lease = now + timedelta(seconds=settings.WEBHOOK_TIMEOUT_SECONDS) + SWEEP_GRACE
    # The claim: whoever moves the attempt count on sends; a stale or repeated task finds it moved.
    claimed = WebhookDelivery.objects.filter(pk=delivery_id, status__in=OPEN, attempts=attempts)
    if not claimed.update(attempts=F("attempts") + 1, last_attempt_at=now, next_attempt_at=lease):
        return "skipped"
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    subscription = delivery.subscription
    if not subscription.active:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=Status.GIVEN_UP, next_attempt_at=None, last_error="The subscription is disabled."
        )
        return Status.GIVEN_UP
    code, error = send(subscription, delivery)
    if error is None:
        succeeded(delivery, code)
        return Status.SUCCEEDED
    return failed(delivery, code, error)


def body_of(delivery):
    return json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()


def signed_headers(secret, message_id, body, at=None):
    """The Standard Webhooks headers of one attempt (a new timestamp each time)."""
    at = at or timezone.now()
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
    }


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other non-2xx: not followed (it could lead anywhere)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


opener = urllib.request.build_opener(NoRedirects)


def send(subscription, delivery):
    """POST the delivery once. Returns (status code or None, error or None when it succeeded)."""
    if urlsplit(subscription.url).scheme not in ("http", "https"):
        return None, "Only http and https addresses are sent to."
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signed_headers(subscription.secret, delivery.message_id, body),
    }
    request = urllib.request.Request(subscription.url, data=body, headers=headers, method="POST")
    timeout = settings.WEBHOOK_TIMEOUT_SECONDS
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read(64 * 1024)
            code = response.status
    except urllib.error.HTTPError as answer:
        code = answer.code
        answer.close()
        if 300 <= code < 400:
            return code, f"HTTP {code}: redirects are not followed."
        return code, f"HTTP {code}."
    except TimeoutError:
        return None, f"No answer within {timeout} s."
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return None, f"No answer within {timeout} s."
        return None, f"Could not connect: {short(reason)}."
    except (OSError, ValueError, http.client.HTTPException) as error:
        return None, f"Could not send: {short(error)}."
    if 200 <= code < 300:
        return code, None
    return code, f"HTTP {code}."


def short(reason):
    text = str(getattr(reason, "strerror", None) or reason)
    return text[:200]


def succeeded(delivery, code):
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.SUCCEEDED,
        response_code=code,
        last_error="",
        next_attempt_at=None,
        delivered_at=now,
    )
    WebhookSubscription.objects.filter(pk=delivery.subscription_id).exclude(
        consecutive_failures=0, failing_since=None
    ).update(consecutive_failures=0, failing_since=None)


def failed(delivery, code, error):
    now = timezone.now()
    schedule = settings.WEBHOOK_RETRY_SCHEDULE
    made = delivery.attempts  # counting this one
    with transaction.atomic():
        if made <= len(schedule):
            status, next_at = Status.FAILED, now + timedelta(seconds=schedule[made - 1])
        else:
            status, next_at = Status.GIVEN_UP, None
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=status, response_code=code, last_error=error[:300], next_attempt_at=next_at
        )
        if next_at is not None:
            # The retry's task is a row of the same database: queued in the same transaction,
            # it cannot be lost between the two.
            deliver.using(run_after=next_at).enqueue(delivery.pk, made)
        disabled = count_failure(delivery.subscription, now, error)
    if disabled:
        tell_administrators(delivery.subscription, error)
    return status


def count_failure(subscription, now, error):
    """Count a failed attempt; disable the subscription when they have kept failing. Returns
    whether this call disabled it (only one does)."""
    subscriptions = WebhookSubscription.objects.filter(pk=subscription.pk)
    subscriptions.update(
        consecutive_failures=F("consecutive_failures") + 1,
        failing_since=Coalesce("failing_since", Value(now, output_field=DateTimeField())),
    )
    since = now - timedelta(seconds=settings.WEBHOOK_DISABLE_AFTER_SECONDS)
    failures = settings.WEBHOOK_DISABLE_AFTER_FAILURES
    reason = f"Disabled after {failures} or more failed attempts in a row; the last: {error}"
    return bool(
        subscriptions.filter(
            active=True, consecutive_failures__gte=failures, failing_since__lte=since
        ).update(active=False, disabled_at=now, disabled_reason=reason[:500])
    )


def without_credentials(url):
    """The address without a user, password, query or fragment, which may hold a token."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def administrators_emails():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(is_superuser=True) | Q(groups__name=SITE_ADMINISTRATORS))
    return sorted(set(users.values_list("email", flat=True)))


def tell_administrators(subscription, error):
    """E-mail the superusers and site administrators that a subscription was disabled: its name,
    address (without credentials or query) and why; never its secret or a payload."""
    recipients = administrators_emails()
    if not recipients:
        logger.warning("Webhook subscription %s disabled; nobody to tell", subscription.pk)
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "partners_webhooksubscription:edit", args=[subscription.pk]
    )
    name = subscription.name or without_credentials(subscription.url)
    message = (
        f"The webhook subscription {name!r} ({without_credentials(subscription.url)}) kept "
        f"failing and has been disabled: nothing more is sent to it.\n\n"
        f"Last error: {error}\n\n"
        f"When the partner's endpoint works again, enable it and redeliver what it missed:\n"
        f"{admin_url}\n"
    )
    try:
        send_mail(f"Webhook disabled: {name}", message, None, recipients)
    except Exception:  # the mail server's trouble must not undo the disabling
        logger.exception(
            "Could not e-mail that webhook subscription %s was disabled", subscription.pk
        )


# ---------------------------------------------------------------------------------------------
# Redelivery and the sweep
# ---------------------------------------------------------------------------------------------


def redeliver(delivery):
    """Send a delivery again now, whatever became of it, with the same `webhook-id`."""
    now = timezone.now()
    with transaction.atomic():
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=Status.PENDING, next_attempt_at=now
        )
        attempts = WebhookDelivery.objects.values_list("attempts", flat=True).get(pk=delivery.pk)
        deliver.enqueue(delivery.pk, attempts)


def sweep(limit=1000):
    """Queue again each open delivery overdue by more than `SWEEP_GRACE` (its task was lost).
    A delivery whose task is still queued is harmless to queue twice: only one attempt claims
    it. Returns how many were queued."""
    overdue = WebhookDelivery.objects.filter(
        status__in=OPEN,
        subscription__active=True,
        next_attempt_at__lte=timezone.now() - SWEEP_GRACE,
    ).order_by("next_attempt_at")[:limit]
    ids = list(overdue.values_list("pk", "attempts"))
    enqueue_all(ids)
    return len(ids)
