"""Tags for the pieces every page shares: navigation, alerts, footer, breadcrumbs and cards.

Each tag runs a fixed number of queries however many items it lists. What a topic app adds to every
page (the offices in the footer, the articles feed link) is in that app's own tags
(`locations.templatetags.office_tags`, `articles.templatetags.article_tags`).
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

from home import caching, time_zones
from home.localization import (
    default_locale,
    localize_pages,
    prefetch_images,
    prefetch_images_of,
)
from home.models import ClinicSettings, SiteAlert
from home.navigation import live_ancestors, request_locale, root_children, site_root

register = template.Library()


def for_active_locale(queryset, request=None):
    """Rows of a translatable model in the active locale, with the default locale's rows that have
    no translation there yet (so an untranslated alert still shows), in the queryset's order."""
    locale = request_locale(request)
    default = default_locale()
    rows = list(queryset.filter(locale_id__in={locale.pk, default.pk}))
    translated = {row.translation_key for row in rows if row.locale_id == locale.pk}
    return [
        row for row in rows if row.locale_id == locale.pk or row.translation_key not in translated
    ]


def _menu_pages(request, root):
    """The live, public pages under the site root that are shown in menus."""
    return [child for child in root_children(request, root) if child.show_in_menus]


def cache_parts(request):
    """What a shared fragment depends on besides the content: the site, the language and the
    day (offices show today's hours, each in its own time zone: the date in every zone)."""
    site = Site.find_for_request(request) if request is not None else None
    return [
        site.pk if site else "-",
        request_locale(request).language_code,
        time_zones.days_key(),
    ]


def _menu_items(request, root):
    """The menu as plain values (address, title, tree position), cached per content version."""

    def build():
        return [
            {
                "pk": child.pk,
                "url": child.get_url(request),
                "title": child.title,
                "path": child.path,
                "depth": child.depth,
                "type": child.content_type_id,
                "feed_title": child.seo_title or child.title,
            }
            for child in _menu_pages(request, root)
        ]

    return caching.fragment(request, "menu", cache_parts(request), build)


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The menu pages under the site root, with the section the visitor is in marked current."""
    request = context.get("request")
    root = site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        for child in _menu_items(request, root):
            is_current = bool(
                current is not None
                and getattr(current, "path", "").startswith(child["path"])
                and current.depth >= child["depth"]
            )
            items.append({**child, "is_current": is_current})
    return {"request": request, "root": root, "items": items, "page": current}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The address of the site's home page in the visitor's language."""
    request = context.get("request")
    if request is None:
        return "/"

    def build():
        root = site_root(request)
        return root.get_url(request) if root is not None else "/"

    return caching.fragment(request, "home-url", cache_parts(request), build)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` with scheme and host, for social-media tags that need a full address."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


def _live_versions(page):
    """{language code: page} for the live versions of `page` in each locale (one query)."""
    return {
        version.locale.language_code: version
        for version in page.get_translations(inclusive=True).live().select_related("locale")
    }


class _Url:
    """A page's address as `_language_versions` reads it (`.get_url()`), from the cache."""

    def __init__(self, url):
        self.url = url

    def get_url(self, request=None):
        return self.url


def _language_versions(context):
    """Where each of the site's languages leads from the page being shown, computed once per
    request: `{code: (url, same_page)}`. `same_page` is False where the page has no live version
    in that language and the link falls back to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    cached = getattr(request, "clinic_language_versions", None)
    if cached is not None:
        return cached
    versions = {}
    if isinstance(page, Page) and page.pk:
        if request is not None and not getattr(request, "is_preview", False):
            versions = caching.fragment(
                request,
                "translations",
                [page.pk],
                lambda: {
                    code: (p.pk, p.get_url(request)) for code, p in _live_versions(page).items()
                },
            )
            versions = {code: _Url(url) for code, (_pk, url) in versions.items()}
        else:
            versions = _live_versions(page)
    match = getattr(request, "resolver_match", None)
    # Django views under the language prefixes (search) have an address in every language.
    routed_view = (
        not isinstance(page, Page)
        and match is not None
        and match.url_name not in (None, "wagtail_serve")
    )
    homes = None
    result = {}
    for code, _name in settings.LANGUAGES:
        if code in versions:
            result[code] = (versions[code].get_url(request), True)
        elif routed_view:
            result[code] = (translate_url(request.get_full_path(), code), True)
        else:
            if homes is None:
                site = Site.find_for_request(request) if request is not None else None
                homes = _live_versions(site.root_page) if site is not None else {}
            home = homes.get(code)
            url = home.get_url(request) if home is not None else None
            result[code] = (url or translate_url("/", code), False)
    if request is not None:
        request.clinic_language_versions = result
    return result


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context):
    """Links to this page in each of the site's other languages; where the page has no live
    version in a language, to that language's home page."""
    request = context.get("request")
    current_code = request_locale(request).language_code
    versions = _language_versions(context)
    links = [
        {"code": code, "name": name, "url": versions[code][0]}
        for code, name in settings.LANGUAGES
        if code != current_code and code in versions
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """`<link rel="alternate" hreflang>` for every live language version of a page that has been
    translated, and `x-default` for the default language's version; nothing otherwise."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return ""
    same_page = {
        code: url for code, (url, exact) in _language_versions(context).items() if exact and url
    }
    if len(same_page) < 2:
        return ""
    links = [(code, request.build_absolute_uri(url)) for code, url in same_page.items()]
    default_code = default_locale().language_code
    if default_code in same_page:
        links.append(("x-default", request.build_absolute_uri(same_page[default_code])))
    return format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', ((code, url) for code, url in links)
    )


@register.inclusion_tag("includes/site_alerts.html", takes_context=True)
def site_alerts(context):
    """Alerts showing now, in the visitor's language (the default language's when none)."""
    now = timezone.now()
    return {
        "alerts": [
            alert
            for alert in _pending_alerts(context.get("request"), now)
            if alert.starts_at <= now and (alert.ends_at is None or alert.ends_at > now)
        ]
    }


def _pending_alerts(request, now):
    """Every alert not over yet, in the visitor's language, read once per request: a cached
    page expires when one starts or ends (`next_alert_change`)."""
    pending = getattr(request, "pending_site_alerts", None)
    if pending is None:
        rows = SiteAlert.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        pending = for_active_locale(rows, request)
        if request is not None:
            request.pending_site_alerts = pending
    return pending


def next_alert_change(request):
    """Seconds until an alert starts or ends (when a cached page goes out of date), or None."""
    now = timezone.now()
    moments = [
        moment
        for alert in _pending_alerts(request, now)
        for moment in (alert.starts_at, alert.ends_at)
        if moment is not None and moment > now
    ]
    return (min(moments) - now).total_seconds() if moments else None


@register.simple_tag(takes_context=True)
def clinic_settings(context):
    """The clinic's name, main phone number and whether it is a demo site (site settings), cached
    per content version."""
    request = context.get("request")

    def build():
        values = ClinicSettings.for_request(request) if request is not None else None
        return {
            "clinic_name": getattr(values, "clinic_name", ""),
            "main_phone": getattr(values, "main_phone", ""),
            "demo_notice": getattr(values, "demo_notice", False),
        }

    if request is None:
        return build()
    return caching.fragment(request, "clinic-settings", cache_parts(request)[:1], build)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The trail from the site's home page down to `page`; nothing on the home page itself."""
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    request = context.get("request")

    def build():
        return [
            {"url": ancestor.get_url(request), "title": ancestor.title}
            for ancestor in live_ancestors(page, request)
        ]

    if request is None or getattr(request, "is_preview", False):
        ancestors = build()
    else:
        ancestors = caching.fragment(request, "breadcrumbs", [page.pk], build)
    return {"ancestors": ancestors, "page": page, "request": request}


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [*cache_parts(request), *(part.resolve(context) for part in self.parts)]
        return mark_safe(
            caching.fragment(
                request,
                f"html:{self.name.resolve(context)}",
                parts,
                lambda: str(self.nodelist.render(context)),
            )
        )


@register.tag
def fragment(parser, token):
    """`{% fragment "name" part … %}…{% endfragment %}`: the enclosed HTML, built once per content
    generation, site, language and the parts given (usually the page's id), and never cached in a
    preview. For sections made of other pages (related cards): what they show changes only when
    content changes, and the queries inside run only when the fragment is built. The enclosed
    markup must not depend on the visitor (no forms, no signed-in state)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


@register.simple_tag(takes_context=True)
def card(context, page, heading_level=3):
    """Render `page` with the card template its model names."""
    page = page.specific
    return render_to_string(
        page.card_template,
        {"page": page, "heading_level": heading_level, "request": context.get("request")},
    )


@register.simple_tag(takes_context=True)
def search_result(context, page):
    """Render a search hit with the result template its model names."""
    page = page.specific
    template_name = getattr(page, "search_template", "includes/search_result.html")
    return render_to_string(template_name, {"page": page, "request": context.get("request")})


@register.filter
def with_renditions(pages, fields="listing_image"):
    """`pages` with the images of the named fields and their renditions fetched in two queries
    at most, whatever the number and types of pages, so a list of cards does not look renditions
    up one image at a time."""
    pages = list(pages)
    prefetch_images(pages, [name.strip() for name in fields.split(",") if name.strip()])
    return pages


@register.simple_tag
def card_images(*lists_and_fields):
    """`{% card_images featured "listing_image" offices "listing_image,image" %}`: the images of
    several lists of cards (each with the fields its cards show) and their renditions in two
    queries, for a page that shows several grids; `with_renditions` then finds them read."""
    groups = [
        (list(pages), [name.strip() for name in fields.split(",") if name.strip()])
        for pages, fields in zip(lists_and_fields[::2], lists_and_fields[1::2], strict=True)
    ]
    prefetch_images_of(groups)
    return ""


@register.filter
def in_visitor_language(page):
    """`page` in the visitor's language where a live translation exists, else `page` itself.

    Like Wagtail's `page.localized`, for links that follow the source page (a banner button, a
    call to action, a reviewer), but with the locale looked up once per process, not per link.
    """
    if not isinstance(page, Page):
        return page
    return next(iter(localize_pages([page])), page)


@register.filter
def tel_href(number):
    """A tap-to-call address for a phone number as people write it; US numbers get +1."""
    digits = "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
    if not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return f"tel:{digits}"


@register.filter
def todays_hours(location):
    """Today's opening periods of an office (today where the office is). Lists of offices read
    their hours in advance (`LocationPage.for_cards`, `office_list`), so a list of cards costs no
    query per office."""
    today = location.local_date().weekday()
    return sorted(
        (row for row in location.opening_hours.all() if row.weekday == today),
        key=lambda row: row.opens,
    )


@register.filter
def language_name(code):
    """The name of a language, given its code, in the visitor's language."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
