import copy

from django.db import models
from django.db.models import Q
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


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

    # Wagtail 8.0 writes every rendition it finds in the cache back to the cache, so each image
    # on a page costs a write and a pickled copy of the image on every request. The methods
    # below mark what the cache answered, as Wagtail's main branch now does (wagtail#14541).

    def find_existing_renditions(self, *filters):
        found = {}
        if self._get_prefetched_renditions() is not None:
            found = super().find_existing_renditions(*filters)
        missing = [each for each in filters if each not in found]
        # Not read with the image, or made after it was (an image kept in the cache with its
        # page): where Wagtail trusts what was read, it would make their files again.
        if missing:
            found.update(self._renditions_in_the_cache(missing))
            missing = [each for each in filters if each not in found]
        if missing:
            found.update(self._renditions_in_the_database(missing))
        return found

    def _renditions_in_the_cache(self, filters):
        rendition_model = self.get_rendition_model()
        by_key = {
            rendition_model.construct_cache_key(self, each.get_cache_key(self), each.spec): each
            for each in filters
        }
        found = {}
        for key, rendition in rendition_model.cache_backend.get_many(list(by_key)).items():
            rendition.image = self
            rendition._from_cache = True
            found[by_key[key]] = rendition
        return found

    def _renditions_in_the_database(self, filters):
        by_key = {(each.spec, each.get_cache_key(self)): each for each in filters}
        wanted = Q()
        for spec, focal_point_key in by_key:
            wanted |= Q(filter_spec=spec, focal_point_key=focal_point_key)
        # Wagtail keeps what it read from the database in the cache, image included: without
        # the renditions read with the image, each of its renditions would carry them all.
        image = copy.copy(self)
        image._prefetched_objects_cache = {}
        found = {}
        for rendition in self.get_rendition_model().objects.filter(wanted, image=self):
            rendition.image = image
            found[by_key[rendition.filter_spec, rendition.focal_point_key]] = rendition
        return found

    def get_rendition(self, filter):
        if not isinstance(filter, str | Filter):
            return super().get_rendition(filter)  # Wagtail's error for what is not a filter
        # get_renditions() writes to the cache only what it did not read from it.
        (rendition,) = self.get_renditions(filter).values()
        return rendition

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class ClinicRendition(AbstractRendition):
    image = models.ForeignKey(ClinicImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
