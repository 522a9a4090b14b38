from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """Language-neutral facts about the clinic. Words visitors read belong in snippets."""

    clinic_name = models.CharField(max_length=120, default="Ki Ketamine")
    main_phone = models.CharField(
        max_length=30,
        blank=True,
        help_text="The number for general questions, e.g. (203) 555-0142.",
    )

    demo_notice = models.BooleanField(
        default=False,
        verbose_name="demo site",
        help_text="Shows a banner on every page saying that the addresses, phone numbers and "
        "other contact details are examples. Turn it off once the real details are in.",
    )

    class Meta:
        verbose_name = "clinic details"
