"""What partner apps are told: the pages the content API lists, every change to that set, and
the webhooks that push those changes to partners."""

import base64
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from wagtail.models import Locale, Page


class ListedPage(models.Model):
    """A page the content API lists to anyone (live, public, inside a site), as partners last
    learned of it from the change feed. Not a foreign key: a deleted page's row outlives it
    until the feed has told partners."""

    page_id = models.IntegerField(primary_key=True)
    page_type = models.CharField(max_length=100)
    locale = models.CharField(max_length=20)
    translation_key = models.UUIDField()
    url_path = models.TextField(db_index=True)
    last_published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "listed page"

    def __str__(self):
        return f"page {self.page_id} ({self.locale}) at {self.url_path}"


class PageChange(models.Model):
    """One change partners could see, in the order it happened: a page listed or listed again
    with new content (published), no longer listed (unpublished, made private, moved out of
    every site), deleted, or moved to another address."""

    class Action(models.TextChoices):
        PUBLISHED = "published"
        UNPUBLISHED = "unpublished"
        DELETED = "deleted"
        MOVED = "moved"

    page_id = models.IntegerField()
    page_type = models.CharField(max_length=100)
    locale = models.CharField(max_length=20)
    translation_key = models.UUIDField()
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "page change"

    def __str__(self):
        return f"{self.action} page {self.page_id} ({self.locale})"


class WebhookEvent(models.TextChoices):
    """What a subscription can be told of: the change feed's actions, as Standard Webhooks event
    types."""

    PAGE_PUBLISHED = "page.published", "Page published"
    PAGE_UNPUBLISHED = "page.unpublished", "Page unpublished (or made private, or moved out)"
    PAGE_DELETED = "page.deleted", "Page deleted"
    PAGE_MOVED = "page.moved", "Page moved"
    IMAGE_SAVED = "image.saved", "Image added or changed"
    IMAGE_DELETED = "image.deleted", "Image deleted"
    TOPIC_SAVED = "topic.saved", "Article topic added or renamed"
    TOPIC_DELETED = "topic.deleted", "Article topic deleted"


def new_webhook_secret():
    """A Standard Webhooks secret: `whsec_` and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


web_url_validator = URLValidator(schemes=["http", "https"])


class WebhookSubscription(models.Model):
    """A partner's endpoint, told of the changes it asked for by signed HTTP POSTs
    (partners/webhooks.py). Empty `page_types` or `locales` mean every type or language."""

    name = models.CharField(
        max_length=100, blank=True, help_text="Who this is for, e.g. the partner's name."
    )
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[web_url_validator],
        help_text="Where events are sent (http or https); redirects are not followed.",
    )
    secret = models.CharField(max_length=100, default=new_webhook_secret, editable=False)
    events = models.JSONField(default=list, blank=True)  # clean() asks for one at least
    page_types = models.JSONField(default=list, blank=True)
    locales = models.JSONField(default=list, blank=True)
    active = models.BooleanField(default=True, help_text="Inactive subscriptions are sent nothing.")
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(max_length=500, blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = "webhook subscription"

    def __str__(self):
        return self.name or self.url

    def clean(self):
        errors = {}
        events = self.events if isinstance(self.events, list) else None
        known = set(WebhookEvent.values)
        if not events:
            errors["events"] = "Choose at least one event."
        elif unknown := [e for e in events if e not in known]:
            errors["events"] = (
                f"Unknown event {unknown[0]!r}: use {', '.join(WebhookEvent.values)}."
            )
        page_types = self.page_types if isinstance(self.page_types, list) else None
        if page_types is None:
            errors["page_types"] = "Give a list of page types."
        elif unknown := sorted(set(page_types) - set(page_type_labels() if page_types else ())):
            errors["page_types"] = f"Unknown page type {unknown[0]!r}."
        locales = self.locales if isinstance(self.locales, list) else None
        if locales is None:
            errors["locales"] = "Give a list of language codes."
        elif unknown := sorted(set(locales) - set(locale_codes() if locales else ())):
            errors["locales"] = f"Unknown language {unknown[0]!r}."
        if errors:
            raise ValidationError(errors)

    def wants(self, event, page_type=None, locale=None):
        """Whether this subscription is told of `event`; its page types narrow page events, its
        languages page and topic events (images belong to no page and no language)."""
        if event not in self.events:
            return False
        if event.startswith("image."):
            return True
        if event.startswith("topic."):
            return not self.locales or locale in self.locales
        return (not self.page_types or page_type in self.page_types) and (
            not self.locales or locale in self.locales
        )


def page_type_labels():
    """Every page type, as `app_label.Model`."""
    from wagtail.models import get_page_models

    return sorted(model._meta.label for model in get_page_models() if model is not Page)


def locale_codes():
    return list(Locale.objects.order_by("language_code").values_list("language_code", flat=True))


class WebhookDelivery(models.Model):
    """One event for one subscription, and what became of sending it. Its `message_id` (the
    `webhook-id` header) stays the same on every attempt, so receivers can drop repeats."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        FAILED = "failed", "Failed, will retry"
        SUCCEEDED = "succeeded", "Succeeded"
        GIVEN_UP = "given_up", "Given up"

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    message_id = models.CharField("webhook-id", max_length=64, unique=True)
    event = models.CharField(max_length=50, choices=WebhookEvent.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.event} {self.message_id} ({self.get_status_display()})"
