"""Page links in rich text, read for a whole text at once and shown in the visitor's language.

Wagtail's own handler reads the linked pages with a query per page type and then, for each link,
looks up the active Locale and the page's translation (`page.localized`: two queries a link), so a
text's cost grows with its links. A URL needs no page type: here the links of a text cost one
query, and one more when some link targets are in another language than the visitor's. It is
registered through Wagtail's `register_rich_text_features` hook (home/wagtail_hooks.py).
"""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from home.blocks import chosen_in_advance
from home.localization import active_locale, localized_by_key


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        wanted = {int(value) for value in ids if value.isdigit()}
        known = chosen_in_advance(Page)  # an API listing reads its pages' links in advance
        pages = {str(pk): known[pk] for pk in wanted & known.keys() if known[pk] is not None}
        if wanted - known.keys():
            pages.update(
                (str(page.pk), page)
                for page in Page.objects.filter(pk__in=wanted - known.keys()).defer_streamfields()
            )
        return [pages.get(value) for value in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        found = [page for page in pages if page is not None]
        localized = localized_by_key(found, Page.objects.all(), active_locale()) if found else {}
        return [
            f'<a href="{escape(localized.get(page.translation_key, page).url)}">' if page else "<a>"
            for page in pages
        ]
