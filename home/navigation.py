"""What every page's header, footer and breadcrumbs read about the page tree, once per request.

The menu, the footer's legal pages and the articles feed link are all children of the site's
root: they come from one query. The trail above a page is read once for the breadcrumbs and the
structured data alike.
"""

from wagtail.models import Page, Site

from home.caching import public_q
from home.localization import active_locale, localize_pages


def site_root(request):
    """The current site's root page in the visitor's language, or None outside any site."""
    if request is None:
        return None
    # Navigation, footer and header all ask for it: look it up once per request.
    if not hasattr(request, "clinic_site_root"):
        site = Site.find_for_request(request)
        request.clinic_site_root = (
            (localize_pages([site.root_page], locale=request_locale(request)) or [site.root_page])[
                0
            ]
            if site
            else None
        )
    return request.clinic_site_root


def request_locale(request):
    """The active locale, looked up once per request however many tags ask for it."""
    if request is None:
        return active_locale()
    if not hasattr(request, "clinic_locale"):
        request.clinic_locale = active_locale()
    return request.clinic_locale


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
    """The live pages from the site's home down to `page`'s parent. The home page and the
    sections under it are those the menu reads (`root_children`): a page in a section costs no
    query of its own."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    memo = getattr(request, "clinic_ancestors", None) if request is not None else None
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    ancestors = None
    root = site_root(request)
    if root is not None and page.depth <= root.depth + 2 and page.path.startswith(root.path):
        known = {child.path: child for child in root_children(request, root)}
        known[root.path] = root
        paths = [page.path[:end] for end in range(len(root.path), len(page.path), page.steplen)]
        if all(path in known for path in paths):
            ancestors = [known[path] for path in paths]
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    if request is not None:
        request.clinic_ancestors = (page.pk, ancestors)
    return ancestors
