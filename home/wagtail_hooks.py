from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import FooterContent, SiteAlert
from home.rich_text import LocalizedPageLinkHandler


class SiteAlertViewSet(SnippetViewSet):
    model = SiteAlert
    icon = "warning"
    menu_label = "Site alerts"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["title", "level", "starts_at", "ends_at", "locale"]
    list_filter = ["level", "locale"]


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "list-ul"
    menu_label = "Footer"
    list_display = ["__str__", "locale"]


register_snippet(SiteAlertViewSet)
register_snippet(FooterContentViewSet)


@hooks.register("register_rich_text_features", order=10)
def register_localized_page_links(features):
    # After Wagtail's own registration (order 0), which this replaces.
    features.register_link_type(LocalizedPageLinkHandler)
