"""Visitor-facing text that lives outside pages. Translatable, unlike Wagtail's site settings."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import INLINE_RICH_TEXT_FEATURES


class SiteAlertQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(starts_at__lte=at).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
        )


class SiteAlert(TranslatableMixin, models.Model):
    """A notice shown at the top of every page while it is active, e.g. a weather closure."""

    class Level(models.TextChoices):
        INFO = "info", "Information"
        WARNING = "warning", "Important"

    title = models.CharField(
        max_length=120, help_text='A short headline, e.g. "Westport closed today".'
    )
    message = RichTextField(features=["bold", "italic", "link"], blank=True)
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.INFO)
    starts_at = models.DateTimeField(
        default=timezone.now, help_text="The alert shows from this moment…"
    )
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text="…until this moment. Leave empty to show it until removed."
    )

    objects = SiteAlertQuerySet.as_manager()

    # The words are translated; how urgent the alert is and when it shows follow the source.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("message"),
        SynchronizedField("level"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("level"),
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("ends_at")], heading="When to show it"
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "site alert"
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The alert must end after it starts."})


class FooterContent(TranslatableMixin, models.Model):
    """The footer's words: a line about the clinic and the medical and crisis notice."""

    about = models.TextField(
        max_length=400, blank=True, help_text="A sentence about the clinic, beside the logo."
    )
    medical_notice = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        help_text="The notice that this site gives no medical advice, with the 988 crisis line.",
    )
    placeholder_notice = models.TextField(
        max_length=400,
        blank=True,
        help_text="Shown while the site uses placeholder contact details. Empty it at launch.",
    )

    panels = [FieldPanel("about"), FieldPanel("medical_notice"), FieldPanel("placeholder_notice")]

    override_translatable_fields = [
        TranslatableField("about"),
        TranslatableField("medical_notice"),
        TranslatableField("placeholder_notice"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "footer"
        verbose_name_plural = "footer"

    def __str__(self):
        return f"Footer ({self.locale})"
