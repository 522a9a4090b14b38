from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class ClinicImage(AbstractImage):
    """The site's image model: every image carries its own alt text and credit."""

    alt_text = models.CharField(
        max_length=255,
        blank=True,
        help_text=(
            "Describe what the image shows for visitors who cannot see it, in one sentence. "
            "Leave empty only for purely decorative images."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Photographer or illustrator, if the licence asks for a credit.",
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    @property
    def default_alt_text(self):
        return self.alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class ClinicRendition(AbstractRendition):
    image = models.ForeignKey(ClinicImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
