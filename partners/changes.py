"""The change feed: every change to the set of pages the content API lists, oldest first.

The API lists a page to anyone when it is live, public (no view restriction on it or an
ancestor) and inside a site (under a site's root page or a translation of it), as Wagtail's
`get_public_pages_queryset` does. `ListedPage` holds that set as partners last learned of it.
When something that can change it happens (a publish, an unpublish, a move, a delete, a view
restriction or a site saved or deleted, a page created live), the part of the tree it touched is
compared with `ListedPage`, and each difference is written down as a `PageChange`:

- listed and not known, or known and published again: `published`;
- known and listed at another address: `moved`;
- known and no longer listed: `unpublished`, or `deleted` when the page is gone.

So a partner that applies the feed in order ends with exactly the pages the API lists, whatever
path a change took. The comparison runs inside the change's own transaction, holding a lock on the
feed, so the feed commits with the change and its ids grow in the order changes commit.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail import signals
from wagtail.models import Page, PageViewRestriction, Site

from partners import webhooks
from partners.models import ListedPage, PageChange

Action = PageChange.Action


def listed_q():
    """The pages the content API lists to anyone, as a filter (two queries to build)."""
    roots = Page.objects.filter(
        translation_key__in=Site.objects.values("root_page__translation_key")
    ).values_list("path", flat=True)
    inside = Q()
    for path in roots:
        inside |= Q(path__startswith=path)
    if not inside:
        return Q(pk__in=[])
    listed = Q(live=True, depth__gt=1) & inside
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        listed &= ~Q(path__startswith=path)
    return listed


def _scope(url_paths):
    if url_paths is None:
        return Q()
    scope = Q(pk__in=[])
    for url_path in url_paths:
        if url_path:
            scope |= Q(url_path__startswith=url_path)
    return scope


def _type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.label if model is not None else "wagtailcore.Page"


def reconcile(url_paths=None):
    """Bring `ListedPage` in line with the pages under `url_paths` (all pages when None), writing
    a `PageChange` for each difference. Returns the changes written."""
    with transaction.atomic():
        # One writer at a time: ids are handed out in the order the changes commit.
        list(PageChange.objects.select_for_update().order_by("-pk").values_list("pk")[:1])
        scope = _scope(url_paths)
        wanted = {
            row["pk"]: row
            for row in Page.objects.filter(scope & listed_q()).values(
                "pk",
                "content_type_id",
                "locale__language_code",
                "translation_key",
                "url_path",
                "last_published_at",
            )
        }
        known_rows = ListedPage.objects.all()
        if url_paths is not None:
            known_rows = known_rows.filter(_scope(url_paths) | Q(page_id__in=list(wanted)))
        known = {row.page_id: row for row in known_rows}
        gone = [page_id for page_id in known if page_id not in wanted]
        existing = set(Page.objects.filter(pk__in=gone).values_list("pk", flat=True))

        changes, listed, unlisted = [], [], []
        for page_id, row in wanted.items():
            page = ListedPage(
                page_id=page_id,
                page_type=_type_label(row["content_type_id"]),
                locale=row["locale__language_code"],
                translation_key=row["translation_key"],
                url_path=row["url_path"],
                last_published_at=row["last_published_at"],
            )
            before = known.get(page_id)
            if before is None or before.last_published_at != page.last_published_at:
                action = Action.PUBLISHED
            elif before.url_path != page.url_path:
                action = Action.MOVED
            else:
                continue
            changes.append(_change(page, action))
            listed.append(page)
        for page_id in gone:
            page = known[page_id]
            action = Action.UNPUBLISHED if page_id in existing else Action.DELETED
            changes.append(_change(page, action))
            unlisted.append(page_id)

        ListedPage.objects.filter(page_id__in=unlisted).delete()
        ListedPage.objects.bulk_create(
            listed,
            update_conflicts=True,
            unique_fields=["page_id"],
            update_fields=[
                "page_type",
                "locale",
                "translation_key",
                "url_path",
                "last_published_at",
            ],
        )
        written = PageChange.objects.bulk_create(changes)
        webhooks.queue_for_changes(written)
        return written


def _change(page, action):
    return PageChange(
        page_id=page.page_id,
        page_type=page.page_type,
        locale=page.locale,
        translation_key=page.translation_key,
        action=action,
    )


def _published_or_unpublished(sender, instance, **kwargs):
    reconcile([instance.url_path])


def _moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    reconcile([url_path_before, url_path_after or instance.url_path])


def _page_saved_or_deleted(sender, instance, created=False, raw=False, **kwargs):
    if raw or not issubclass(sender, Page):
        return
    if kwargs.get("signal") is post_delete or (created and instance.live):
        # Deleted, or made live as it was created (an alias) without `page_published`.
        reconcile([instance.url_path])


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).values_list("url_path", flat=True).first()
    if page is not None:  # the page itself being deleted is reconciled as it goes
        reconcile([page])


def _site_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reconcile()


def fill_after_migrate(**kwargs):
    """On a new install (or when the app is added to one), the feed starts with every page the
    API lists, published: a partner reading it from the start gets them all."""
    if not ListedPage.objects.exists() and not PageChange.objects.exists():
        reconcile()


def connect():
    signals.page_published.connect(_published_or_unpublished, dispatch_uid="feed-published")
    signals.page_unpublished.connect(_published_or_unpublished, dispatch_uid="feed-unpublished")
    signals.post_page_move.connect(_moved, dispatch_uid="feed-moved")
    post_save.connect(_page_saved_or_deleted, dispatch_uid="feed-page-saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="feed-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"feed-r-{id(signal)}"
        )
        signal.connect(_site_changed, sender=Site, dispatch_uid=f"feed-s-{id(signal)}")
