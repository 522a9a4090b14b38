"""What partner apps are told: the pages the content API lists, and every change to that set."""

from django.db import models
from django.utils import timezone


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
