"""What every page's header, footer and breadcrumbs read about the page tree, once per request.

The menu, the footer's legal pages and the articles feed link are all children of the site's
root: they come from one query. The trail above a page is read once for the breadcrumbs and the
structured data alike.
"""

from wagtail.models import Page

from home.caching import public_q


def root_children(request, root):
    """The live, public pages directly under `root` (the site's home in the visitor's
    language), in the tree's order."""
    if request is None:
        return list(root.get_children().live().filter(public_q()))
    found = getattr(request, "clinic_root_children", None)
    if found is None or found[0] != root.pk:
        found = (root.pk, list(root.get_children().live().filter(public_q())))
        request.clinic_root_children = found
    return found[1]


def live_ancestors(page, request=None):
    """The live pages from the site's home down to `page`'s parent."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    memo = getattr(request, "clinic_ancestors", None) if request is not None else None
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    if request is not None:
        request.clinic_ancestors = (page.pk, ancestors)
    return ancestors
