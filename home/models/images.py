from django.db import models
from django.utils import translation
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class ClinicImage(AbstractImage):
    """The site's image model: every image carries its own alt text, in each language the site
    is read in, and its credit.

    An image is shared by a page and its translations (wagtail-localize synchronises image
    choices), so its alt text is kept here once per language rather than translated per page.
    """

    alt_text = models.CharField(
        max_length=255,
        blank=True,
        help_text=(
            "Describe what the image shows for visitors who cannot see it, in one sentence. "
            "Leave empty only for purely decorative images."
        ),
    )
    alt_text_es = models.CharField(
        "Spanish alt text",
        max_length=255,
        blank=True,
        help_text=(
            "The same description in Spanish, read on the Spanish pages and in the API with "
            "locale=es. Left empty, Spanish pages read the English one."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Photographer or illustrator, if the licence asks for a credit.",
    )

    # Wagtail's own `description` is left out of the form: this model's alt text is what pages
    # show, and a second box meaning nearly the same would be filled in and never seen.
    admin_form_fields = (
        *(name for name in Image.admin_form_fields if name != "description"),
        "alt_text",
        "alt_text_es",
        "credit",
    )

    @property
    def default_alt_text(self):
        """The alt text in the language being served (the page's, or the API's `?locale=`),
        Wagtail's `{% image %}` and `{% picture %}` tags' `alt`."""
        return self.alt_text_in(translation.get_language())

    def alt_text_in(self, language):
        if (language or "").split("-")[0] == "es" and self.alt_text_es:
            return self.alt_text_es
        return self.alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class ClinicRendition(AbstractRendition):
    image = models.ForeignKey(ClinicImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
