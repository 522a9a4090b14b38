"""Keep what visitors see of a live page unchanged when a draft of it is saved.

Wagtail serves a page from its row and keeps drafts in revisions; its own "Save draft" never
writes the row of a live page. wagtail-localize's "Sync translated pages" without "Publish" does:
it saves the translation with the new source strings (still in English) and then its draft
revision, so a live Spanish page would show the untranslated update before anyone reviewed or
published it. When a new revision of a live page is created, the row is put back to the page's
live revision, so the update stays a draft until it is published.
"""

from django.db.models.signals import post_save
from wagtail.models import Page, Revision

KEPT_FROM_ROW = (
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
)


def keep_live_content(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    page = instance.content_object
    if not isinstance(page, Page) or not page.live:
        return
    live_revision_id = page.live_revision_id
    if live_revision_id is None or live_revision_id == instance.pk:
        return
    live_revision = Revision.objects.filter(pk=live_revision_id).first()
    if live_revision is None:
        return
    # `as_object` takes the content, inline rows included, from the live revision and keeps most
    # of the row's own bookkeeping (live, latest revision, tree position); the rest is kept here.
    restored = live_revision.as_object()
    for name in KEPT_FROM_ROW:
        setattr(restored, name, getattr(page, name))
    restored.save(clean=False)


def connect():
    post_save.connect(
        keep_live_content, sender=Revision, dispatch_uid="editorial.keep_live_content"
    )
