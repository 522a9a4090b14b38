"""Adding thousands of pages at once: rows written in bulk, not one `add_child()` a page.

Wagtail adds a page with `parent.add_child(instance=page)`: a lock on the tree, the page's own
inserts, signals and, with `save_revision()`, a revision. For a network of thousands of pages that
takes many minutes. Here the pages of one type under one parent go in with one statement for
Wagtail's page table and one batch for the type's own table; their tree paths are numbered after
the parent's last child and the parent's child count moves once.

What `add_child()` and publishing would have done besides is left out on purpose, and is the
caller's to do once for the whole batch: the pages have no revisions (they are live as built, like
pages imported from another system), they are in neither the search index (the search backend's
`add_bulk()`, or `update_index`) nor Wagtail's reference index of what uses what
(`rebuild_references_index`), and no signal is sent (`home.caching.content_changed()` moves the
visitors' content version on once).

Django's `bulk_create` refuses multi-table inherited models, so a page type's own row is written
with the model's concrete fields (Django's `Model._meta` API) and each field's own conversion to
its database value.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

BATCH_SIZE = 1000


def tree_step(number):
    """The path segment of a page's `number`th child (1-based), in Wagtail's tree alphabet."""
    alphabet, width = Page.alphabet, Page.steplen
    digits = ""
    while number:
        number, digit = divmod(number, len(alphabet))
        digits = alphabet[digit] + digits
    if len(digits) > width:
        raise ValueError(f"a page cannot have more than {len(alphabet) ** width - 1} children")
    return digits.rjust(width, alphabet[0])


def last_child_number(parent):
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    return int(last[-Page.steplen :], len(Page.alphabet)) if last else 0


@transaction.atomic
def add_live_children(parent, pages):
    """Add `pages`, unsaved instances of one page type, as live children of `parent` after its
    last child, in the parent's locale unless a page names its own. Returns the pages, saved."""
    if not pages:
        return pages
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise TypeError("add_live_children takes pages of one type at a time")
    if model._meta.get_parent_list() != [Page]:
        # Its own row is written here; a type between it and Page would need its row too.
        raise TypeError(f"{model.__name__} does not inherit from Page directly")
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    first = last_child_number(parent) + 1
    for number, page in enumerate(pages, start=first):
        page.path = parent.path + tree_step(number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = page.locale_id or parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or now

    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages],
        batch_size=BATCH_SIZE,
    )
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.id = row.pk

    insert_own_rows(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def insert_own_rows(model, pages):
    """The rows of the page type's own table (the link to Wagtail's page row and its fields)."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = [
        [field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(values), BATCH_SIZE):
            cursor.executemany(statement, values[start : start + BATCH_SIZE])
